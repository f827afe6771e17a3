// The escape experiment of EXACT Section 7 and Appendix D.2 (claims EXACT-ESC, EXACT-CONTOUR) for one configuration:
// the minimizer and its spectrum, gradient descent from w* + r v_1 at step sizes around 2 / lambda_max, and the contour
// maps of Appendix D.1 that the trajectories are drawn on. Pure computation: no I/O.
using System.Globalization;
using Sharpness.Theory;

namespace Sharpness.Verification.Experiments;

/// <summary>What a gradient descent run did relative to <c>w*</c>.</summary>
public enum EscapeOutcome
{
    /// <summary>It never moved a thousandfold farther from <c>w*</c> than it started: it stayed (and, below the threshold, returned).</summary>
    Stayed,

    /// <summary>The distance from <c>w*</c> grew at least a thousandfold: the minimum is unstable for this step size.</summary>
    Escaped,

    /// <summary>The loss blew up (see <see cref="GradientDescent.DivergedNormalizedLoss"/>).</summary>
    Diverged,
}

/// <summary>The step sizes, the iteration budget and the contour resolution of the escape experiments.</summary>
public sealed record EscapeOptions
{
    /// <summary>
    /// Step sizes as multiples of <c>2 / lambda_max</c>: two below (GD returns), exactly at the threshold (the paper says
    /// GD converges there; the linearization is neutral), and three above (GD escapes; 1.5 is large enough that the nearest
    /// minimizers flat enough to stop at are far away, or absent, so the catapult shows).
    /// </summary>
    public static IReadOnlyList<double> DefaultStepMultiples { get; } = [0.9, 0.95, 1.0, 1.05, 1.1, 1.5];

    /// <summary>
    /// 2000 steps per run: at 1.05 x 2 / lambda_max the top component grows by 1.1 a step, so from r = 1e-15 (relative
    /// 4e-17 at Figure 1) it takes about 530 steps to reach 1e-3 and a few hundred more to settle; 2000 leaves room.
    /// </summary>
    public const int DefaultIterations = 2000;

    /// <summary>Grid points per contour axis.</summary>
    public const int DefaultContourResolution = 61;

    /// <summary>Step multiples of <c>2 / lambda_max</c> (closed form).</summary>
    public IReadOnlyList<double> StepMultiples { get; init; } = DefaultStepMultiples;

    /// <summary>Gradient descent steps per run.</summary>
    public int Iterations { get; init; } = DefaultIterations;

    /// <summary>Grid points per contour axis (at least 3).</summary>
    public int ContourResolution { get; init; } = DefaultContourResolution;
}

/// <summary>One gradient descent run of an escape experiment.</summary>
/// <param name="Multiple">The step as a multiple of <c>2 / lambda_max</c> (closed form).</param>
/// <param name="Trace">The recorded run.</param>
/// <param name="Outcome">Stayed, escaped or diverged.</param>
public sealed record EscapeRun(double Multiple, DescentTrace Trace, EscapeOutcome Outcome);

/// <summary>A contour map (EXACT eq. 91) with the runs drawn on it.</summary>
/// <param name="Caption">Which runs: <c>eta &gt;= 2/lambda_max</c> or <c>eta &lt; 2/lambda_max</c> (the split of Figure 3).</param>
/// <param name="Grid">The map's values.</param>
/// <param name="Runs">The runs projected on it.</param>
public sealed record EscapeContour(string Caption, ContourGrid Grid, IReadOnlyList<EscapeRun> Runs);

/// <summary>Everything one configuration's escape experiment computed.</summary>
/// <param name="Configuration">The configuration.</param>
/// <param name="Minimum">The minimizer and the oracle's spectrum.</param>
/// <param name="ClosedFormLambdaMax">lambda_max from the closed form the figure's caption names.</param>
/// <param name="MaxStableStep"><c>2 / lambda_max</c> (closed form): the unit of the step multiples.</param>
/// <param name="Runs">One run per step multiple.</param>
/// <param name="Contours">The maps for <c>eta &gt;= 2/lambda_max</c> and <c>eta &lt; 2/lambda_max</c> (either may be absent).</param>
public sealed record EscapeResult(
    EscapeConfiguration Configuration,
    EscapeMinimum Minimum,
    double ClosedFormLambdaMax,
    double MaxStableStep,
    IReadOnlyList<EscapeRun> Runs,
    IReadOnlyList<EscapeContour> Contours)
{
    /// <summary><c>|closed form - oracle| / oracle</c> for lambda_max.</summary>
    public double RelativeDifference => Math.Abs(ClosedFormLambdaMax - Minimum.LambdaMax) / Minimum.LambdaMax;

    /// <summary>True when the closed form equals the oracle's lambda_max within the oracle's tolerance (dense or Lanczos)
    /// at the oracle's scale, as EXACT-ESC's property <c>ClosedFormEqualsOracleAtPaperConfigurations</c> requires.</summary>
    public bool ClosedFormAgreesWithOracle =>
        (Minimum.Method == SpectrumMethod.Dense ? Tolerance.DenseOracle : Tolerance.LanczosOracle).IsClose(ClosedFormLambdaMax, Minimum.LambdaMax, Minimum.Scale);
}

/// <summary>Runs the escape experiments of EXACT Section 7 and Appendix D.2.</summary>
/// <remarks>EXACT Section 7, Figures 1-7, Appendix D.1-D.2 (claims EXACT-ESC, EXACT-CONTOUR).</remarks>
public static class EscapeExperiment
{
    /// <summary>
    /// A run escaped when its distance from <c>w*</c> grew this many times beyond its start (or beyond <c>eps ||w*||</c>, the
    /// resolution of <c>w*</c> in doubles, if the start is closer). At or below the threshold the linearization does not
    /// amplify the top component, and rounding alone moved the paper's runs at most about 60-fold (at r = 1e-15, below
    /// that resolution); above it the offset grows geometrically until the nonlinear terms stop it, at least 2e7-fold in
    /// the paper's configurations (Figure 6 at 1.05 x 2 / lambda_max).
    /// </summary>
    public const double EscapeGrowth = 1000;

    /// <summary>
    /// The smallest half-width of a contour map, relative to <c>||w*||</c>: below about <c>1e-12 ||w*||</c> the loss on the
    /// map is at the size of its rounding error, so maps of runs that never left such a neighbourhood are drawn at 1e-11.
    /// </summary>
    public const double SmallestContourExtent = 1e-11;

    /// <summary>The number of progress reports <see cref="Run"/> makes: the spectrum, one per run, one per contour map.</summary>
    public static int Stages(EscapeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return 1 + options.StepMultiples.Count + 2;
    }

    /// <summary>
    /// Builds the configuration's minimizer, its spectrum (oracle) and lambda_max (closed form), runs pure full-batch GD from
    /// <c>w* + r v_1</c> for <see cref="EscapeOptions.Iterations"/> steps at each step multiple of <c>2 / lambda_max</c>, and
    /// maps the loss around <c>w*</c> on <c>(v_1, v_N)</c> for the runs at or above the threshold and for those below.
    /// </summary>
    /// <param name="configuration">The figure's configuration.</param>
    /// <param name="options">Step multiples, iterations, contour resolution; null for the defaults.</param>
    /// <param name="formulas">The closed forms and contour axes; null for <see cref="Formulas.Theory"/>.</param>
    /// <param name="progress">Receives one line per finished stage (see <see cref="Stages"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="configuration"/> is null.</exception>
    /// <exception cref="ArgumentException">No step multiples, a multiple that is not finite and positive, a negative iteration count, or fewer than 3 contour points.</exception>
    public static EscapeResult Run(EscapeConfiguration configuration, EscapeOptions? options = null, Formulas? formulas = null, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        options ??= new EscapeOptions();
        formulas ??= Formulas.Theory;
        Validate(options);

        var minimum = EscapeMinimum.Of(configuration);
        var closedForm = formulas.LambdaMax(configuration.ClosedForm, minimum.Minimizer);
        var unit = formulas.MaxStableStep(closedForm);
        progress?.Report(string.Create(CultureInfo.InvariantCulture, $"{configuration.Id}: spectrum ({minimum.Method})"));

        var start = minimum.AlongTop(configuration.Radius);
        var runs = new List<EscapeRun>();
        foreach (var multiple in options.StepMultiples)
        {
            var trace = GradientDescent.Run(minimum, start, multiple * unit, new DescentOptions(options.Iterations));
            runs.Add(new EscapeRun(multiple, trace, Classify(trace)));
            progress?.Report(string.Create(CultureInfo.InvariantCulture, $"{configuration.Id}: eta = {multiple} x 2/lambda_max"));
        }

        var axes = formulas.ContourAxes(minimum);
        var contours = new List<EscapeContour>();
        foreach (var (caption, group) in new[]
        {
            ("eta >= 2/lambda_max", runs.Where(r => r.Multiple >= 1).ToList()),
            ("eta < 2/lambda_max", runs.Where(r => r.Multiple < 1).ToList()),
        })
        {
            if (group.Count > 0)
            {
                var extent = ContourExtent(minimum, group);
                var coordinates = ContourGrid.Symmetric(extent, options.ContourResolution);
                contours.Add(new EscapeContour(caption, ContourGrid.Of(minimum, axes.Zeta, axes.Gamma, coordinates, coordinates), group));
            }

            progress?.Report($"{configuration.Id}: contour map, {caption}");
        }

        return new EscapeResult(configuration, minimum, closedForm, unit, runs, contours);
    }

    /// <summary>Diverged when the loss blew up; escaped when the distance grew <see cref="EscapeGrowth"/>-fold; otherwise stayed.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="trace"/> is null.</exception>
    public static EscapeOutcome Classify(DescentTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        if (trace.Stop == DescentStop.Diverged)
        {
            return EscapeOutcome.Diverged;
        }

        var start = Math.Max(trace.NormalizedDistance[0], Sharpness.Theory.Tolerance.MachineEpsilon);
        return trace.MaxNormalizedDistance >= EscapeGrowth * start ? EscapeOutcome.Escaped : EscapeOutcome.Stayed;
    }

    // A square window 20% wider than the farthest projection of the group's runs that did not diverge (a diverging run
    // leaves any window), so both axes share one scale.
    private static double ContourExtent(EscapeMinimum minimum, IReadOnlyList<EscapeRun> group)
    {
        var farthest = group
            .Where(r => r.Outcome != EscapeOutcome.Diverged)
            .SelectMany(r => r.Trace.TopProjection.Concat(r.Trace.BottomProjection))
            .Where(double.IsFinite)
            .Select(Math.Abs)
            .DefaultIfEmpty(0)
            .Max();
        return Math.Max(1.2 * farthest, SmallestContourExtent * minimum.PointNorm);
    }

    private static void Validate(EscapeOptions options)
    {
        if (options.StepMultiples is null || options.StepMultiples.Count == 0)
        {
            throw new ArgumentException("At least one step multiple is needed.", nameof(options));
        }

        foreach (var m in options.StepMultiples)
        {
            if (!double.IsFinite(m) || m <= 0)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Step multiples must be finite and positive; got {m}."), nameof(options));
            }
        }

        if (options.Iterations < 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Iterations must be >= 0 but is {options.Iterations}."), nameof(options));
        }

        if (options.ContourResolution < 3)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The contour needs at least 3 points per axis but got {options.ContourResolution}."), nameof(options));
        }
    }
}

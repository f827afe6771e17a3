// Pure full-batch gradient descent w_(k+1) = w_k - eta grad L(w_k) (no momentum, no clipping), as in EXACT Section 7
// (claim EXACT-ESC), recording what the paper's panels plot, and stopping cleanly when the iterates blow up.
using System.Globalization;

namespace Sharpness.Verification.Experiments;

/// <summary>Why a gradient descent run stopped.</summary>
public enum DescentStop
{
    /// <summary>It ran every iteration it was given.</summary>
    IterationLimit,

    /// <summary>It went farther from <c>w*</c> than the requested normalized distance (the escape was decided).</summary>
    LeftBall,

    /// <summary>Its normalized loss fell to the requested level (the return was decided).</summary>
    ReachedLoss,

    /// <summary>The loss became non-finite or exceeded <see cref="GradientDescent.DivergedNormalizedLoss"/>.</summary>
    Diverged,
}

/// <summary>When gradient descent stops: after <paramref name="MaxIterations"/> steps, or earlier once an outcome is decided.</summary>
/// <param name="MaxIterations">The most steps taken (the trace then has <c>MaxIterations + 1</c> points).</param>
/// <param name="StopBelowNormalizedLoss">Stop once <c>L(w_k) / ||M||_F^2</c> is at or below this, if given.</param>
/// <param name="StopBeyondNormalizedDistance">Stop once <c>||w_k - w*|| / ||w*||</c> exceeds this, if given.</param>
public sealed record DescentOptions(int MaxIterations, double? StopBelowNormalizedLoss = null, double? StopBeyondNormalizedDistance = null);

/// <summary>
/// One gradient descent run seen from <c>w*</c>: per iterate <c>w_k</c> (<c>k = 0</c> is the start) the normalized loss
/// <c>L(w_k) / ||M||_F^2</c> (panel a), the normalized distance <c>||w_k - w*|| / ||w*||</c> (panel b), and the
/// coordinates <c>x_k = &lt;w_k - w*, v_1&gt;</c>, <c>y_k = &lt;w_k - w*, v_N&gt;</c> of its projection on the contour map (panel c).
/// </summary>
/// <remarks>
/// EXACT Section 7 (claim EXACT-ESC). The paper's captions disagree on the distance: Figure 1 plots
/// <c>||w_k - w*||_2 / ||w*||_2</c>, the Appendix D.2 captions <c>||w_k - w*||_2^2 / ||w*||_2^2</c>; this is the unsquared
/// ratio of Figure 1 and of the text of Section 7 ("the normalized l2-norm of w_k - w*").
/// </remarks>
public sealed class DescentTrace
{
    internal DescentTrace(double eta, double[] loss, double[] distance, double[] top, double[] bottom, DescentStop stop)
    {
        Eta = eta;
        NormalizedLoss = loss;
        NormalizedDistance = distance;
        TopProjection = top;
        BottomProjection = bottom;
        Stop = stop;
    }

    /// <summary>The step size <c>eta</c>.</summary>
    public double Eta { get; }

    /// <summary><c>L(w_k) / ||M||_F^2</c> for <c>k = 0 .. Iterations</c> (the last is infinite when the run diverged).</summary>
    public IReadOnlyList<double> NormalizedLoss { get; }

    /// <summary><c>||w_k - w*|| / ||w*||</c> for <c>k = 0 .. Iterations</c>.</summary>
    public IReadOnlyList<double> NormalizedDistance { get; }

    /// <summary><c>x_k = &lt;w_k - w*, v_1&gt;</c>, the coordinate along the top eigenvector.</summary>
    public IReadOnlyList<double> TopProjection { get; }

    /// <summary><c>y_k = &lt;w_k - w*, v_N&gt;</c>, the coordinate along the bottom eigenvector.</summary>
    public IReadOnlyList<double> BottomProjection { get; }

    /// <summary>Why the run stopped.</summary>
    public DescentStop Stop { get; }

    /// <summary>The number of steps taken.</summary>
    public int Iterations => NormalizedLoss.Count - 1;

    /// <summary>The largest normalized distance reached (infinite when the iterates overflowed).</summary>
    public double MaxNormalizedDistance => NormalizedDistance.Max();

    /// <summary>The normalized loss of the last iterate.</summary>
    public double FinalNormalizedLoss => NormalizedLoss[^1];

    /// <summary>The normalized distance of the last iterate.</summary>
    public double FinalNormalizedDistance => NormalizedDistance[^1];

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"eta {Eta:G6}: {Iterations} steps, stop {Stop}, max distance {MaxNormalizedDistance:G3}, final loss {FinalNormalizedLoss:G3}");
}

/// <summary>Pure full-batch gradient descent on the oracle's loss (no momentum): <c>w_(k+1) = w_k - eta grad L(w_k)</c>.</summary>
/// <remarks>EXACT Section 7 (claim EXACT-ESC).</remarks>
public static class GradientDescent
{
    /// <summary>
    /// A run is stopped as diverged once <c>L(w_k) / ||M||_F^2</c> exceeds 1e30 (or is not finite): the loss is then a
    /// polynomial of degree 2L evaluated about 1e15 times beyond the target's scale, its gradient overflows within a few
    /// steps, and no catapult the paper shows comes anywhere near it.
    /// </summary>
    public const double DivergedNormalizedLoss = 1e30;

    /// <summary>Runs gradient descent from <paramref name="start"/> with step <paramref name="eta"/> on the loss of <paramref name="minimum"/>.</summary>
    /// <exception cref="ArgumentNullException">A null argument.</exception>
    /// <exception cref="ArgumentException">
    /// A start of the wrong length or with non-finite entries, a step that is not finite and positive, a negative iteration
    /// count, or stopping levels that are not finite and non-negative.
    /// </exception>
    public static DescentTrace Run(EscapeMinimum minimum, double[] start, double eta, DescentOptions options)
    {
        ArgumentNullException.ThrowIfNull(minimum);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(options);
        Validate(minimum, start, eta, options);

        var landscape = minimum.Landscape;
        var w = (double[])start.Clone();
        var loss = new List<double>();
        var distance = new List<double>();
        var top = new List<double>();
        var bottom = new List<double>();
        var stop = DescentStop.IterationLimit;
        for (var k = 0; ; k++)
        {
            var finite = w.All(double.IsFinite);
            var normalizedLoss = finite ? landscape.Loss(w) / minimum.TargetNormSquared : double.PositiveInfinity;
            Record(minimum, w, finite, normalizedLoss, loss, distance, top, bottom);
            if (!double.IsFinite(normalizedLoss) || normalizedLoss > DivergedNormalizedLoss)
            {
                stop = DescentStop.Diverged;
                break;
            }

            if (options.StopBeyondNormalizedDistance is { } radius && distance[^1] > radius)
            {
                stop = DescentStop.LeftBall;
                break;
            }

            if (options.StopBelowNormalizedLoss is { } level && normalizedLoss <= level)
            {
                stop = DescentStop.ReachedLoss;
                break;
            }

            if (k == options.MaxIterations)
            {
                break;
            }

            var gradient = landscape.Gradient(w);
            for (var i = 0; i < w.Length; i++)
            {
                w[i] -= eta * gradient[i];
            }
        }

        return new DescentTrace(eta, [.. loss], [.. distance], [.. top], [.. bottom], stop);
    }

    private static void Record(EscapeMinimum minimum, double[] w, bool finite, double normalizedLoss, List<double> loss, List<double> distance, List<double> top, List<double> bottom)
    {
        loss.Add(normalizedLoss);
        if (!finite)
        {
            distance.Add(double.PositiveInfinity);
            top.Add(double.NaN);
            bottom.Add(double.NaN);
            return;
        }

        var star = minimum.PointView;
        var v1 = minimum.TopView;
        var vN = minimum.BottomView;
        double squared = 0, x = 0, y = 0;
        for (var i = 0; i < w.Length; i++)
        {
            var d = w[i] - star[i];
            squared += d * d;
            x += d * v1[i];
            y += d * vN[i];
        }

        distance.Add(Math.Sqrt(squared) / minimum.PointNorm);
        top.Add(x);
        bottom.Add(y);
    }

    private static void Validate(EscapeMinimum minimum, double[] start, double eta, DescentOptions options)
    {
        if (start.Length != minimum.ParameterCount)
        {
            throw new ArgumentException($"The start has length {start.Length} but the minimizer has N = {minimum.ParameterCount} parameters.", nameof(start));
        }

        var bad = Array.FindIndex(start, x => !double.IsFinite(x));
        if (bad >= 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"start[{bad}] is {start[bad]}; every entry must be finite."), nameof(start));
        }

        if (!double.IsFinite(eta) || eta <= 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The step eta must be finite and positive but is {eta}."), nameof(eta));
        }

        if (options.MaxIterations < 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"MaxIterations must be >= 0 but is {options.MaxIterations}."), nameof(options));
        }

        foreach (var (name, level) in new[] { ("StopBelowNormalizedLoss", options.StopBelowNormalizedLoss), ("StopBeyondNormalizedDistance", options.StopBeyondNormalizedDistance) })
        {
            if (level is { } l && (!double.IsFinite(l) || l < 0))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name} must be finite and >= 0 but is {l}."), nameof(options));
            }
        }
    }
}

using System.Collections.Concurrent;
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Oracles;
using Sharpness.Theory;
using Sharpness.Verification.Generators;

namespace Sharpness.Verification.Claims.Reg;

/// <summary>
/// Minimizers of a regularized matrix problem found by numerical optimization alone: descent from random starts on
/// the oracle's loss, polished by pseudo-inverse Newton steps (<see cref="RandomStartDescent.PolishedEndpoints"/>).
/// The matrix claims (REG-T1, ABS-UNIQ, ABS-FROB, ABS-TRACE) are checked at these points as well as at the
/// constructions, so the constructions are checked too.
/// </summary>
internal static class OptimizerMinimizers
{
    /// <summary>Random starts per case.</summary>
    internal const int Starts = 3;

    /// <summary>
    /// The one case stream of the four optimizer-found properties (REG-T1, ABS-UNIQ, ABS-FROB, ABS-TRACE): they draw the
    /// same cases, so each case's descent runs once for all four (<see cref="ClaimProperty.SharedCases"/>).
    /// </summary>
    internal static readonly (string ClaimId, string Property) Cases = ("REG-T1", "OptimizerFoundMinimizersBalanced");

    // The endpoints depend on the case and the oracle only (never on the formulas under test), and the four matrix
    // claims draw the same cases from one stream (Cases): compute each case's endpoints once.
    // Lazy, so two properties running at once on the same case wait for one descent instead of both running it.
    private static readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<(double[] Point, double Loss)>>> Endpoints = new();

    /// <summary>
    /// Checks the case's optimizer endpoints against the formulas' construction, then runs <paramref name="check"/> at
    /// each endpoint that is a global minimizer (given its layers and the regime label: how many starts reached it).
    /// The global minimum value is the oracle loss of the construction, compared within <see cref="Tolerance.GridSearch"/>
    /// of <c>RegularizedMinimum.ValueScale</c> (homogeneous like the loss). An endpoint below it fails the case: the construction is then not a global
    /// minimizer, which is exactly what this independent search is for. Endpoints above it stopped at another
    /// stationary point (such as the collapsed point 0, a local minimizer for L &gt;= 3) and are passed over, as are
    /// cases where no start reached the minimum and, when <paramref name="offExceptionalSetOnly"/>, targets on
    /// ABS-UNIQ's exceptional set.
    /// </summary>
    internal static Outcome AtEach(RegularizedMatrixCase c, Formulas formulas, Func<IReadOnlyList<Matrix<double>>, string, Outcome> check, bool offExceptionalSetOnly = false)
    {
        var target = c.TargetMatrix();
        var construction = formulas.RegularizedMatrixMinimizer(target, c.Widths, c.Lambda, new Random(c.Seed), 0);
        var globalLoss = new LossLandscape(construction.Layers(), target, c.Lambda).Loss();
        var scale = Sharpness.Theory.Regularized.RegularizedMinimum.ValueScale(target, c.Depth, c.Lambda);
        var endpoints = Endpoints.GetOrAdd(c.ToString(), _ => new Lazy<IReadOnlyList<(double[] Point, double Loss)>>(() => RandomStartDescent.PolishedEndpoints(
            w => new LossLandscape([.. RegT1.SplitLayers(w, c.Widths)], target, c.Lambda),
            construction.ParameterCount,
            ProblemScale.Of(target, c.Depth, c.Lambda),
            Starts,
            c.Seed))).Value;
        var lowest = endpoints.Min(e => e.Loss);
        if (lowest < globalLoss - Tolerance.GridSearch.Bound(scale))
        {
            return Outcome.Check(false, "an optimizer beat the construction", $"an optimizer-found endpoint has loss {lowest:R}, below the construction's {globalLoss:R}");
        }

        var global = endpoints
            .Where(e => Tolerance.GridSearch.IsClose(e.Loss, globalLoss, scale))
            .Select(e => (IReadOnlyList<Matrix<double>>)[.. RegT1.SplitLayers(e.Point, c.Widths)])
            .ToList();
        if (global.Count == 0)
        {
            return Outcome.Vacuous(NoneReached, $"every endpoint stopped above the construction's loss {globalLoss:R}");
        }

        if (offExceptionalSetOnly && formulas.IsOnExceptionalSet(target, c.Depth, c.Lambda))
        {
            return Outcome.Vacuous("on the exceptional set (checked by the construction property)", "nothing to check");
        }

        var regime = global.Count == endpoints.Count ? "every start reached the global minimum" : "some starts reached the global minimum";
        return Outcome.All([.. global.Select(layers => check(layers, regime))]);
    }

    /// <summary>The regime of a case where no start reached the global minimum.</summary>
    internal const string NoneReached = "no start reached the global minimum";
}

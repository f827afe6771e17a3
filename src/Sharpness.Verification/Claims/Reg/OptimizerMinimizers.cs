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

    // The endpoints depend on the case and the oracle only (never on the formulas under test), and the four matrix
    // claims draw the same cases from the same seed: compute each case's endpoints once.
    private static readonly ConcurrentDictionary<string, IReadOnlyList<(double[] Point, double Loss)>> Endpoints = new();

    /// <summary>
    /// The layers of every endpoint whose oracle loss equals the global minimum value, taken as the oracle loss of the
    /// formulas' construction (which <see cref="RegT1"/> checks no descent beats), within <see cref="Tolerance.GridSearch"/>
    /// of <c>||M||_F^2 + lambda</c>; and the number of endpoints that stopped higher (at another stationary point,
    /// such as the collapsed point 0, a local minimizer for L &gt;= 3).
    /// </summary>
    internal static (IReadOnlyList<IReadOnlyList<Matrix<double>>> Global, int Higher) Of(RegularizedMatrixCase c, Formulas formulas)
    {
        var target = c.TargetMatrix();
        var construction = formulas.RegularizedMatrixMinimizer(target, c.Widths, c.Lambda, new Random(c.Seed), 0);
        var globalLoss = new LossLandscape(construction.Layers(), target, c.Lambda).Loss();
        var scale = (target.FrobeniusNorm() * target.FrobeniusNorm()) + c.Lambda;
        var endpoints = Endpoints.GetOrAdd(c.ToString(), _ => RandomStartDescent.PolishedEndpoints(
            w => Landscape(c, target, w),
            construction.ParameterCount,
            Math.Max(Math.Pow(target.FrobeniusNorm(), 1.0 / c.Depth), 0.1),
            Starts,
            c.Seed));
        var global = endpoints
            .Where(e => Tolerance.GridSearch.IsClose(e.Loss, globalLoss, scale))
            .Select(e => (IReadOnlyList<Matrix<double>>)[.. RegT1.SplitLayers(e.Point, c.Widths)])
            .ToList();
        return (global, endpoints.Count - global.Count);
    }

    /// <summary>
    /// Runs <paramref name="check"/> at every optimizer-found global minimizer of the case (given its layers and the
    /// regime label: how many starts reached the global minimum), passing over cases where no start reached it and,
    /// when <paramref name="offExceptionalSetOnly"/>, targets on ABS-UNIQ's exceptional set.
    /// </summary>
    internal static Outcome AtEach(RegularizedMatrixCase c, Formulas formulas, Func<IReadOnlyList<Matrix<double>>, string, Outcome> check, bool offExceptionalSetOnly = false)
    {
        var (global, higher) = Of(c, formulas);
        if (global.Count == 0)
        {
            return Outcome.Check(true, NoneReached, "nothing to check");
        }

        if (offExceptionalSetOnly && formulas.IsOnExceptionalSet(c.TargetMatrix(), c.Depth, c.Lambda))
        {
            return Outcome.Check(true, "on the exceptional set (checked by the construction property)", "nothing to check");
        }

        var regime = higher == 0 ? "every start reached the global minimum" : "some starts reached the global minimum";
        return Outcome.All([.. global.Select(layers => check(layers, regime))]);
    }

    /// <summary>The regime of a case where no start reached the global minimum.</summary>
    internal const string NoneReached = "no start reached the global minimum";

    private static LossLandscape Landscape(RegularizedMatrixCase c, Matrix<double> target, double[] w) =>
        new([.. RegT1.SplitLayers(w, c.Widths)], target, c.Lambda);
}

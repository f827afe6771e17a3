// Shared check for the whole-spectrum claims (EXACT-SPEC, GHOSH-BAL): a formula's eigenvalues against the dense oracle's,
// one by one in sorted order (multiplicities included), with the trace and the rank, at the scale ||H||_F.
using System.Globalization;
using Sharpness.Theory;

namespace Sharpness.Verification.Claims.Exact;

/// <summary>Compares a predicted Hessian spectrum with the dense oracle's.</summary>
internal static class SpectrumChecks
{
    /// <summary>
    /// <paramref name="predicted"/> (any order, zeros allowed) against the oracle's <c>N</c> eigenvalues: both sorted descending,
    /// the shorter padded with zeros, compared entry by entry (by Weyl each computed eigenvalue is within the EVD's backward
    /// error of the true one, so sorted lists are compared entry by entry at the scale <c>||H||_F</c>, which makes a wrong
    /// multiplicity a wrong entry); the traces at the scale <c>sum |h_ii|</c>; and the rank, where it is decided.
    /// </summary>
    internal static Outcome Compare(IReadOnlyList<double> predicted, DenseHessian dense, string regime)
    {
        var oracle = dense.Eigenvalues.OrderDescending().ToArray();
        var formula = predicted.OrderDescending().ToArray();
        var scale = dense.Scale;
        var length = Math.Max(oracle.Length, formula.Length);
        var worst = Enumerable.Range(0, length)
            .Select(i => (Index: i, Formula: i < formula.Length ? formula[i] : 0.0, Oracle: i < oracle.Length ? oracle[i] : 0.0))
            .MaxBy(e => double.IsNaN(e.Formula) ? double.PositiveInfinity : Math.Abs(e.Formula - e.Oracle));
        var trace = dense.Hessian.Trace();
        var traceScale = dense.Hessian.Diagonal().Sum(Math.Abs);
        var significant = Tolerance.NumericalRank.Bound(scale);
        var negligible = Tolerance.NegligibleEigenvalue.Bound(scale);
        var predictedRank = formula.Count(e => !(e <= significant));
        var oracleRank = oracle.Count(e => Math.Abs(e) > significant);
        var undecided = oracle.Count(e => Math.Abs(e) > negligible && Math.Abs(e) <= significant);
        return Outcome.All(
            Outcome.Compare($"eigenvalue {worst.Index + 1} of {length} (sorted descending, the worst)", worst.Formula, worst.Oracle, scale, Tolerance.DenseOracle, regime),
            Outcome.Compare("trace", formula.Sum(), trace, traceScale, Tolerance.DenseOracle, regime),
            undecided > 0
                ? Outcome.Check(true, regime, string.Create(CultureInfo.InvariantCulture, $"rank undecided: {undecided} oracle eigenvalues between {negligible:G3} and {significant:G3}"))
                : Outcome.Check(predictedRank == oracleRank, regime, string.Create(CultureInfo.InvariantCulture, $"rank: formula {predictedRank}, oracle {oracleRank} (eigenvalues above {significant:G3}, none in ({negligible:G3}, {significant:G3}])")));
    }
}

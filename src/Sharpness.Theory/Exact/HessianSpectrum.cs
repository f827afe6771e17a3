// Derived from EXACT eq. 74 (claim EXACT-SPEC): at a minimizer the whole nonzero Hessian spectrum, with multiplicity, is
// that of the d_0 d_L x d_0 d_L Kronecker sum of Theorem 5 (eq. 22), so its trace, rank and every eigenvalue follow too.
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Theory.Linear;

namespace Sharpness.Theory.Exact;

/// <summary>
/// The nonzero Hessian eigenvalues at a minimizer, with multiplicity: the nonzero eigenvalues of
/// <c>2 S = 2 sum_i B_i^T B_i (x) A_i A_i^T</c>.
/// </summary>
/// <remarks>
/// Derived from EXACT eq. 74 (claim EXACT-SPEC): at a minimizer the Hessian is <c>2 K^T K</c> with
/// <c>K = [B_1^T (x) A_1 | ... | B_L^T (x) A_L]</c> (<c>d_0 d_L x N</c>), and <c>K K^T = sum_i B_i^T B_i (x) A_i A_i^T = S</c>.
/// <c>K^T K</c> and <c>K K^T</c> have the same nonzero eigenvalues with the same multiplicities (if <c>K K^T x = mu x</c>,
/// <c>mu != 0</c>, then <c>K^T x != 0</c> and <c>K^T K (K^T x) = mu K^T x</c>, and <c>x -&gt; K^T x</c> is injective on that
/// eigenspace). So the Hessian's nonzero spectrum is that of <c>2 S</c>; its rank is <c>rank S</c>, its trace
/// <c>2 trace S</c> and its Frobenius norm <c>2 ||S||_F</c> (both are sums over the common nonzero spectrum). The remaining
/// <c>N - rank S</c> Hessian eigenvalues are zero, and <c>2 S</c> has <c>d_0 d_L - rank S</c> zeros of its own.
/// </remarks>
public static class HessianSpectrum
{
    /// <summary>
    /// All <c>d_0 d_L</c> eigenvalues of <c>2 S</c>, descending (the zeros included). <c>S</c> is formed from layers scaled by
    /// powers of two and decomposed as <c>S / max|s_ij|</c>, so the values keep their relative accuracy at any layer scale.
    /// </summary>
    /// <remarks>Derived from EXACT eq. 74 and eq. 22 (claim EXACT-SPEC). Domain: any minimizer with
    /// <c>d_0 d_L &lt;= 40000</c>.</remarks>
    /// <exception cref="ArgumentException">The spectrum overflows the double range (see <see cref="KroneckerSumOperator.AtMinimizer"/>).</exception>
    /// <exception cref="InvalidOperationException"><c>d_0 d_L</c> is too large to form <c>S</c>.</exception>
    public static IReadOnlyList<double> KroneckerSumEigenvalues(Minimizer minimizer)
    {
        var s = KroneckerSumOperator.AtMinimizer(minimizer).Materialize();
        var largest = s.Enumerate().Max(Math.Abs);
        if (largest == 0)
        {
            return [.. Enumerable.Repeat(0.0, s.RowCount)];
        }

        // Entry by entry, as ScaledSvd does: MathNet's symmetric EVD stops on absolute thresholds.
        var evd = s.Map(x => x / largest).Evd(Symmetricity.Symmetric);
        return [.. evd.EigenValues.Select(e => 2 * e.Real * largest).OrderDescending()];
    }

    /// <summary>
    /// The nonzero Hessian eigenvalues with multiplicity, descending: the eigenvalues of <c>2 S</c> above
    /// <paramref name="tolerance"/> (default <see cref="Tolerance.NumericalRank"/>) at the scale <c>||2 S||_F = ||H||_F</c>.
    /// Empty where the Hessian is zero.
    /// </summary>
    /// <remarks>Derived from EXACT eq. 74 (claim EXACT-SPEC). Domain: any minimizer.</remarks>
    /// <exception cref="ArgumentException">As <see cref="KroneckerSumEigenvalues"/>.</exception>
    public static IReadOnlyList<double> NonzeroEigenvalues(Minimizer minimizer, Tolerance? tolerance = null)
    {
        var all = KroneckerSumEigenvalues(minimizer);
        var threshold = (tolerance ?? Tolerance.NumericalRank).Bound(ScaledNorm.Euclidean(all));
        return [.. all.Where(e => e > threshold)];
    }
}

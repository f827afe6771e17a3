// Ghosh et al. 2025 (claim GHOSH-BAL), derived from EXACT eq. 74 and eq. 22: the whole Hessian spectrum at a balanced
// minimizer from the singular values of M alone, and the printed two-case form, which is 0/0 at tied singular values.
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Theory.Linear;

namespace Sharpness.Theory.Exact;

/// <summary>
/// The eigenvalues of <c>2 S = 2 sum_k B_k^T B_k (x) A_k A_k^T</c> at a balanced minimizer of <c>M</c>: one per pair
/// <c>(i, j)</c> in <c>d_L x d_0</c>, <c>mu_ij = 2 sum_(k=1..L) s_i^(2(L-k)/L) s_j^(2(k-1)/L)</c> with <c>0^0 = 1</c>, where
/// <c>s_1 &gt;= s_2 &gt;= ...</c> are the singular values of <c>M</c> padded with zeros to <c>d_L</c> values (<c>i</c>) and to
/// <c>d_0</c> values (<c>j</c>).
/// </summary>
/// <remarks>
/// Ghosh et al. 2025 (ICLR), full spectrum at balanced minimizers (claim GHOSH-BAL); derived here from EXACT eq. 74 and
/// eq. 22 (claim EXACT-SPEC: the nonzero Hessian eigenvalues are those of <c>2 S</c>). A balanced minimizer is
/// <c>W_k = Q_k S_r^(1/L) Q_(k-1)^T</c> with orthonormal <c>Q_k</c>, <c>Q_0 = V_r</c>, <c>Q_L = U_r</c>
/// (<c>M = U S V^T</c>, <c>r = min(d_0, d_L)</c>). Then <c>A_k A_k^T = U_r S_r^(2(L-k)/L) U_r^T</c> for <c>k &lt; L</c> and
/// <c>A_L A_L^T = I</c>; extending <c>U_r</c> to an orthonormal basis <c>U</c> of <c>R^(d_L)</c>, both are
/// <c>U diag(s_i^(2(L-k)/L)) U^T</c> with the padded <c>s_i</c> and <c>0^0 = 1</c> (the one term with exponent 0 is the
/// identity <c>A_L A_L^T</c>, which is 1 on every direction, including those of zero singular values). Likewise
/// <c>B_k^T B_k = V diag(s_j^(2(k-1)/L)) V^T</c>. All terms share the eigenvectors <c>v_j (x) u_i</c>, which gives
/// <c>mu_ij</c>. With <c>x = s_i^(2/L)</c>, <c>y = s_j^(2/L)</c>, <c>mu_ij / 2 = sum_k x^(L-k) y^(k-1)</c>, the divided
/// difference <c>(x^L - y^L) / (x - y)</c> where <c>x != y</c> and its limit <c>L x^(L-1)</c> where <c>x = y</c>. So the
/// printed "<c>2 L s_i^(2-2/L)</c> for <c>i = j</c>, <c>2 (s_i^2 - s_j^2) / (s_i^(2/L) - s_j^(2/L))</c> otherwise" is right
/// only where <c>i != j</c> implies <c>s_i != s_j</c>: at a tie <c>s_i = s_j = s</c> with <c>i != j</c> the quotient is
/// <c>0/0</c>, and the eigenvalue is <c>2 L s^(2-2/L)</c> (nonzero for <c>s &gt; 0</c>; for <c>s = 0</c> it is 0 at
/// <c>L &gt;= 2</c> and 2 at <c>L = 1</c>). The case split must be on <c>s_i = s_j</c>, not on <c>i = j</c>. Smallest
/// counterexample with a nonzero eigenvalue lost: <c>M = I_2</c>, <c>L = 2</c>, widths (2, 2, 2), <c>W_1 = W_2 = I_2</c>:
/// the Hessian's eigenvalues are 0 (4 times) and 4 (4 times), the printed form gives 4 at <c>(1, 1)</c>, <c>(2, 2)</c> and
/// <c>0/0</c> at <c>(1, 2)</c>, <c>(2, 1)</c>. At depth 1 already <c>M = [0 0]</c> (Hessian <c>2 I_2</c>) loses the
/// eigenvalue 2 at the pair <c>(1, 2)</c>.
/// </remarks>
public static class BalancedSpectrum
{
    /// <summary>
    /// <c>mu_ij = 2 sum_(k=1..L) s_i^(2(L-k)/L) s_j^(2(k-1)/L)</c> (<c>0^0 = 1</c>) over the <c>d_L x d_0</c> pairs, descending:
    /// the eigenvalues of <c>2 S</c> at every balanced minimizer of a target with singular values
    /// <paramref name="singularValues"/> and the given widths.
    /// </summary>
    /// <param name="singularValues">The singular values of <c>M</c> (at most <c>min(d_0, d_L)</c>, finite, non-negative); the
    /// missing ones are zeros.</param>
    /// <param name="widths">The widths <c>d_0..d_L</c>, feasible (EXACT eq. 17).</param>
    /// <remarks>Ghosh et al. 2025 (claim GHOSH-BAL), derived from EXACT eq. 74 and 22; see the type remarks.</remarks>
    /// <exception cref="ArgumentException">Infeasible widths; more than <c>min(d_0, d_L)</c> singular values; a negative or non-finite one.</exception>
    public static IReadOnlyList<double> Eigenvalues(IReadOnlyList<double> singularValues, IReadOnlyList<int> widths) =>
        Pairs(singularValues, widths, (si, sj, depth, _) => PairEigenvalue(si, sj, depth));

    /// <summary>
    /// The printed two-case form over the same pairs: <c>2 L s_i^(2-2/L)</c> for <c>i = j</c> and
    /// <c>2 (s_i^2 - s_j^2) / (s_i^(2/L) - s_j^(2/L))</c> otherwise, evaluated as printed (NaN where it is <c>0/0</c>),
    /// in pair order <c>(1, 1), (1, 2), ..., (d_L, d_0)</c>, not sorted.
    /// </summary>
    /// <remarks>Ghosh et al. 2025 as quoted in CLAIMS.md (claim GHOSH-BAL); undefined at ties <c>s_i = s_j</c>, <c>i != j</c>
    /// (type remarks, EXACT eq. 74).</remarks>
    /// <exception cref="ArgumentException">As <see cref="Eigenvalues"/>.</exception>
    public static IReadOnlyList<double> PrintedEigenvalues(IReadOnlyList<double> singularValues, IReadOnlyList<int> widths) =>
        PairValues(singularValues, widths, (si, sj, depth, same) => same
            ? 2 * depth * Math.Pow(si, 2 - (2.0 / depth))
            : 2 * ((si * si) - (sj * sj)) / (Math.Pow(si, 2.0 / depth) - Math.Pow(sj, 2.0 / depth)));

    /// <summary>The singular values of <paramref name="target"/>, descending (<c>min(d_0, d_L)</c> of them), computed on
    /// <c>M / max|m_ij|</c> so that they keep their relative accuracy at any scale.</summary>
    /// <remarks>The <c>s_i</c> of Ghosh et al. 2025 (claim GHOSH-BAL; EXACT notation).</remarks>
    /// <exception cref="ArgumentException">A non-finite entry.</exception>
    public static IReadOnlyList<double> SingularValues(Matrix<double> target) => ScaledSvd.OfTarget(target);

    /// <summary><c>2 sum_(k=1..L) s_i^(2(L-k)/L) s_j^(2(k-1)/L)</c> with <c>0^0 = 1</c> (.NET's <c>Math.Pow(0, 0)</c> is 1).</summary>
    /// <remarks>Ghosh et al. 2025 (claim GHOSH-BAL), from EXACT eq. 22 at a balanced minimizer.</remarks>
    public static double PairEigenvalue(double si, double sj, int depth) =>
        2 * Enumerable.Range(1, depth).Sum(k => Math.Pow(si, 2.0 * (depth - k) / depth) * Math.Pow(sj, 2.0 * (k - 1) / depth));

    private static IReadOnlyList<double> Pairs(IReadOnlyList<double> singularValues, IReadOnlyList<int> widths, Func<double, double, int, bool, double> eigenvalue) =>
        [.. PairValues(singularValues, widths, eigenvalue).OrderDescending()];

    private static IReadOnlyList<double> PairValues(IReadOnlyList<double> singularValues, IReadOnlyList<int> widths, Func<double, double, int, bool, double> eigenvalue)
    {
        ArgumentNullException.ThrowIfNull(singularValues);
        Preconditions.RequireFeasibleWidths(widths, nameof(widths));
        var ends = Math.Min(widths[0], widths[^1]);

        if (singularValues.Count > ends || singularValues.Any(s => !double.IsFinite(s) || s < 0))
        {
            throw new ArgumentException(
                $"Need at most min(d_0, d_L) = {ends} finite non-negative singular values; got ({string.Join(", ", singularValues)}).", nameof(singularValues));
        }

        var depth = widths.Count - 1;
        double Padded(int i) => i < singularValues.Count ? singularValues[i] : 0.0;
        return [.. from i in Enumerable.Range(0, widths[^1]) from j in Enumerable.Range(0, widths[0]) select eigenvalue(Padded(i), Padded(j), depth, i == j)];
    }
}

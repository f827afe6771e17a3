// Balanced minimizers W_i = Q_i S^(1/L) Q_(i-1)^T from the SVD of M: flat (EXACT-C10, EXACT-MM) and balanced.
using MathNet.Numerics.LinearAlgebra;

namespace Sharpness.Theory.Constructions;

/// <summary>
/// The balanced minimizers of <c>M = U S V^T</c>: <c>W_i = Q_i S^(1/L) Q_(i-1)^T</c> with <c>Q_0 = V_r</c>,
/// <c>Q_L = U_r</c> and orthonormal hidden bases <c>Q_i</c> (<c>d_i x r</c>, <c>r = min(d_0, d_L)</c>).
/// </summary>
/// <remarks>
/// Then <c>W_(i+1)^T W_(i+1) = Q_i S^(2/L) Q_i^T = W_i W_i^T</c> and <c>smax(A_k) smax(B_k) = smax(M)^(1 - 1/L)</c>,
/// so these satisfy the condition of EXACT Corollary 10 and attain the flat value of eq. 35 (claims EXACT-C10, EXACT-MM).
/// Feasibility (EXACT eq. 17) is exactly what makes <c>Q_i</c> exist.
/// </remarks>
public static class Balanced
{
    /// <summary>A balanced minimizer of <paramref name="target"/> with the given widths <c>d_0..d_L</c>; hidden bases random
    /// when <paramref name="random"/> is given, the leading identity columns otherwise.</summary>
    /// <remarks>EXACT Corollary 10 and eq. 35 (claims EXACT-C10, EXACT-MM).</remarks>
    /// <exception cref="ArgumentException">Widths that do not match the target or violate feasibility; non-finite entries.</exception>
    public static Minimizer FromTarget(Matrix<double> target, IReadOnlyList<int> widths, Random? random = null)
    {
        Preconditions.RequireFinite(target, nameof(target), "The target M");
        Widths.Require(widths, target);
        var depth = widths.Count - 1;
        var r = Math.Min(widths[0], widths[^1]);
        var svd = Linear.ScaledSvd.Of(target, computeVectors: true);
        var root = Matrix<double>.Build.DenseOfDiagonalArray([.. svd.S.Take(r).Select(s => Math.Pow(s, 1.0 / depth))]);
        var bases = new Matrix<double>[depth + 1];
        bases[0] = svd.VT.Transpose().SubMatrix(0, widths[0], 0, r);
        bases[depth] = svd.U.SubMatrix(0, widths[^1], 0, r);
        for (var i = 1; i < depth; i++)
        {
            bases[i] = random is null ? RandomMatrices.IdentityColumns(widths[i], r) : RandomMatrices.Orthonormal(widths[i], r, random);
        }

        var layers = Enumerable.Range(1, depth).Select(i => bases[i] * root * bases[i - 1].Transpose());
        return Minimizer.Of(new Factorization(layers, target));
    }
}

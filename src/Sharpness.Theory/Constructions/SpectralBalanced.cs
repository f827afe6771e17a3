// Depth-2 spectral-norm-balanced minimizers (claims EXACT-C8, EXACT-CE): smax(L) = smax(R) = sqrt(smax(M))
// with every other singular value split freely, so flat yet in general not balanced.
using MathNet.Numerics.LinearAlgebra;

namespace Sharpness.Theory.Constructions;

/// <summary>
/// Depth-2 minimizers <c>L = U_r S_L Q^T</c>, <c>R = V_r S_R Q^T</c> of <c>M = U S V^T</c> with <c>S_L S_R = S</c>,
/// top entries <c>sqrt(s_1)</c> and every other split <c>(s_i / t_i, t_i)</c> with
/// <c>t_i</c> in <c>[s_i / sqrt(s_1), sqrt(s_1)]</c>: then <c>smax(L) = smax(R) = sqrt(smax(M))</c>.
/// </summary>
/// <remarks>
/// EXACT Corollary 8 (claim EXACT-C8): all of these are flat. EXACT Section 6 (claim EXACT-CE) is the member
/// with <c>M = diag(11, 2, 1)</c>, <c>t = (3, 1)</c>. The position of <c>t_i</c> in its interval is given on a
/// log scale by <c>positions[i - 2]</c> in <c>[0, 1]</c>; a zero singular value gets <c>S_L = 0</c>, <c>t_i = positions * sqrt(s_1)</c>.
/// </remarks>
public static class SpectralBalanced
{
    /// <summary>The spectral-norm balanced minimizer of <paramref name="target"/> with hidden width
    /// <paramref name="hiddenWidth"/>, the split of singular value <c>i &gt;= 2</c> at log-position <c>positions[i - 2]</c>.</summary>
    /// <remarks>EXACT Corollary 8 and Section 6 (claims EXACT-C8, EXACT-CE).</remarks>
    /// <exception cref="ArgumentException">Hidden width below <c>min(d_0, d_L)</c>, wrong number of positions or a position outside [0, 1].</exception>
    public static Minimizer DepthTwo(Matrix<double> target, int hiddenWidth, IReadOnlyList<double> positions, Random? random = null)
    {
        Preconditions.RequireFinite(target, nameof(target), "The target M");
        ArgumentNullException.ThrowIfNull(positions);
        Widths.Require([target.ColumnCount, hiddenWidth, target.RowCount], target);
        var r = Math.Min(target.RowCount, target.ColumnCount);
        if (positions.Count != r - 1 || positions.Any(p => !(p >= 0 && p <= 1)))
        {
            throw new ArgumentException($"Need {r - 1} positions in [0, 1], one per singular value after the first; got ({string.Join(", ", positions)}).", nameof(positions));
        }

        var svd = Linear.ScaledSvd.Of(target, computeVectors: true);
        var s = svd.S;
        var top = Math.Sqrt(s[0]);
        var left = new double[r];
        var right = new double[r];
        left[0] = top;
        right[0] = top;
        for (var i = 1; i < r; i++)
        {
            if (s[i] == 0)
            {
                left[i] = 0;
                right[i] = positions[i - 1] * top;
                continue;
            }

            var low = Math.Log(s[i] / top);
            var high = Math.Log(top);
            right[i] = Math.Exp(low + (positions[i - 1] * (high - low)));
            left[i] = s[i] / right[i];
        }

        var q = random is null ? RandomMatrices.IdentityColumns(hiddenWidth, r) : RandomMatrices.Orthonormal(hiddenWidth, r, random);
        var l = svd.U.SubMatrix(0, target.RowCount, 0, r) * Matrix<double>.Build.DenseOfDiagonalArray(left) * q.Transpose();
        var rFactor = svd.VT.Transpose().SubMatrix(0, target.ColumnCount, 0, r) * Matrix<double>.Build.DenseOfDiagonalArray(right) * q.Transpose();
        return Minimizer.Of(new Factorization([rFactor.Transpose(), l], target));
    }
}

// Regularized matrix minimizers (claims REG-T1, ABS-FROB): per singular value s_j of M the scalar end-to-end
// problem gives rho_j, and W_i = Q_i diag(rho^(1/L)) Q_(i-1)^T with Q_0 = V_r, Q_L = U_r, random hidden bases.
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Theory.Constructions;

namespace Sharpness.Theory.Regularized;

/// <summary>
/// Minimizers of <c>||M - W_L...W_1||_F^2 + (lambda/L) sum ||W_i||_F^2</c> (REG eq. 2): balanced layers (REG Theorem 1)
/// sharing the singular vectors of <c>M = U S V^T</c>, with singular values <c>rho_j^(1/L)</c>, where <c>rho_j</c> is a
/// global minimizer of <c>(s_j - rho)^2 + lambda rho^(2/L)</c>.
/// </summary>
/// <remarks>
/// Why: <c>min {(1/L) sum ||W_i||_F^2 : W_L...W_1 = P} = sum_j s_j(P)^(2/L)</c>, attained by balanced layers, so the
/// problem is <c>min_P ||M - P||_F^2 + lambda sum_j s_j(P)^(2/L)</c>, whose minimizers share M's singular vectors and
/// solve the scalar problem per singular value. Every layer then has <c>||W_i||_F^2 = sum_j rho_j^(2/L)</c>, the same
/// at every minimizer unless some <c>s_j</c> sits exactly at <c>lambda_c(s_j, L)</c> (claim ABS-FROB).
/// </remarks>
public static class RegularizedMatrixMinimizer
{
    /// <summary>A minimizer of the regularized loss for <paramref name="target"/>, with random hidden bases; at a tie
    /// (<c>lambda = lambda_c(s_j, L)</c>) bit j of <paramref name="tieChoice"/> picks the nonzero <c>rho_j</c>. At a bottleneck
    /// (a hidden width <c>m &lt; min(d_0, d_L)</c>) it fits the m largest singular values and leaves the rest out.</summary>
    /// <remarks>REG Theorem 1 (claim REG-T1), ABS (claim ABS-FROB); bottlenecks: <see cref="RegularizedMatrixSharpness"/>, step 6.</remarks>
    /// <exception cref="ArgumentException">Widths that do not fit the target, depth below 2, non-finite entries, or lambda not positive.</exception>
    public static Factorization FromTarget(Matrix<double> target, IReadOnlyList<int> widths, double lambda, Random random, int tieChoice = 0)
    {
        Preconditions.RequireFinite(target, nameof(target), "The target M");
        Preconditions.RequirePositive(lambda, nameof(lambda));
        ArgumentNullException.ThrowIfNull(random);
        Preconditions.RequireWidthsOf(widths, target, nameof(widths));
        var depth = widths.Count - 1;
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 2, nameof(widths));
        var r = RegularizedMatrixSharpness.FittedCount(widths);
        var svd = Linear.ScaledSvd.Of(target, computeVectors: true);
        var root = Matrix<double>.Build.DenseOfDiagonalArray([.. Enumerable.Range(0, r).Select(j =>
        {
            var minimizers = ScalarEndToEnd.GlobalMinimizers(svd.S[j], lambda, depth);
            var rho = (tieChoice & (1 << j)) != 0 ? minimizers[^1] : minimizers[0];
            return Math.Pow(rho, 1.0 / depth);
        })]);
        var bases = new Matrix<double>[depth + 1];
        bases[0] = svd.VT.Transpose().SubMatrix(0, widths[0], 0, r);
        bases[depth] = svd.U.SubMatrix(0, widths[^1], 0, r);
        for (var i = 1; i < depth; i++)
        {
            bases[i] = RandomMatrices.Orthonormal(widths[i], r, random);
        }

        return new Factorization(Enumerable.Range(1, depth).Select(i => bases[i] * root * bases[i - 1].Transpose()), target, lambda);
    }

    /// <summary>
    /// True when the end-to-end minimizer <c>U diag(rho_j) V^T</c> is not unique: some nonzero singular value <c>s_j</c> of
    /// the target sits exactly at its threshold, <c>lambda = lambda_c(s_j, L)</c>, with <c>L &gt;= 3</c>, where both 0 and
    /// <c>(L-2)/(L-1) s_j</c> minimize the scalar problem. This set is Lebesgue-null in <c>M</c> for fixed L and lambda.
    /// </summary>
    /// <remarks>ABS (claim ABS-UNIQ): the exceptional set the abstract leaves implicit.</remarks>
    public static bool IsOnExceptionalSet(Matrix<double> target, int depth, double lambda)
    {
        Preconditions.RequireFinite(target, nameof(target), "The target M");
        Preconditions.RequirePositive(lambda, nameof(lambda));
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 2);
        var r = Math.Min(target.RowCount, target.ColumnCount);
        var s = Linear.ScaledSvd.SingularValues(target);
        return Enumerable.Range(0, r).Any(j => ScalarEndToEnd.GlobalMinimizers(s[j], lambda, depth).Count > 1);
    }

    /// <summary>The common squared Frobenius norm of every layer, <c>sum_j rho_j^(2/L)</c>, taking the nonzero <c>rho_j</c> at ties
    /// when <paramref name="nonzeroAtTies"/>.</summary>
    /// <remarks>ABS (claim ABS-FROB); derivation in the type remarks.</remarks>
    public static double LayerFrobeniusSquared(Matrix<double> target, int depth, double lambda, bool nonzeroAtTies = false)
    {
        Preconditions.RequireFinite(target, nameof(target), "The target M");
        Preconditions.RequirePositive(lambda, nameof(lambda));
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 2);
        var r = Math.Min(target.RowCount, target.ColumnCount);
        var s = Linear.ScaledSvd.SingularValues(target);
        return Enumerable.Range(0, r).Sum(j =>
        {
            var minimizers = ScalarEndToEnd.GlobalMinimizers(s[j], lambda, depth);
            return Math.Pow(nonzeroAtTies ? minimizers[^1] : minimizers[0], 2.0 / depth);
        });
    }
}

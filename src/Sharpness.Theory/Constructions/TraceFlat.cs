// Depth-2 trace-flat minimizers (claim EXACT-TRACE): d_0 L^T L = d_L R^T R, the minimizers of the Hessian trace.
using MathNet.Numerics.LinearAlgebra;

namespace Sharpness.Theory.Constructions;

/// <summary>
/// The depth-2 minimizer <c>L = c U_r S^(1/2) Q^T</c>, <c>R = c^-1 V_r S^(1/2) Q^T</c> with <c>c^4 = d_L / d_0</c>,
/// which minimizes the Hessian trace <c>2 (d_0 ||L||_F^2 + d_L ||R||_F^2)</c> over all minimizers of <c>M</c>.
/// </summary>
/// <remarks>EXACT Section 6 (claim EXACT-TRACE); derivation in <see cref="Exact.HessianTrace"/>.</remarks>
public static class TraceFlat
{
    /// <summary>The trace-flat minimizer of <paramref name="target"/> with hidden width <paramref name="hiddenWidth"/>.</summary>
    /// <remarks>EXACT Section 6 (claim EXACT-TRACE).</remarks>
    /// <exception cref="ArgumentException">Hidden width below <c>min(d_0, d_L)</c> or non-finite entries.</exception>
    public static Minimizer DepthTwo(Matrix<double> target, int hiddenWidth, Random? random = null)
    {
        Preconditions.RequireFinite(target, nameof(target), "The target M");
        Widths.Require([target.ColumnCount, hiddenWidth, target.RowCount], target);
        var r = Math.Min(target.RowCount, target.ColumnCount);
        var svd = Linear.ScaledSvd.Of(target, computeVectors: true);
        var root = Matrix<double>.Build.DenseOfDiagonalArray([.. svd.S.Take(r).Select(Math.Sqrt)]);
        var c = Math.Pow((double)target.RowCount / target.ColumnCount, 0.25);
        var q = random is null ? RandomMatrices.IdentityColumns(hiddenWidth, r) : RandomMatrices.Orthonormal(hiddenWidth, r, random);
        var l = c * svd.U.SubMatrix(0, target.RowCount, 0, r) * root * q.Transpose();
        var rFactor = (1 / c) * svd.VT.Transpose().SubMatrix(0, target.ColumnCount, 0, r) * root * q.Transpose();
        return Minimizer.Of(new Factorization([rFactor.Transpose(), l], target));
    }
}

// MatrixProduct: the one place where the formulas' large dense products are taken, so that the kernel behind them is
// chosen here and nowhere else: Sharpness.Kernels' deterministic packed product (every entry one fused chain in a fixed
// order, so results are bit-identical from run to run and across thread counts).
using System.Diagnostics;
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Kernels;

namespace Sharpness.Theory.Linear;

/// <summary>
/// <c>C = op(A) op(B)</c> for the dense products inside the closed forms (the Kronecker-sum operator of EXACT Theorem 5):
/// every such product goes through here, into a caller-owned result, so the apply loop allocates nothing.
/// </summary>
internal static class MatrixProduct
{
    /// <summary><c>result = a b</c>.</summary>
    public static void Multiply(Matrix<double> a, Matrix<double> b, Matrix<double> result)
    {
        Debug.Assert(a.ColumnCount == b.RowCount && result.RowCount == a.RowCount && result.ColumnCount == b.ColumnCount, "shapes chain");
        Gemm(Transpose.None, Transpose.None, a, b, result, a.ColumnCount);
    }

    /// <summary><c>result = a^T b</c>.</summary>
    public static void TransposeThisAndMultiply(Matrix<double> a, Matrix<double> b, Matrix<double> result)
    {
        Debug.Assert(a.RowCount == b.RowCount && result.RowCount == a.ColumnCount && result.ColumnCount == b.ColumnCount, "shapes chain");
        Gemm(Transpose.Transposed, Transpose.None, a, b, result, a.RowCount);
    }

    /// <summary><c>result = a b^T</c>.</summary>
    public static void TransposeAndMultiply(Matrix<double> a, Matrix<double> b, Matrix<double> result)
    {
        Debug.Assert(a.ColumnCount == b.ColumnCount && result.RowCount == a.RowCount && result.ColumnCount == b.RowCount, "shapes chain");
        Gemm(Transpose.None, Transpose.Transposed, a, b, result, a.ColumnCount);
    }

    // Dense MathNet storage is column-major with leading dimension = rows, which is Blas.Gemm's layout.
    private static void Gemm(Transpose transA, Transpose transB, Matrix<double> a, Matrix<double> b, Matrix<double> result, int inner)
    {
        Blas.Gemm(
            transA,
            transB,
            result.RowCount,
            result.ColumnCount,
            inner,
            1,
            Storage(a),
            Math.Max(1, a.RowCount),
            Storage(b),
            Math.Max(1, b.RowCount),
            0,
            Storage(result),
            Math.Max(1, result.RowCount));
    }

    private static double[] Storage(Matrix<double> x) =>
        x.AsColumnMajorArray() ?? throw new InvalidOperationException("MatrixProduct needs dense matrices.");
}

// MatrixProduct: the one place where the formulas' large dense products are taken, so that the kernel behind them is
// chosen here and nowhere else: Sharpness.Kernels' deterministic packed product (every entry one fused chain in a fixed
// order, so results are bit-identical from run to run and across thread counts).
using System.Diagnostics;
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Kernels;

namespace Sharpness.Theory.Linear;

/// <summary>
/// <c>C = op(A) op(B)</c> for the dense products of the theory: into a caller-owned result for the Kronecker-sum operator
/// of EXACT Theorem 5 (so its apply loop allocates nothing), and as new matrices (<see cref="Times"/>, <see cref="Gram"/>)
/// for a factorization's partial products, residual and Gram matrices.
/// </summary>
internal static class MatrixProduct
{
    /// <summary>
    /// The least number of multiply-adds <c>m k n</c> for which <see cref="Times"/> and <see cref="Gram"/> take the packed
    /// kernel: 2^18 (a 64 x 64 x 64 product). Below it, packing costs about as much as it saves, and MathNet's managed
    /// product is kept, so the small cases of every claim (widths up to 10, where the snapshots pin every digit of the
    /// reports) keep their bits; above it the packed kernel is 20 to 30 times faster (1826^3: 0.15 s against 4 s).
    /// </summary>
    public const long LargeProduct = 1L << 18;

    /// <summary><c>a b</c> as a new matrix.</summary>
    public static Matrix<double> Times(Matrix<double> a, Matrix<double> b)
    {
        Debug.Assert(a.ColumnCount == b.RowCount, "shapes chain");
        if (!IsLarge(a.RowCount, a.ColumnCount, b.ColumnCount, a, b))
        {
            return a * b;
        }

        var result = Matrix<double>.Build.Dense(a.RowCount, b.ColumnCount);
        Multiply(a, b, result);
        return result;
    }

    /// <summary>The Gram matrix <c>a a^T</c> (<paramref name="outer"/>) or <c>a^T a</c>, as a new matrix.</summary>
    public static Matrix<double> Gram(Matrix<double> a, bool outer)
    {
        var (order, inner) = outer ? (a.RowCount, a.ColumnCount) : (a.ColumnCount, a.RowCount);
        if (!IsLarge(order, inner, order, a, a))
        {
            return outer ? a.TransposeAndMultiply(a) : a.TransposeThisAndMultiply(a);
        }

        var result = Matrix<double>.Build.Dense(order, order);
        if (outer)
        {
            TransposeAndMultiply(a, a, result);
        }
        else
        {
            TransposeThisAndMultiply(a, a, result);
        }

        return result;
    }

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

    // Only dense matrices have the column-major storage the kernel reads; any other kind stays with MathNet.
    private static bool IsLarge(int m, int k, int n, Matrix<double> a, Matrix<double> b) =>
        (long)m * k * n >= LargeProduct && a.AsColumnMajorArray() is not null && b.AsColumnMajorArray() is not null;

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

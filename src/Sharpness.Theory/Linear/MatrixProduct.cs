// MatrixProduct: the one place where the formulas' large dense products are taken, so that the kernel behind them
// (MathNet's managed product, or a faster deterministic one) is chosen here and nowhere else.
using System.Diagnostics;
using MathNet.Numerics.LinearAlgebra;

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
        a.Multiply(b, result);
    }

    /// <summary><c>result = a^T b</c>.</summary>
    public static void TransposeThisAndMultiply(Matrix<double> a, Matrix<double> b, Matrix<double> result)
    {
        Debug.Assert(a.RowCount == b.RowCount && result.RowCount == a.ColumnCount && result.ColumnCount == b.ColumnCount, "shapes chain");
        a.TransposeThisAndMultiply(b, result);
    }

    /// <summary><c>result = a b^T</c>.</summary>
    public static void TransposeAndMultiply(Matrix<double> a, Matrix<double> b, Matrix<double> result)
    {
        Debug.Assert(a.ColumnCount == b.ColumnCount && result.RowCount == a.RowCount && result.ColumnCount == b.RowCount, "shapes chain");
        a.TransposeAndMultiply(b, result);
    }
}

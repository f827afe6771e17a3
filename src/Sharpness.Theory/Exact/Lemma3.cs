// EXACT Lemma 3 and eq. 74 (claim EXACT-L3): at a minimizer the Hessian is 2 K^T K.
using MathNet.Numerics.LinearAlgebra;

namespace Sharpness.Theory.Exact;

/// <summary>
/// EXACT Lemma 3: at any minimizer <c>D^2_U L = 2 ||sum_i A_i U_i B_i||_F^2</c> (eq. 14); equivalently the
/// Hessian is <c>2 K^T K</c> with <c>K = [B_1^T (x) A_1 | ... | B_L^T (x) A_L]</c> (eq. 74).
/// </summary>
public static class Lemma3
{
    /// <summary><c>D^2_U L(w*) = 2 ||sum_i A_i U_i B_i||_F^2</c>.</summary>
    /// <remarks>EXACT Lemma 3, eq. 14 (claim EXACT-L3). Domain: any minimizer, any direction shaped like the layers.</remarks>
    /// <exception cref="ArgumentException">The direction's blocks do not match the layers.</exception>
    public static double SecondDirectionalDerivative(Minimizer minimizer, Direction direction) =>
        2 * Math.Pow(Differential(minimizer, direction).FrobeniusNorm(), 2);

    /// <summary>The differential of the product, <c>sum_i A_i U_i B_i</c> (a <c>d_L x d_0</c> matrix).</summary>
    /// <remarks>EXACT Lemma 3 (claim EXACT-L3).</remarks>
    /// <exception cref="ArgumentException">The direction's blocks do not match the layers.</exception>
    public static Matrix<double> Differential(Minimizer minimizer, Direction direction)
    {
        ArgumentNullException.ThrowIfNull(minimizer);
        ArgumentNullException.ThrowIfNull(direction);
        direction.RequireFits(minimizer.Point, nameof(direction));
        var sum = Matrix<double>.Build.Dense(minimizer.Widths[^1], minimizer.Widths[0]);
        for (var i = 1; i <= minimizer.Depth; i++)
        {
            sum += minimizer.LeftView(i) * direction.PartView(i) * minimizer.RightView(i);
        }

        return sum;
    }

    /// <summary>The Jacobian <c>K = [B_1^T (x) A_1 | ... | B_L^T (x) A_L]</c> of <c>vec(W_L...W_1)</c>, <c>d_0 d_L x N</c>.</summary>
    /// <remarks>EXACT eq. 74 (claim EXACT-L3). Dense: meant for small N.</remarks>
    public static Matrix<double> Jacobian(Minimizer minimizer)
    {
        ArgumentNullException.ThrowIfNull(minimizer);
        var blocks = Enumerable.Range(1, minimizer.Depth)
            .Select(i => minimizer.RightView(i).Transpose().KroneckerProduct(minimizer.LeftView(i)))
            .ToArray();
        var k = Matrix<double>.Build.Dense(blocks[0].RowCount, blocks.Sum(b => b.ColumnCount));
        var column = 0;
        foreach (var block in blocks)
        {
            k.SetSubMatrix(0, column, block);
            column += block.ColumnCount;
        }

        return k;
    }

    /// <summary>The Hessian at a minimizer, <c>2 K^T K</c> (<c>N x N</c>).</summary>
    /// <remarks>EXACT eq. 74 with Lemma 3 (claim EXACT-L3). Dense: meant for small N.</remarks>
    public static Matrix<double> Hessian(Minimizer minimizer)
    {
        var k = Jacobian(minimizer);
        return 2 * k.TransposeThisAndMultiply(k);
    }
}

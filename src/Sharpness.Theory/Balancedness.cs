// Balancedness W_i W_i^T = W_(i+1)^T W_(i+1): the property EXACT-CE shows flat minima need not have,
// and REG Theorem 1 (claim REG-T1) says every regularized minimizer has.
namespace Sharpness.Theory;

/// <summary>Balancedness of a factorization: <c>W_i W_i^T = W_(i+1)^T W_(i+1)</c> for <c>i = 1..L-1</c>.</summary>
public static class Balancedness
{
    /// <summary>The largest imbalance <c>max_i ||W_i W_i^T - W_(i+1)^T W_(i+1)||_F</c> (0 for depth 1).</summary>
    /// <remarks>EXACT Section 6 (claim EXACT-CE); REG Theorem 1 (claim REG-T1).</remarks>
    public static double Imbalance(Factorization point)
    {
        ArgumentNullException.ThrowIfNull(point);
        var worst = 0.0;
        for (var i = 1; i < point.Depth; i++)
        {
            var w = point.LayerView(i);
            var next = point.LayerView(i + 1);
            worst = Math.Max(worst, (w.TransposeAndMultiply(w) - next.TransposeThisAndMultiply(next)).FrobeniusNorm());
        }

        return worst;
    }

    /// <summary>True when <see cref="Imbalance"/> is within <paramref name="tolerance"/> (default <see cref="Tolerance.Flatness"/>)
    /// at the scale <c>max_i ||W_i||_F^2</c>.</summary>
    /// <remarks>EXACT Section 6 (claim EXACT-CE); REG Theorem 1 (claim REG-T1).</remarks>
    public static bool IsBalanced(Factorization point, Tolerance? tolerance = null)
    {
        ArgumentNullException.ThrowIfNull(point);
        var scale = Enumerable.Range(1, point.Depth).Max(i => Math.Pow(point.LayerView(i).FrobeniusNorm(), 2));
        return (tolerance ?? Tolerance.Flatness).IsClose(Imbalance(point), 0, scale);
    }
}

// Regularized scalar minimizers (claims REG-T2, REG-T3): balanced magnitudes |w_i| = |rho|^(1/L) with any sign
// pattern whose product has the sign of rho.
namespace Sharpness.Theory.Regularized;

/// <summary>The minimizers of <c>(m - w_L...w_1)^2 + (lambda/L) sum w_i^2</c>: <c>|w_i| = |rho|^(1/L)</c> for a global <c>rho</c> of REG eq. 6.</summary>
public static class RegularizedScalarMinimizer
{
    /// <summary>
    /// The minimizer with magnitudes <c>|rho|^(1/L)</c> and signs from <paramref name="signPattern"/> (bit i set: <c>w_(i+1) &lt; 0</c>),
    /// with the last sign fixed so the product has the sign of <paramref name="rho"/>.
    /// </summary>
    /// <remarks>REG Theorems 1-2 and eq. 10 (claims REG-T2, REG-T3): minimizers are balanced and rho has the sign of m.</remarks>
    public static IReadOnlyList<double> Layers(double rho, int depth, int signPattern)
    {
        Preconditions.RequireFinite(rho, nameof(rho));
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 2);
        var w = Math.Pow(Math.Abs(rho), 1.0 / depth);
        var signs = Enumerable.Range(0, depth - 1).Select(i => ((signPattern >> i) & 1) == 1 ? -1.0 : 1.0).ToList();
        var product = signs.Aggregate(1.0, (p, s) => p * s);
        signs.Add(rho < 0 ? -product : product);
        return [.. signs.Select(s => s * w)];
    }
}

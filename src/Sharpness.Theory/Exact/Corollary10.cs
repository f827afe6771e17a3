// EXACT Corollary 10 (claim EXACT-C10): the upper bound of eq. 34 and the sufficient flatness condition.
using Sharpness.Theory.Linear;

namespace Sharpness.Theory.Exact;

/// <summary>
/// EXACT Corollary 10: at any minimizer <c>lambda_max &lt;= 2 sum_k smax(A_k)^2 smax(B_k)^2</c> (eq. 34), so if
/// <c>smax(A_k) smax(B_k) = smax(M)^(1 - 1/L)</c> for every <c>k</c> the minimizer is flat (eq. 36).
/// </summary>
public static class Corollary10
{
    /// <summary><c>2 sum_k smax(A_k)^2 smax(B_k)^2</c>.</summary>
    /// <remarks>EXACT Corollary 10, eq. 34 (claim EXACT-C10). Domain: any minimizer.</remarks>
    public static double UpperBound(Minimizer minimizer)
    {
        ArgumentNullException.ThrowIfNull(minimizer);
        return 2 * PartialProducts.SpectralNormProducts(minimizer.Point).Sum(p => p * p);
    }

    /// <summary>The condition of Corollary 10: <c>smax(A_k) smax(B_k) = smax(M)^(1 - 1/L)</c> for all <c>k</c>,
    /// within <paramref name="tolerance"/> (default <see cref="Tolerance.Flatness"/>).</summary>
    /// <remarks>EXACT Corollary 10 (claim EXACT-C10). Sufficient, not necessary, for flatness.</remarks>
    public static bool SatisfiesFlatnessCondition(Minimizer minimizer, Tolerance? tolerance = null)
    {
        ArgumentNullException.ThrowIfNull(minimizer);
        var value = Math.Pow(SpectralNorm.OfValidated(minimizer.TargetView), 1 - (1.0 / minimizer.Depth));
        return PartialProducts.AllEqual(PartialProducts.SpectralNormProducts(minimizer.Point), value, tolerance ?? Tolerance.Flatness);
    }
}

// ABS-COLLAPSE: the regularization above which the end-to-end scalar minimizer collapses to zero.
namespace Sharpness.Theory.Regularized;

/// <summary>
/// The critical <c>lambda_c(m, L)</c> of <c>g(rho) = (m - rho)^2 + lambda |rho|^(2/L)</c> (REG eq. 6): for
/// <c>lambda &lt; lambda_c</c> the global minimizer is nonzero, for <c>lambda &gt; lambda_c</c> it is 0, and at
/// <c>lambda = lambda_c</c> (L &gt;= 3) both are global minimizers.
/// </summary>
/// <remarks>
/// ABS (claim ABS-COLLAPSE) states the threshold without a formula; derivation, for <c>m &gt; 0</c>, <c>rho = t m</c>:
/// <list type="bullet">
/// <item>L = 2: <c>g = (m - rho)^2 + lambda |rho|</c> is soft-thresholding, <c>rho* = max(m - lambda/2, 0)</c>, so <c>lambda_c = 2 |m|</c>.</item>
/// <item>L &gt;= 3: at the threshold a positive stationary point ties with 0: <c>g(tm) = g(0) = m^2</c> gives
/// <c>lambda m^(2/L - 2) t^(2/L) = 2t - t^2</c>, and <c>g'(tm) = 0</c> gives <c>lambda m^(2/L - 2) t^(2/L) = L t (1 - t)</c>.
/// Equating, <c>t = (L - 2)/(L - 1)</c>, hence
/// <c>lambda_c = L/(L - 1) ((L - 2)/(L - 1))^(1 - 2/L) |m|^(2 (1 - 1/L))</c> (which is 2|m| at L = 2 with 0^0 = 1).</item>
/// </list>
/// </remarks>
public static class CriticalLambda
{
    /// <summary><c>lambda_c(m, L) = L/(L-1) ((L-2)/(L-1))^(1 - 2/L) |m|^(2 (1 - 1/L))</c>.</summary>
    /// <remarks>ABS (claim ABS-COLLAPSE); derivation in the type remarks. Domain: finite m, L &gt;= 2.</remarks>
    /// <exception cref="ArgumentException">Non-finite <paramref name="m"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Depth below 2.</exception>
    public static double Of(double m, int depth)
    {
        Preconditions.RequireFinite(m, nameof(m));
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 2);
        return depth / (depth - 1.0) * Math.Pow(TieFraction(depth), 1 - (2.0 / depth)) * Math.Pow(Math.Abs(m), 2 * (1 - (1.0 / depth)));
    }

    /// <summary>The nonzero global minimizer at the threshold, as a fraction of m: <c>t = (L - 2)/(L - 1)</c> (0 at L = 2).</summary>
    /// <remarks>ABS (claim ABS-COLLAPSE).</remarks>
    public static double TieFraction(int depth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 2);
        return (depth - 2.0) / (depth - 1.0);
    }
}

// ABS-TRACE: a global lower bound on the Hessian trace at any regularized minimizer, from the constant layer norm.
namespace Sharpness.Theory.Regularized;

/// <summary>
/// <c>trace(Hessian) &gt;= 2 c^(L-1) r^(2-L) (d_0 + d_L + (L-2) r) + 2 lambda N / L</c> at every minimizer of the
/// regularized matrix loss, where <c>c = ||W_i||_F^2</c> (the same for every layer and every minimizer, claim ABS-FROB)
/// and <c>r = min(d_0, d_L)</c>. Equality for L = 2.
/// </summary>
/// <remarks>
/// ABS states the bound without a formula (claim ABS-TRACE). Derivation: the loss is multilinear in each entry, so
/// the residual part of the Hessian has a zero diagonal and <c>trace = 2 sum_k ||A_k||_F^2 ||B_k||_F^2 + 2 lambda N/L</c>.
/// At a minimizer the layers are balanced with common singular values <c>a_j</c> (j &lt;= r), <c>c = sum_j a_j^2</c>,
/// <c>||A_k||_F^2 = sum_j a_j^(2(L-k))</c> for k &lt; L and <c>||A_L||_F^2 = d_L</c>, likewise <c>||B_k||_F^2 = sum_j a_j^(2(k-1))</c>
/// for k &gt; 1 and <c>||B_1||_F^2 = d_0</c>. The power mean gives <c>sum_j a_j^(2p) &gt;= r^(1-p) c^p</c> for p &gt;= 1, so the
/// end terms are at least <c>(d_0 + d_L) r^(2-L) c^(L-1)</c> and each of the L - 2 middle terms at least <c>r^(3-L) c^(L-1)</c>.
/// For L = 2 every step is an equality.
/// </remarks>
public static class TraceLowerBound
{
    /// <summary>The bound for widths <c>d_0..d_L</c>, regularization lambda and common squared layer norm <paramref name="layerFrobeniusSquared"/>.</summary>
    /// <remarks>ABS (claim ABS-TRACE); derivation in the type remarks.</remarks>
    /// <exception cref="ArgumentException">Widths of depth below 2, a negative norm or a non-positive lambda.</exception>
    public static double Of(IReadOnlyList<int> widths, double lambda, double layerFrobeniusSquared)
    {
        var (depth, r, n) = Shape(widths, lambda, layerFrobeniusSquared);
        var curvature = 2 * Math.Pow(layerFrobeniusSquared, depth - 1) * Math.Pow(r, 2 - depth) * (widths[0] + widths[^1] + ((depth - 2) * r));
        return curvature + (2 * lambda * n / depth);
    }

    /// <summary>Validates the bound's arguments and returns the depth L, <c>r = min(d_0, d_L)</c> and N.</summary>
    internal static (int Depth, int R, int N) Shape(IReadOnlyList<int> widths, double lambda, double layerFrobeniusSquared)
    {
        ArgumentNullException.ThrowIfNull(widths);
        Preconditions.RequirePositive(lambda, nameof(lambda));
        Preconditions.RequireNonNegative(layerFrobeniusSquared, nameof(layerFrobeniusSquared));
        var depth = widths.Count - 1;
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 2, nameof(widths));
        return (depth, Math.Min(widths[0], widths[^1]), Enumerable.Range(1, depth).Sum(i => widths[i] * widths[i - 1]));
    }
}

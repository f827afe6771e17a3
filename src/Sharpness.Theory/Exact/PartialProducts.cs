// The products smax(A_k) smax(B_k) that EXACT Corollaries 7 and 10 and eq. 34 are stated in.
using Sharpness.Theory.Linear;

namespace Sharpness.Theory.Exact;

/// <summary><c>p_k = smax(A_k) smax(B_k)</c>, <c>k = 1..L</c>: the quantities of EXACT eq. 21, 30 and 34.</summary>
public static class PartialProducts
{
    /// <summary>The list <c>p_1, ..., p_L</c> with <c>p_k = smax(A_k) smax(B_k)</c>.</summary>
    /// <remarks>EXACT eq. 30 and 34 (claims EXACT-C7, EXACT-C10). Domain: any factorization.</remarks>
    public static IReadOnlyList<double> SpectralNormProducts(Factorization point)
    {
        ArgumentNullException.ThrowIfNull(point);
        return [.. Enumerable.Range(1, point.Depth).Select(k => LeftNorm(point, k) * RightNorm(point, k))];
    }

    // smax(A_L) = smax(I) = 1 and smax(B_1) = 1 without forming (or decomposing) a d_L x d_L or d_0 x d_0 identity.
    internal static double LeftNorm(Factorization point, int k) => k == point.Depth ? 1 : SpectralNorm.OfValidated(point.LeftView(k));

    internal static double RightNorm(Factorization point, int k) => k == 1 ? 1 : SpectralNorm.OfValidated(point.RightView(k));

    // True when every p_k equals value within the tolerance, at the scale max(value, max_k p_k).
    internal static bool AllEqual(IReadOnlyList<double> products, double value, Tolerance tolerance)
    {
        var scale = Math.Max(value, products.Max());
        return products.All(p => tolerance.IsClose(p, value, scale));
    }
}

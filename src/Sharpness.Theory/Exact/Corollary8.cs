// EXACT Corollary 8 (claim EXACT-C8): a depth-2 minimizer is flat iff smax(L) = smax(R) = sqrt(smax(M)).
using Sharpness.Theory.Linear;

namespace Sharpness.Theory.Exact;

/// <summary>EXACT Corollary 8: in depth 2, <c>(L, R) in Omega_F</c> iff <c>smax(L) = smax(R) = sqrt(smax(M))</c> (eq. 33).</summary>
public static class Corollary8
{
    /// <summary>True when <c>smax(L) = smax(R) = sqrt(smax(M))</c> within <paramref name="tolerance"/> (default
    /// <see cref="Tolerance.Flatness"/>) at the scale <c>max(smax(L), smax(R), sqrt(smax(M)))</c>.</summary>
    /// <remarks>EXACT Corollary 8, eq. 33 (claim EXACT-C8). Domain: depth-2 minimizers.</remarks>
    /// <exception cref="ArgumentException">The depth is not 2.</exception>
    public static bool IsFlat(Minimizer minimizer, Tolerance? tolerance = null)
    {
        Corollary6.RequireDepthTwo(minimizer);
        var rule = tolerance ?? Tolerance.Flatness;
        var sL = SpectralNorm.OfValidated(minimizer.LayerView(2));
        var sR = SpectralNorm.OfValidated(minimizer.LayerView(1));
        var root = Math.Sqrt(SpectralNorm.OfValidated(minimizer.TargetView));
        var scale = Math.Max(root, Math.Max(sL, sR));
        return rule.IsClose(sL, root, scale) && rule.IsClose(sR, root, scale);
    }
}

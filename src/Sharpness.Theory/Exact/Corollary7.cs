// EXACT Corollary 7 (claim EXACT-C7): a scalar-ended minimizer is flat iff smax(A_k) smax(B_k) = |m|^(1 - 1/L) for all k.
namespace Sharpness.Theory.Exact;

/// <summary>
/// EXACT Corollary 7: with scalar ends, <c>w* in Omega_F</c> iff <c>smax(A_k) smax(B_k) = |m|^(1 - 1/L)</c>
/// for every <c>k</c> (eq. 30).
/// </summary>
public static class Corollary7
{
    /// <summary>The common value <c>|m|^(1 - 1/L)</c> of eq. 30.</summary>
    /// <remarks>EXACT Corollary 7, eq. 30 (claim EXACT-C7).</remarks>
    /// <exception cref="ArgumentException">Depth below 1 or a non-finite <paramref name="m"/>.</exception>
    public static double FlatProduct(double m, int depth)
    {
        Preconditions.RequireFinite(m, nameof(m));
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        return Math.Pow(Math.Abs(m), 1 - (1.0 / depth));
    }

    /// <summary>True when <c>smax(A_k) smax(B_k) = |m|^(1 - 1/L)</c> for all <c>k</c>, within <paramref name="tolerance"/>
    /// (default <see cref="Tolerance.Flatness"/>).</summary>
    /// <remarks>EXACT Corollary 7, eq. 30 (claim EXACT-C7). Domain: minimizers with <c>d_0 = d_L = 1</c>.</remarks>
    /// <exception cref="ArgumentException">The ends are not scalar.</exception>
    public static bool IsFlat(Minimizer minimizer, Tolerance? tolerance = null)
    {
        ArgumentNullException.ThrowIfNull(minimizer);
        if (minimizer.Widths[0] != 1 || minimizer.Widths[^1] != 1)
        {
            throw new ArgumentException(
                $"Corollary 7 needs scalar ends d_0 = d_L = 1 but d_0 = {minimizer.Widths[0]} and d_L = {minimizer.Widths[^1]}.",
                nameof(minimizer));
        }

        var m = minimizer.TargetView[0, 0];
        return PartialProducts.AllEqual(PartialProducts.SpectralNormProducts(minimizer.Point), FlatProduct(m, minimizer.Depth), tolerance ?? Tolerance.Flatness);
    }
}

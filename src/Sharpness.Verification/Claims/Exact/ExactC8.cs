// EXACT-C8: depth 2, flat iff smax(L) = smax(R) = sqrt(smax(M)) (Corollary 8, eq. 33).
using Sharpness.Theory.Linear;
using Sharpness.Verification.Generators;

namespace Sharpness.Verification.Claims.Exact;

/// <summary>EXACT Corollary 8, eq. 33.</summary>
public static class ExactC8
{
    /// <summary>The claim, its properties and mutants.</summary>
    public static Claim Claim { get; } = new(
        "EXACT-C8",
        "EXACT Corollary 8, eq. 33",
        "Depth 2: a minimizer is flat iff smax(L) = smax(R) = sqrt(smax(M)).",
        Expectation.Holds,
        "Holds in both directions, at tied top singular values and M = 0 too.",
        [
            new ClaimProperty<MinimizerRecipe>(
                "FlatIffSpectralBalanced",
                "Corollary 8's predicate agrees with oracle flatness on spectral-balanced, balanced, rescaled, Gaussian, equal-spectral-norm and trace-flat minimizers.",
                Minimizers.Recipes(ShapeFamily.DepthTwo, MinimizerKind.SpectralBalanced, MinimizerKind.Balanced, MinimizerKind.RescaledBalanced, MinimizerKind.Gaussian, MinimizerKind.TraceFlat, MinimizerKind.GaugedBalanced, MinimizerKind.EqualizedGaussian),
                (recipe, formulas) => FlatnessChecks.Iff(recipe, formulas.Corollary8IsFlat))
            {
                Regimes = FlatnessChecks.BothSides,
            },
        ],
        [
            new Mutant("FrobeniusInsteadOfSpectral", "||L||_F = ||R||_F = sqrt(||M||_F): Frobenius norms in place of spectral norms.",
                f => f with { Corollary8IsFlat = m => SpectralEquals(m.Layer(2).FrobeniusNorm(), m.Layer(1).FrobeniusNorm(), Math.Sqrt(m.Target.FrobeniusNorm())) }),
            new Mutant("EqualNormsOnly", "smax(L) = smax(R) without the value sqrt(smax(M)).",
                f => f with { Corollary8IsFlat = m => SpectralEquals(SpectralNorm.Of(m.Layer(2)), SpectralNorm.Of(m.Layer(1)), SpectralNorm.Of(m.Layer(1))) }),
        ]);

    private static bool SpectralEquals(double left, double right, double value)
    {
        var scale = Math.Max(value, Math.Max(left, right));
        return Sharpness.Theory.Tolerance.Flatness.IsClose(left, value, scale) && Sharpness.Theory.Tolerance.Flatness.IsClose(right, value, scale);
    }
}

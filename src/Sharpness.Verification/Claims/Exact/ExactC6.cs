// EXACT-C6: depth 2, lambda_max = 2 (smax(L)^2 + smax(R)^2) (Corollary 6, eq. 25), attained by eq. 89.
using Sharpness.Theory;
using Sharpness.Theory.Exact;
using Sharpness.Verification.Generators;

namespace Sharpness.Verification.Claims.Exact;

/// <summary>EXACT Corollary 6, eq. 25 and 89.</summary>
public static class ExactC6
{
    /// <summary>The claim, its properties and mutants.</summary>
    public static Claim Claim { get; } = new(
        "EXACT-C6",
        "EXACT Corollary 6, eq. 25, 89",
        "Depth 2, k >= min(d_0, d_L): lambda_max = 2 (smax(L)^2 + smax(R)^2), attained by the direction of eq. 89.",
        Expectation.Holds,
        "Holds at every depth-2 minimizer tried, including tied top singular values and M = 0.",
        [
            new ClaimProperty<MinimizerRecipe>(
                "LambdaMaxEqualsDenseOracle",
                "Corollary 6's value equals the dense oracle's lambda_max and the direction of eq. 89 attains it.",
                Minimizers.Recipes(ShapeFamily.DepthTwo, MinimizerKind.Gaussian, MinimizerKind.Balanced, MinimizerKind.GaugedBalanced, MinimizerKind.RescaledBalanced, MinimizerKind.SpectralBalanced, MinimizerKind.TraceFlat),
                (r, f) => LambdaMaxChecks.ValueAndDirection(r, f.Corollary6LambdaMax, f.Corollary6Direction)),
        ],
        [
            new Mutant("DroppedFactorTwo", "smax(L)^2 + smax(R)^2 without the factor 2.",
                f => f with { Corollary6LambdaMax = m => Corollary6.LambdaMax(m) / 2 }),
            new Mutant("FrobeniusInsteadOfSpectral", "2 (||L||_F^2 + ||R||_F^2): Frobenius norms in place of spectral norms.",
                f => f with { Corollary6LambdaMax = m => 2 * (Math.Pow(m.Layer(2).FrobeniusNorm(), 2) + Math.Pow(m.Layer(1).FrobeniusNorm(), 2)) }),
            new Mutant("SwappedDirectionWeights", "Eq. 89 with smax(R) weighting U and smax(L) weighting V.",
                f => f with { Corollary6Direction = SwappedWeights }),
        ]);

    private static Direction SwappedWeights(Minimizer minimizer)
    {
        var right = Corollary6.MaximizingDirection(minimizer);
        var u = right.Part(1);
        var v = right.Part(2);
        var (nu, nv) = (u.FrobeniusNorm(), v.FrobeniusNorm());
        return nu == 0 || nv == 0 ? right : new Direction([u * (nv / nu), v * (nu / nv)]);
    }
}

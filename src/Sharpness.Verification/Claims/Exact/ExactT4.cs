// EXACT-T4: scalar ends, lambda_max = 2 sum_i smax(A_i)^2 smax(B_i)^2 (Theorem 4, eq. 21).
using Sharpness.Theory.Exact;
using Sharpness.Theory.Linear;
using Sharpness.Verification.Generators;

namespace Sharpness.Verification.Claims.Exact;

/// <summary>EXACT Theorem 4, eq. 21.</summary>
public static class ExactT4
{
    /// <summary>The claim, its properties and mutants.</summary>
    public static Claim Claim { get; } = new(
        "EXACT-T4",
        "EXACT Theorem 4, eq. 21",
        "Scalar ends (d_0 = d_L = 1): lambda_max = 2 sum_i smax(A_i)^2 smax(B_i)^2 at any minimizer.",
        Expectation.Holds,
        "Holds at every scalar-ended minimizer tried, m = 0 and depth up to 20 included.",
        [
            new ClaimProperty<MinimizerRecipe>(
                "LambdaMaxEqualsDenseOracle",
                "Theorem 4's value equals the oracle's lambda_max and its direction A_i^T B_i^T (normalized) attains it.",
                Minimizers.Recipes(ShapeFamily.ScalarEnds, MinimizerKind.Gaussian, MinimizerKind.Balanced, MinimizerKind.GaugedBalanced, MinimizerKind.RescaledBalanced, MinimizerKind.ScalarFlatUnbalanced),
                (r, f) => LambdaMaxChecks.ValueAndDirection(r, f.Theorem4LambdaMax, f.Theorem4Direction)),
        ],
        [
            new Mutant("DroppedFactorTwo", "sum_i smax(A_i)^2 smax(B_i)^2 without the factor 2.",
                f => f with { Theorem4LambdaMax = m => Theorem4.LambdaMax(m) / 2 }),
            new Mutant("MaxInsteadOfSum", "2 max_i smax(A_i)^2 smax(B_i)^2: the largest layer term only.",
                f => f with
                {
                    Theorem4LambdaMax = m => 2 * Enumerable.Range(1, m.Depth).Max(i => Math.Pow(SpectralNorm.Of(m.LeftProduct(i)) * SpectralNorm.Of(m.RightProduct(i)), 2)),
                }),
            new Mutant("UnnormalizedDirection", "The direction A_i^T B_i^T without normalization.",
                f => f with { Theorem4Direction = m => new Sharpness.Theory.Direction(Enumerable.Range(1, m.Depth).Select(i => m.LeftProduct(i).TransposeThisAndMultiply(m.RightProduct(i).Transpose()))) }),
        ]);
}

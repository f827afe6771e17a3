// EXACT-L3: at any minimizer D^2_U L = 2 ||sum_i A_i U_i B_i||_F^2 (Lemma 3, eq. 14); the Hessian is 2 K^T K (eq. 74).
using Sharpness.Theory.Exact;
using Sharpness.Verification.Generators;

namespace Sharpness.Verification.Claims.Exact;

/// <summary>EXACT Lemma 3, eq. 14 and 74.</summary>
public static class ExactL3
{
    /// <summary>The claim, its properties and mutants.</summary>
    public static Claim Claim { get; } = new(
        "EXACT-L3",
        "EXACT Lemma 3, eq. 14, 74",
        "At any minimizer D^2_U L = 2 ||sum_i A_i U_i B_i||_F^2; the Hessian is 2 K^T K.",
        Expectation.Holds,
        "Holds at every minimizer tried, degenerate targets included.",
        [
            new ClaimProperty<MinimizerRecipe>(
                "SecondDirectionalDerivativeEqualsOracle",
                "For a random unit U, 2 ||sum A_i U_i B_i||_F^2 equals the oracle's exact D^2_U L.",
                Minimizers.Recipes(ShapeFamily.Any, MinimizerKind.Gaussian, MinimizerKind.Balanced, MinimizerKind.GaugedBalanced, MinimizerKind.RescaledBalanced),
                Check),
        ],
        [
            new Mutant("DroppedFactorTwo", "||sum A_i U_i B_i||_F^2 without the factor 2.",
                f => f with { Lemma3SecondDirectionalDerivative = (m, u) => Lemma3.SecondDirectionalDerivative(m, u) / 2 }),
            new Mutant("NoCrossTerms", "2 sum_i ||A_i U_i B_i||_F^2: the square of the sum taken term by term.",
                f => f with
                {
                    Lemma3SecondDirectionalDerivative = (m, u) => 2 * Enumerable.Range(1, m.Depth)
                        .Sum(i => Math.Pow((m.LeftProduct(i) * u.Part(i) * m.RightProduct(i)).FrobeniusNorm(), 2)),
                }),
        ]);

    private static Outcome Check(MinimizerRecipe recipe, Formulas formulas)
    {
        var minimizer = recipe.Build();
        var direction = Directions.RandomUnit(minimizer.Widths, recipe.Seed);
        var dense = Oracle.Dense(minimizer);
        return Outcome.Compare(
            "D^2_U L",
            formulas.Lemma3SecondDirectionalDerivative(minimizer, direction),
            Oracle.SecondDirectionalDerivative(minimizer.Point, direction),
            dense.Scale,
            Sharpness.Theory.Tolerance.DenseOracle,
            $"{recipe.Kind}/{recipe.Target}");
    }
}

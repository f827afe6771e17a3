// EXACT-C10: lambda_max <= 2 sum_k smax(A_k)^2 smax(B_k)^2 (eq. 34), and the equal-products condition implies flatness.
using Sharpness.Theory;
using Sharpness.Theory.Exact;
using Sharpness.Theory.Linear;
using Sharpness.Verification.Generators;

namespace Sharpness.Verification.Claims.Exact;

/// <summary>EXACT Corollary 10, eq. 34 and 36.</summary>
public static class ExactC10
{
    /// <summary>The claim, its properties and mutants.</summary>
    public static Claim Claim { get; } = new(
        "EXACT-C10",
        "EXACT Corollary 10, eq. 34, 36",
        "At any minimizer lambda_max <= 2 sum_k smax(A_k)^2 smax(B_k)^2; if smax(A_k) smax(B_k) = smax(M)^(1 - 1/L) for all k, the minimizer is flat.",
        Expectation.Holds,
        "The bound and the sufficient condition hold at every minimizer tried.",
        [
            new ClaimProperty<MinimizerRecipe>(
                "UpperBoundAndSufficientCondition",
                "The oracle's lambda_max is at most eq. 34's bound, with equality with scalar ends (eq. 21) and where the condition holds (eq. 36); the condition holds on the constructions built to meet it (balanced, spectral-balanced, flat unbalanced scalar), and wherever it holds the oracle finds the minimizer flat.",
                Minimizers.Mixed(
                    Minimizers.Recipes(ShapeFamily.Any, MinimizerKind.Gaussian, MinimizerKind.Balanced, MinimizerKind.GaugedBalanced, MinimizerKind.RescaledBalanced),
                    Minimizers.Recipes(ShapeFamily.DepthTwo, MinimizerKind.SpectralBalanced),
                    Minimizers.Recipes(ShapeFamily.ScalarEndsWide, MinimizerKind.ScalarFlatUnbalanced)),
                Check),
        ],
        [
            new Mutant("DroppedFactorTwo", "sum_k smax(A_k)^2 smax(B_k)^2 without the factor 2: no longer an upper bound.",
                f => f with { Corollary10UpperBound = m => Corollary10.UpperBound(m) / 2 }),
            new Mutant("NeverMet", "A condition that never holds (vacuously sufficient).",
                f => f with { Corollary10Condition = _ => false }),
            new Mutant("FrobeniusBound", "2 sum_k ||A_k||_F^2 ||B_k||_F^2: Frobenius norms in the bound (still an upper bound, not tight).",
                f => f with { Corollary10UpperBound = Sharpness.Theory.Exact.HessianTrace.Trace }),
            new Mutant("AnyInsteadOfAll", "The condition checked for some k instead of every k.",
                f => f with
                {
                    Corollary10Condition = m =>
                    {
                        var value = Math.Pow(SpectralNorm.Of(m.Target), 1 - (1.0 / m.Depth));
                        var products = PartialProducts.SpectralNormProducts(m.Point);
                        return products.Any(p => Sharpness.Theory.Tolerance.Flatness.IsClose(p, value, Math.Max(value, products.Max())));
                    },
                }),
        ]);

    private static Outcome Check(MinimizerRecipe recipe, Formulas formulas)
    {
        var minimizer = recipe.Build();
        var dense = Oracle.Dense(minimizer);
        var bound = formulas.Corollary10UpperBound(minimizer);
        var condition = formulas.Corollary10Condition(minimizer);
        var regime = condition ? "condition met" : "condition not met";
        var boundHolds = dense.LambdaMax <= bound + Tolerance.DenseOracle.Bound(dense.Scale);
        var outcomes = new List<Outcome>
        {
            Outcome.Check(boundHolds, regime, $"oracle lambda_max {dense.LambdaMax:G10} <= bound {bound:G10}"),
        };
        if (recipe.Kind is MinimizerKind.Balanced or MinimizerKind.SpectralBalanced or MinimizerKind.ScalarFlatUnbalanced)
        {
            outcomes.Add(Outcome.Check(condition, regime, $"{recipe.Kind} is built to meet the condition"));
        }

        if (minimizer.Widths[0] == 1 && minimizer.Widths[^1] == 1)
        {
            outcomes.Add(Outcome.Compare("eq. 34 bound with scalar ends (= eq. 21)", bound, dense.LambdaMax, dense.Scale, Tolerance.DenseOracle, regime));
        }

        if (condition)
        {
            var (flat, evidence) = OracleFlatness.Judge(minimizer, dense);
            outcomes.Add(Outcome.Check(flat, regime, $"condition met, so flat: {evidence}"));
            outcomes.Add(Outcome.Compare("eq. 34 bound where the condition holds (eq. 36: equality)", bound, dense.LambdaMax, dense.Scale, Tolerance.DenseOracle, regime));
        }

        return Outcome.All([.. outcomes]);
    }
}

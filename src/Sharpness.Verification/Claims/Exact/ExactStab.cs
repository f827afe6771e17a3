// EXACT-STAB: linearized GD x_(t+1) = x_t - eta H (x_t - x*) diverges from some start in every ball iff lambda_max(H) > 2 / eta.
using Sharpness.Theory.Exact;
using Sharpness.Verification.Generators;

namespace Sharpness.Verification.Claims.Exact;

/// <summary>EXACT Definition 1, eq. 2-3, line 108.</summary>
public static class ExactStab
{
    /// <summary>Steps of linearized GD: at 1.1 (2 / lambda_max) the top mode grows by 1.2 a step, 1.2^150 ~ 7e11.</summary>
    private const int Steps = 150;

    /// <summary>The claim, its properties and mutants.</summary>
    public static Claim Claim { get; } = new(
        "EXACT-STAB",
        "EXACT Definition 1, eq. 2-3, line 108",
        "Linearized GD near a minimum diverges from some start in every ball iff lambda_max(H) > 2 / eta.",
        Expectation.Holds,
        "Holds below, exactly at, and above eta = 2 / lambda_max.",
        [
            new ClaimProperty<MinimizerRecipe>(
                "DivergesIffStepAboveTwoOverLambdaMax",
                "With the oracle Hessian, linearized GD from a random start grows iff the criterion says unstable, for eta at 0.9, exactly 1 and 1.1 times 2 / lambda_max.",
                Minimizers.Recipes(ShapeFamily.Any, MinimizerKind.Gaussian, MinimizerKind.Balanced, MinimizerKind.RescaledBalanced),
                Check),
        ],
        [
            new Mutant("MissingFactorTwo", "Stable iff eta lambda_max <= 1.",
                f => f with { IsLinearlyStable = (lambda, eta) => eta * lambda <= 1 }),
            new Mutant("StrictInequality", "Stable iff eta lambda_max < 2: wrong exactly at the boundary.",
                f => f with { IsLinearlyStable = (lambda, eta) => eta * lambda < 2 }),
        ]);

    private static Outcome Check(MinimizerRecipe recipe, Formulas formulas)
    {
        var minimizer = recipe.Build();
        var dense = Oracle.Dense(minimizer);
        var lambda = dense.LambdaMax;
        if (lambda <= 0)
        {
            var stable = formulas.IsLinearlyStable(0, 1);
            return Outcome.Check(stable, "zero Hessian", $"zero Hessian: every step is stable; criterion says {(stable ? "stable" : "unstable")}");
        }

        var start = Directions.RandomUnit(minimizer.Widths, recipe.Seed).ToVector();
        var outcomes = new List<Outcome>();
        foreach (var factor in new[] { 0.9, 1.0, 1.1 })
        {
            var eta = Step(lambda, factor);
            var norms = LinearStability.DeviationNorms(dense.Hessian, start, eta, Steps);
            var diverged = norms[^1] > 10 * norms[0];
            var predicted = !formulas.IsLinearlyStable(lambda, eta);
            outcomes.Add(Outcome.Check(diverged == predicted, $"eta at {factor} x 2/lambda_max", $"eta = {factor} x 2/lambda_max: grew to {norms[^1] / norms[0]:G3} x start, criterion says {(predicted ? "unstable" : "stable")}"));
        }

        return Outcome.All([.. outcomes]);
    }

    // Exactly at the boundary, take the largest double eta with eta * lambda <= 2 in floating point, so the
    // case is the boundary itself and not one rounding step beyond it.
    private static double Step(double lambda, double factor)
    {
        var eta = factor * 2 / lambda;
        if (factor == 1.0)
        {
            while (eta * lambda > 2)
            {
                eta = Math.BitDecrement(eta);
            }
        }

        return eta;
    }
}

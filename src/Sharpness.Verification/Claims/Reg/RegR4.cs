// REG-R4: as lambda -> 0 the regularized lambda_max tends to 2 L |m|^(2 (1 - 1/L)) (REG Remark 4, eq. 39).
using Sharpness.Theory;
using Sharpness.Theory.Regularized;
using Sharpness.Verification.Generators;

namespace Sharpness.Verification.Claims.Reg;

/// <summary>REG Remark 4, eq. 39.</summary>
public static class RegR4
{
    /// <summary>The claim, its properties and mutants.</summary>
    public static Claim Claim { get; } = new(
        "REG-R4",
        "REG Remark 4, eq. 39",
        "As lambda -> 0 the regularized lambda_max tends to 2 L |m|^(2 (1 - 1/L)).",
        Expectation.Holds,
        "Holds: the oracle's lambda_max at lambda = 1e-6 and 1e-8 lambda_c is within O(lambda) of eq. 39, the gap shrinking with lambda.",
        [
            new ClaimProperty<ScalarRegularizedCase>(
                "LambdaMaxTendsToUnregularizedFlatValue",
                "For m != 0, the oracle's lambda_max at lambda = 1e-6 lambda_c and 1e-8 lambda_c approaches eq. 39's value, the gap shrinking about a hundredfold.",
                FsCheck.Fluent.Arb.Filter(ScalarRegularizedCase.All(), c => c.M != 0),
                Check),
        ],
        [
            new Mutant("SquaredTarget", "2 L m^2: the exponent 2 (1 - 1/L) replaced by 2.",
                f => f with { UnregularizedScalarLambdaMax = (m, l) => 2 * l * m * m }),
            new Mutant("MissingDepthFactor", "2 |m|^(2 (1 - 1/L)) without the factor L.",
                f => f with { UnregularizedScalarLambdaMax = (m, l) => 2 * Math.Pow(Math.Abs(m), 2 * (1 - (1.0 / l))) }),
        ]);

    private static Outcome Check(ScalarRegularizedCase c, Formulas formulas)
    {
        var limit = formulas.UnregularizedScalarLambdaMax(c.M, c.Depth);
        double Gap(double factor)
        {
            var lambda = factor * CriticalLambda.Of(c.M, c.Depth);
            var rho = ScalarEndToEnd.GlobalMinimizers(c.M, lambda, c.Depth)[^1];
            return Math.Abs(RegularizedScalarOracle.Dense(c.M, lambda, RegularizedScalarMinimizer.Layers(rho, c.Depth, c.SignPattern)).LambdaMax - limit);
        }

        var (coarse, fine) = (Gap(1e-6), Gap(1e-8));
        return Outcome.All(
            Outcome.Check(coarse <= 1e-4 * limit, "lambda -> 0", $"gap {coarse:G3} at 1e-6 lambda_c, limit {limit:G10}"),
            Outcome.Check(fine <= Math.Max(coarse / 20, 1e-9 * limit), "lambda -> 0", $"gap {fine:G3} at 1e-8 lambda_c shrinks from {coarse:G3}"));
    }
}

// Shared check for the closed forms of lambda_max (EXACT-T4, EXACT-T5, EXACT-C6): value against the dense
// oracle, and the constructive direction is unit and attains lambda_max under the oracle.
using Sharpness.Theory;
using Sharpness.Verification.Generators;

namespace Sharpness.Verification.Claims.Exact;

/// <summary>Checks a closed-form lambda_max and its maximizing direction against the dense oracle.</summary>
internal static class LambdaMaxChecks
{
    internal static Outcome ValueAndDirection(MinimizerRecipe recipe, Func<Minimizer, double> lambdaMax, Func<Minimizer, Direction> direction)
    {
        var minimizer = recipe.Build();
        var dense = Oracle.Dense(minimizer);
        var u = direction(minimizer);
        var regime = $"{recipe.Kind}/{recipe.Target}";
        return Outcome.All(
            Outcome.Compare("lambda_max", lambdaMax(minimizer), dense.LambdaMax, dense.Scale, Tolerance.DenseOracle, regime),
            Outcome.Compare("||U||", u.Norm, 1, 1, Tolerance.DenseOracle, regime),
            Outcome.Compare("D^2_U L along the maximizing direction", Oracle.SecondDirectionalDerivative(minimizer.Point, u), dense.LambdaMax, dense.Scale, Tolerance.DenseOracle, regime));
    }
}

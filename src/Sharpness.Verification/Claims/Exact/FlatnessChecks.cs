using Sharpness.Theory;
using Sharpness.Verification.Generators;

namespace Sharpness.Verification.Claims.Exact;

/// <summary>The check shared by the flatness iff-claims (EXACT-C7, EXACT-C8): predicate and oracle agree.</summary>
internal static class FlatnessChecks
{
    internal static Outcome Iff(MinimizerRecipe recipe, Func<Minimizer, bool> isFlat)
    {
        var minimizer = recipe.Build();
        var (oracleFlat, evidence) = OracleFlatness.Judge(minimizer, Oracle.Dense(minimizer));
        var predicate = isFlat(minimizer);
        var regime = (oracleFlat ? "flat" : "not flat") + (recipe.Target == TargetKind.Zero ? ", M = 0" : string.Empty);
        return Outcome.Check(predicate == oracleFlat, regime, $"predicate says {(predicate ? "flat" : "not flat")}; {evidence}");
    }
}

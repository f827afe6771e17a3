using Sharpness.Theory;
using Sharpness.Verification.Generators;

namespace Sharpness.Verification.Claims.Exact;

/// <summary>The check shared by the flatness iff-claims (EXACT-C7, EXACT-C8): predicate and oracle agree.</summary>
internal static class FlatnessChecks
{
    /// <summary>Both sides of an iff: some oracle-flat and some oracle-non-flat minimizer must be checked.</summary>
    internal static IReadOnlyList<Regime> BothSides { get; } =
    [
        new("flat", o => o.Regime.StartsWith(Flat, StringComparison.Ordinal)),
        new("not flat", o => o.Regime.StartsWith(NotFlat, StringComparison.Ordinal)),
    ];

    private const string Flat = "flat";
    private const string NotFlat = "not flat";

    internal static Outcome Iff(MinimizerRecipe recipe, Func<Minimizer, bool> isFlat)
    {
        var minimizer = recipe.Build();
        var (oracleFlat, evidence) = OracleFlatness.Judge(minimizer, Oracle.Dense(minimizer));
        var predicate = isFlat(minimizer);
        var regime = (oracleFlat ? Flat : NotFlat) + (recipe.Target == TargetKind.Zero ? ", M = 0" : string.Empty);
        return Outcome.Check(predicate == oracleFlat, regime, $"predicate says {(predicate ? "flat" : "not flat")}; {evidence}");
    }
}

// EXACT-C7: scalar ends, flat iff smax(A_k) smax(B_k) = |m|^(1 - 1/L) for all k (Corollary 7, eq. 30).
using Sharpness.Theory.Exact;
using Sharpness.Verification.Generators;

namespace Sharpness.Verification.Claims.Exact;

/// <summary>EXACT Corollary 7, eq. 30.</summary>
public static class ExactC7
{
    /// <summary>The claim, its properties and mutants.</summary>
    public static Claim Claim { get; } = new(
        "EXACT-C7",
        "EXACT Corollary 7, eq. 30",
        "Scalar ends: a minimizer is flat iff smax(A_k) smax(B_k) = |m|^(1 - 1/L) for all k.",
        Expectation.Holds,
        "Holds in both directions, on flat unbalanced minimizers and at m = 0 too.",
        [
            new ClaimProperty<MinimizerRecipe>(
                "FlatIffPartialProductsConstant",
                "Corollary 7's predicate agrees with oracle flatness on flat (balanced and unbalanced) and non-flat minimizers of the same targets.",
                Minimizers.Recipes(ShapeFamily.ScalarEnds, MinimizerKind.Balanced, MinimizerKind.ScalarFlatUnbalanced, MinimizerKind.RescaledBalanced, MinimizerKind.Gaussian, MinimizerKind.GaugedBalanced),
                (recipe, formulas) => FlatnessChecks.Iff(recipe, formulas.Corollary7IsFlat))
            {
                Regimes = FlatnessChecks.BothSides,
            },
        ],
        [
            new Mutant("ExponentOneOverL", "|m|^(1/L) in place of |m|^(1 - 1/L).",
                f => f with
                {
                    Corollary7IsFlat = m => PartialProducts.SpectralNormProducts(m.Point)
                        .All(p => Sharpness.Theory.Tolerance.Flatness.IsClose(p, Math.Pow(Math.Abs(m.Target[0, 0]), 1.0 / m.Depth), Math.Max(p, 1))),
                }),
            new Mutant("FirstLayerOnly", "Checks k = 1 only instead of every k.",
                f => f with
                {
                    Corollary7IsFlat = m => Sharpness.Theory.Tolerance.Flatness.IsClose(
                        PartialProducts.SpectralNormProducts(m.Point)[0], Corollary7.FlatProduct(m.Target[0, 0], m.Depth), Math.Max(1, Math.Abs(m.Target[0, 0]))),
                }),
        ]);
}

// EXACT-C7/printed: the sentence EXACT prints for Corollary 7 (l. 71-73, 259, 409): "flat if and only if the product of
// spectral norms of left and right intermediate factors is constant across layers". Eq. 30 fixes the constant.
namespace Sharpness.Verification.Claims.Printed;

/// <summary>EXACT Section 1.1 (l. 71-73), Section 5 (l. 259), Section 8 (l. 409), as printed.</summary>
public static class ExactC7Printed
{
    /// <summary>The claim, its properties and mutants.</summary>
    public static Claim Claim { get; } = new(
        "EXACT-C7/printed",
        "EXACT l. 71-73, 259, 409 (Corollary 7 as printed in words)",
        "Scalar ends: a minimizer is flat if and only if smax(A_k) smax(B_k) is constant across layers.",
        Expectation.FailsOnPartOfDomain,
        "Only if holds; if fails: the constant must be |m|^(1 - 1/L) (eq. 30). Smallest case: L = 2, widths (1, 2, 1), w_1 = (1, 0)^T, w_2 = (0, 1), m = 0: both products are 1, lambda_max = 4, flat value 0. Corrected statement: eq. 30 (EXACT-C7).",
        [
            new ClaimProperty<EqualProductCase>(
                "FlatIffConstantIsFlatValue_AtEqualProductMinimizers",
                "Counterexample: at minimizers whose products smax(A_k) smax(B_k) are equal for every k (aligned, random and M = 0 constructions), Corollary 7's predicate (constant = |m|^(1 - 1/L)) agrees with oracle flatness, and the non-flat ones exhibit the printed sentence's failure.",
                EqualProductCase.Cases(2, 4, maxEnd: 1),
                (c, f) => EqualProductChecks.Check(c, f.Corollary7IsFlat))
            {
                Role = PropertyRole.ExhibitsCounterexample,
                Regimes = EqualProductChecks.BothSides,
                Exhibiting = EqualProductChecks.Exhibiting,
            },
        ],
        [
            new Mutant("ConstantAcrossLayers", "The printed sentence: flat whenever the products are constant across layers, whatever the constant.",
                f => f with { Corollary7IsFlat = EqualProductChecks.ProductsConstant }),
        ]);
}

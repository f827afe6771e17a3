// EXACT-C10/printed: the sentences EXACT prints for Corollary 10 (l. 77-78, 289, 409): "a minimizer of deep matrix
// factorization loss is flat if the product of spectral norms of left and right intermediate factors is constant across
// layers". Corollary 10 itself (l. 295) fixes the constant smax(M)^(1 - 1/L).
namespace Sharpness.Verification.Claims.Printed;

/// <summary>EXACT Section 1.1 (l. 77-78), Section 5 (l. 289), Section 8 (l. 409), as printed.</summary>
public static class ExactC10Printed
{
    /// <summary>The claim, its properties and mutants.</summary>
    public static Claim Claim { get; } = new(
        "EXACT-C10/printed",
        "EXACT l. 77-78, 289, 409 (Corollary 10 as printed in words)",
        "Any minimizer: if smax(A_k) smax(B_k) is constant across layers, the minimizer is flat.",
        Expectation.FailsOnPartOfDomain,
        "Fails: constant is not enough, the constant must be smax(M)^(1 - 1/L) (Corollary 10 as stated, l. 295). Smallest cases: as EXACT-C7/printed (L = 2, widths (1, 2, 1), m = 0); with M != 0, L = 2, widths (1, 3, 1), w_1 = (1, 1, 0)^T / sqrt 2, w_2 = (1, 0, 0): both products 1, lambda_max = 4, flat value 2 sqrt 2. At minimizers with constant products, Corollary 10's condition is also necessary for flatness.",
        [
            new ClaimProperty<EqualProductCase>(
                "FlatIffConstantIsFlatValue_AtEqualProductMinimizers",
                "Counterexample: at minimizers (any ends, depth 2 to 4) whose products smax(A_k) smax(B_k) are equal for every k, Corollary 10's condition (constant = smax(M)^(1 - 1/L)) agrees with oracle flatness, and the non-flat ones exhibit the printed sentence's failure.",
                EqualProductCase.Cases(2, 4, maxEnd: 3),
                (c, f) => EqualProductChecks.Check(c, f.Corollary10Condition))
            {
                Role = PropertyRole.ExhibitsCounterexample,
                Regimes = EqualProductChecks.BothSides,
                Exhibiting = EqualProductChecks.Exhibiting,
            },
        ],
        [
            new Mutant("ConstantAcrossLayers", "The printed sentence: flat whenever the products are constant across layers, whatever the constant.",
                f => f with { Corollary10Condition = EqualProductChecks.ProductsConstant }),
        ]);
}

// EXACT-C8/printed: the sentences EXACT prints for Corollary 8 (abstract l. 10, l. 277): "a minimum is flat if and only if
// it is spectral-norm balanced". The text never defines the term; read as smax(L) = smax(R), the analogue of the
// Frobenius-norm balance ||L||_F = ||R||_F of Section 6. Eq. 33 also fixes the common value sqrt(smax(M)).
namespace Sharpness.Verification.Claims.Printed;

/// <summary>EXACT abstract (l. 10) and Section 5 (l. 277), as printed.</summary>
public static class ExactC8Printed
{
    /// <summary>The claim, its properties and mutants.</summary>
    public static Claim Claim { get; } = new(
        "EXACT-C8/printed",
        "EXACT l. 10, 277 (Corollary 8 as printed in words)",
        "Depth 2: a minimizer is flat if and only if it is spectral-norm balanced, smax(L) = smax(R).",
        Expectation.FailsOnPartOfDomain,
        "Only if holds (flat minimizers have smax(L) = smax(R)); if fails. Smallest case: M = [0] (1x1), k = 2, L = [1 0], R = [0 1]: smax(L) = smax(R) = 1, lambda_max = 4, flat value 0. Corrected statement: flat iff smax(L) = smax(R) = sqrt(smax(M)) (eq. 33, EXACT-C8).",
        [
            new ClaimProperty<EqualProductCase>(
                "FlatIffBalancedAtRootOfSmax_AtSpectralBalancedMinimizers",
                "Counterexample: at depth-2 minimizers with smax(L) = smax(R) by construction (aligned, random and M = 0), Corollary 8's predicate agrees with oracle flatness, and the non-flat ones exhibit the printed sentence's failure.",
                EqualProductCase.Cases(2, 2, maxEnd: 3),
                (c, f) => EqualProductChecks.Check(c, f.Corollary8IsFlat))
            {
                Role = PropertyRole.ExhibitsCounterexample,
                Regimes = EqualProductChecks.BothSides,
                Exhibiting = EqualProductChecks.Exhibiting,
            },
        ],
        [
            new Mutant("SpectralNormsEqual", "The printed sentence: flat whenever smax(L) = smax(R), whatever the common value.",
                f => f with { Corollary8IsFlat = EqualProductChecks.ProductsConstant }),
        ]);
}

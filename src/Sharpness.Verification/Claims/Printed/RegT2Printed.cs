// REG-T2/printed: the steps of the proof of REG Theorem 2 as printed: eq. 10, "for any minimizer rho*, sign(rho*) =
// sign(m)" (l. 82-84), and "since rho = 0 is not a minimizer, the local minimum is also global and unique" (l. 100);
// with the remark of l. 52 that the optimal value is positive for M != 0. CLAIMS.md words eq. 10 as "has the sign of m",
// which the suite reads as rho* m >= 0; the printed sign equation also excludes rho* = 0.
using Sharpness.Theory;
using Sharpness.Verification.Claims.Reg;
using Sharpness.Verification.Generators;

namespace Sharpness.Verification.Claims.Printed;

/// <summary>REG l. 52, eq. 10 (l. 82-84), l. 100, as printed.</summary>
public static class RegT2Printed
{
    /// <summary>The claim, its properties and mutants.</summary>
    public static Claim Claim { get; } = new(
        "REG-T2/printed",
        "REG l. 52, eq. 10 (l. 82-84), l. 100 (the proof of Theorem 2 as printed)",
        "Scalar case: every minimizer has sign(rho*) = sign(m) (eq. 10), so rho = 0 is never a minimizer for m != 0; the optimal value is positive for m != 0.",
        Expectation.FailsOnPartOfDomain,
        "Eq. 10 fails for m != 0 at lambda >= lambda_c: rho* = 0 is a global minimizer (the only one above lambda_c; beside the nonzero one at lambda_c for L >= 3), and sign(0) = 0 != sign(m); so does l. 100's 'rho = 0 is not a minimizer'. Smallest case: L = 2, m = 1, lambda = 2 (= lambda_c): rho* = 0. Corrected statement: sign(rho*) is 0 or sign(m), and rho* = 0 is a minimizer iff m = 0 or lambda >= lambda_c. The optimal value is positive for m != 0 (holds). Eq. 4 (J* = D + lambda R, l. 54) counts lambda twice with eq. 2's R: scalar L = 2, m = 2, lambda = 2 gives loss 3 = D + R = 1 + 2, not D + lambda R = 5 (a fixed example, RegT2PrintedTests).",
        [
            new ClaimProperty<ScalarRegularizedCase>(
                "ZeroIsAMinimizerExactlyAtAndAboveTheThreshold",
                "Counterexample: w = 0 is a global minimizer by the oracle's loss (m^2 at most the loss at the theory's minimizers) exactly when the theory's minimizers include rho = 0, which for m != 0 is lambda >= lambda_c; the theory's minimizers are never worse than w = 0, and their loss is positive for m != 0.",
                ScalarRegularizedCase.All(),
                Check)
            {
                Role = PropertyRole.ExhibitsCounterexample,
                Regimes = [Regime.Labelled("rho* != 0", NonZero), Regime.Labelled("rho* = 0 with m != 0", ZeroWithTarget)],
                Exhibiting = Regime.Labelled("rho* = 0 with m != 0", ZeroWithTarget),
            },
        ],
        [
            new Mutant("SignOfM", "Eq. 10 as printed: the nonzero stationary point of eq. 6 even at and above the threshold (rho = 0 never a minimizer for m != 0).",
                f => f with
                {
                    EndToEndMinimizers = (m, lambda, l) => m == 0 || lambda < Sharpness.Theory.Regularized.CriticalLambda.Of(m, l)
                        ? Sharpness.Theory.Regularized.ScalarEndToEnd.GlobalMinimizers(m, lambda, l)
                        : [Math.Sign(m) * Math.Abs(m) * Sharpness.Theory.Regularized.CriticalLambda.TieFraction(l)],
                }),
        ]);

    private const string NonZero = "rho* != 0";
    private const string ZeroWithTarget = "rho* = 0 with m != 0";

    private static Outcome Check(ScalarRegularizedCase c, Formulas formulas)
    {
        var predicted = formulas.EndToEndMinimizers(c.M, c.Lambda, c.Depth);
        var scale = RegularizedScalarOracle.ValueScale(c.M, c.Lambda, c.Depth);
        var tolerance = Tolerance.GridSearch.Bound(scale);
        var best = predicted.Min(rho => RegularizedScalarOracle.Landscape(c.M, c.Lambda, Sharpness.Theory.Regularized.RegularizedScalarMinimizer.Layers(rho, c.Depth, c.SignPattern)).Loss());
        var atZero = RegularizedScalarOracle.Landscape(c.M, c.Lambda, new double[c.Depth]).Loss();
        var zeroIsMinimizer = atZero <= best + tolerance;
        var regime = c.M == 0 ? "m = 0" : zeroIsMinimizer ? ZeroWithTarget : NonZero;
        var evidence = $"loss at w = 0: {atZero:R}; least loss at the theory's minimizers {string.Join(", ", predicted.Select(r => r.ToString("G10", System.Globalization.CultureInfo.InvariantCulture)))}: {best:R}";
        return Outcome.All(
            Outcome.Check(best <= atZero + tolerance, regime, $"the theory's minimizers are no worse than w = 0: {evidence}"),
            Outcome.Check(zeroIsMinimizer == predicted.Contains(0), regime, $"w = 0 is a minimizer by the oracle iff rho = 0 is among the theory's: {evidence}"),
            Outcome.Check(c.M == 0 || best > 0, regime, $"the optimal value is positive for m != 0 (l. 52): {evidence}"));
    }
}

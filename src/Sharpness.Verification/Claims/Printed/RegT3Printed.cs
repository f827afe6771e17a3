// REG-T3/printed: "the spectrum of the Hessian is constant over the solution set Omega" (REG Theorem 3, l. 112), the
// title (l. 3), the abstract (l. 18), the conclusion (l. 208) and ABS (l. 13). CLAIMS.md words Theorem 3 as a formula at
// every minimizer, which can hold while two minimizers have different spectra; the printed sentence cannot.
using Sharpness.Theory;
using Sharpness.Theory.Regularized;
using Sharpness.Verification.Claims.Reg;
using Sharpness.Verification.Generators;

namespace Sharpness.Verification.Claims.Printed;

/// <summary>REG title (l. 3), abstract (l. 18), Theorem 3 (l. 112), Section 3 (l. 208); ABS (l. 13), as printed.</summary>
public static class RegT3Printed
{
    /// <summary>The claim, its properties and mutants.</summary>
    public static Claim Claim { get; } = new(
        "REG-T3/printed",
        "REG title, l. 18, 112, 208; ABS l. 13 (Theorem 3 as printed in words)",
        "Scalar case: the Hessian spectrum is the same at every minimizer of the regularized loss.",
        Expectation.FailsOnPartOfDomain,
        "Holds except at lambda = lambda_c for L >= 3 (m != 0), where the collapsed minimizer w = 0 (Hessian (2 lambda/L) I) and the non-collapsed one (eq. 17) are both global. Smallest case: L = 3, m = 2, lambda = 3: the Hessian is exactly 2 I at w = 0 and exactly 4 I at w = (1, 1, 1). Corrected statement: constant over Omega except at lambda = lambda_c (L >= 3), where it takes two values.",
        [
            new ClaimProperty<ScalarRegularizedCase>(
                "SpectrumConstantExceptAtTheTie",
                "Counterexample: over all global minimizers (two sign patterns each) the oracle spectra agree exactly when the theory's minimizers and spectra say they do; at lambda = lambda_c (L >= 3, m != 0) they differ.",
                ScalarRegularizedCase.All(),
                Check)
            {
                Role = PropertyRole.ExhibitsCounterexample,
                Regimes = [Regime.Labelled("one spectrum", OneSpectrum), Regime.Labelled("two spectra", TwoSpectra)],
                Exhibiting = Regime.Labelled("two spectra", TwoSpectra),
            },
        ],
        [
            new Mutant("IgnoresTheTie", "One end-to-end minimizer at lambda = lambda_c, as the proof of Theorem 2 assumes, so one spectrum.",
                f => f with { EndToEndMinimizers = (m, lambda, l) => [.. ScalarEndToEnd.GlobalMinimizers(m, lambda, l).TakeLast(1)] }),
        ]);

    private const string OneSpectrum = "one spectrum";
    private const string TwoSpectra = "two spectra (lambda = lambda_c)";

    private static Outcome Check(ScalarRegularizedCase c, Formulas formulas)
    {
        var spectra = ScalarEndToEnd.GlobalMinimizers(c.M, c.Lambda, c.Depth)
            .SelectMany(rho => new[] { 0, c.SignPattern }.Select(signs => RegularizedScalarOracle.Dense(c.M, c.Lambda, RegularizedScalarMinimizer.Layers(rho, c.Depth, signs))))
            .ToList();
        var scale = spectra.Max(d => d.Scale);
        var oracleConstant = spectra.All(d => Same(d.Eigenvalues, spectra[0].Eigenvalues, scale));
        var predicted = formulas.EndToEndMinimizers(c.M, c.Lambda, c.Depth)
            .Select(rho => formulas.RegularizedScalarEigenvalues(c.M, Math.Pow(Math.Abs(rho), 1.0 / c.Depth), c.Lambda, c.Depth).Order().ToList())
            .ToList();
        var predictedConstant = predicted.All(p => Same(p, predicted[0], scale));
        var regime = oracleConstant ? OneSpectrum : TwoSpectra;
        var evidence = $"oracle spectra {string.Join(" | ", spectra.Select(d => string.Join(", ", d.Eigenvalues.Select(e => e.ToString("G8", System.Globalization.CultureInfo.InvariantCulture)))))}; theory predicts {(predictedConstant ? "one spectrum" : "two spectra")} over {predicted.Count} end-to-end minimizer(s)";
        return Outcome.Check(oracleConstant == predictedConstant, regime, evidence);
    }

    private static bool Same(IReadOnlyList<double> a, IReadOnlyList<double> b, double scale) =>
        a.Count == b.Count && a.Zip(b).All(p => Tolerance.DenseOracle.IsClose(p.First, p.Second, scale));
}

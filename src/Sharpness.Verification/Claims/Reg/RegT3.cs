// REG-T3: the Hessian spectrum of regularized deep scalar factorization at its minimizers (REG Theorem 3, eq. 17-18).
using Sharpness.Theory;
using Sharpness.Theory.Regularized;
using Sharpness.Verification.Generators;

namespace Sharpness.Verification.Claims.Reg;

/// <summary>REG Theorem 3, eq. 17-18.</summary>
public static class RegT3
{
    /// <summary>The claim, its properties and mutants.</summary>
    public static Claim Claim { get; } = new(
        "REG-T3",
        "REG Theorem 3, eq. 17-18",
        "Scalar case: at every minimizer the Hessian eigenvalues are 4 lambda / L (L - 1 times) and 2 L w^(2L-2) + 4 lambda / L - 2 lambda, w = |w_i*|.",
        Expectation.FailsOnPartOfDomain,
        "Holds at every minimizer with w > 0 (lambda <= lambda_c, both minimizers of the tie included). Fails at collapsed minimizers (w = 0: lambda >= lambda_c, or m = 0): the Hessian is (2 lambda/L) I for L >= 3, where eq. 17 even gives the negative 4 lambda/L - 2 lambda, and has eigenvalues lambda -+ 2|m| for L = 2. Smallest case: L = 2, m = 0, lambda = 1, w = (0, 0): Hessian I, eq. 17 says {0, 2}.",
        [
            new ClaimProperty<ScalarRegularizedCase>(
                "CorrectedSpectrumEqualsOracle",
                "At every global minimizer (every sign pattern, every regime) the layers are stationary and the corrected spectrum equals the oracle's.",
                ScalarRegularizedCase.All(),
                (c, f) => Outcome.All([.. Minimizers(c, f).Select(layers => CompareSpectrum(c, layers, f.RegularizedScalarEigenvalues(c.M, Math.Abs(layers[0]), c.Lambda, c.Depth), "corrected spectrum"))]))
            {
                // "Every regime": below, at and above the threshold, and m = 0 (the collapsed minimizers the correction is about).
                Regimes = [.. new[] { "lambda < lambda_c", "lambda = lambda_c", "lambda > lambda_c", "m = 0" }.Select(r => Regime.Labelled(r, r))],
            },
            new ClaimProperty<ScalarRegularizedCase>(
                "PrintedSpectrumHoldsWhereNotCollapsed",
                "At every minimizer with w > 0 the printed eq. 17 equals the oracle's spectrum.",
                ScalarRegularizedCase.All(),
                (c, f) => Outcome.All([.. Minimizers(c, f).Where(l => l[0] != 0).Select(layers => CompareSpectrum(c, layers, Theorem3.PrintedEigenvalues(Math.Abs(layers[0]), c.Lambda, c.Depth), "printed spectrum")).DefaultIfEmpty(Outcome.Vacuous("collapsed", "no minimizer with w > 0"))])),
            new ClaimProperty<ScalarRegularizedCase>(
                "CorrectedSpectrumAtOptimizerFoundMinimizers",
                "At the endpoints of descent plus Newton from random starts that reach the global minimum (found without the constructions), the layers are balanced and the oracle spectrum is the corrected one.",
                ScalarRegularizedCase.All(),
                CheckOptimizerFound),
            new ClaimProperty<ScalarRegularizedCase>(
                "PrintedSpectrumFailsAtCollapsedMinimizers",
                "Counterexample: above the threshold (or m = 0) the minimizer is w = 0 and the printed eq. 17 differs from the oracle's spectrum.",
                FsCheck.Fluent.Arb.Filter(ScalarRegularizedCase.All(), c => c.M == 0 || c.LambdaFactor > 1),
                CheckCollapsedCounterexample)
            {
                Role = PropertyRole.ExhibitsCounterexample,
            },
        ],
        [
            new Mutant("PrintedFormulaEverywhere", "Eq. 17 as printed also at w = 0.",
                f => f with { RegularizedScalarEigenvalues = (m, w, lambda, l) => Theorem3.PrintedEigenvalues(w, lambda, l) }),
            new Mutant("MissingMinusTwoLambda", "2 L w^(2L-2) + 4 lambda / L without the - 2 lambda term.",
                f => f with
                {
                    RegularizedScalarEigenvalues = (m, w, lambda, l) => w == 0
                        ? Theorem3.Eigenvalues(m, w, lambda, l)
                        : [.. Enumerable.Repeat(4 * lambda / l, l - 1).Append((2 * l * Math.Pow(w, (2 * l) - 2)) + (4 * lambda / l)).Order()],
                }),
        ]);

    private static IEnumerable<IReadOnlyList<double>> Minimizers(ScalarRegularizedCase c, Formulas formulas) =>
        formulas.EndToEndMinimizers(c.M, c.Lambda, c.Depth).Select(rho => RegularizedScalarMinimizer.Layers(rho, c.Depth, c.SignPattern));

    private static DenseHessian OracleAt(ScalarRegularizedCase c, IReadOnlyList<double> layers, out double[] gradient)
    {
        gradient = RegularizedScalarOracle.Landscape(c.M, c.Lambda, layers).Gradient();
        return RegularizedScalarOracle.Dense(c.M, c.Lambda, layers);
    }

    private static Outcome CompareSpectrum(ScalarRegularizedCase c, IReadOnlyList<double> layers, IReadOnlyList<double> expected, string what)
    {
        var dense = OracleAt(c, layers, out var gradient);
        var scale = dense.Scale;
        var worst = dense.Eigenvalues.Zip(expected.Order(), (a, b) => Math.Abs(a - b)).DefaultIfEmpty(double.PositiveInfinity).Max();
        // The gradient is of the size of the Hessian times a length (|w| or the problem's own): homogeneous, unlike |m| + 1.
        var length = Math.Pow(RegularizedScalarOracle.ValueScale(c.M, c.Lambda, c.Depth), 0.5 / c.Depth);
        var stationary = gradient.Max(Math.Abs) <= Tolerance.MinimizerResidual.Bound(scale * (Math.Abs(layers[0]) + length));
        var spectra = $"{what} [{Join(expected.Order())}] vs oracle [{Join(dense.Eigenvalues)}]";
        return Outcome.All(
            Outcome.Compare($"largest eigenvalue gap, {spectra}", worst, 0, scale, Tolerance.DenseOracle, c.Regime),
            Outcome.Check(expected.Count == dense.Eigenvalues.Count, c.Regime, $"{expected.Count} eigenvalues for L = {c.Depth}"),
            Outcome.Check(stationary, c.Regime, $"gradient {gradient.Max(Math.Abs):G3} at a claimed minimizer"));
    }

    private static Outcome CheckOptimizerFound(ScalarRegularizedCase c, Formulas f)
    {
        var scale = RegularizedScalarOracle.ValueScale(c.M, c.Lambda, c.Depth);
        var globalLoss = ScalarEndToEnd.Objective(c.M, c.Lambda, c.Depth, ScalarEndToEnd.GlobalMinimizers(c.M, c.Lambda, c.Depth)[0]);
        var problem = RegularizedScalarOracle.Scale(c.M, c.Lambda, c.Depth);
        var found = RandomStartDescent.PolishedEndpoints(w => RegularizedScalarOracle.Landscape(c.M, c.Lambda, w), c.Depth, problem, 4, c.SignPattern)
            .Where(e => Tolerance.GridSearch.IsClose(e.Loss, globalLoss, scale))
            .ToList();
        var outcomes = found.Select(e =>
        {
            // Magnitudes are judged against the problem's length scale ValueScale^(1/2L): below the flatness
            // tolerance of it an optimizer's endpoint is at the collapsed minimizer w = 0 (it stops near 1e-164, not at 0).
            var length = Math.Pow(scale, 0.5 / c.Depth);
            var magnitudes = e.Point.Select(Math.Abs).ToArray();
            var w = magnitudes.Average() <= Tolerance.Flatness.Bound(length) ? 0 : magnitudes.Average();
            var balanced = magnitudes.All(x => Tolerance.Flatness.IsClose(x, w, length));
            return Outcome.All(
                Outcome.Check(balanced, c.Regime, $"optimizer-found |w_i| = [{Join(magnitudes)}] are balanced"),
                CompareSpectrum(c, e.Point, f.RegularizedScalarEigenvalues(c.M, w, c.Lambda, c.Depth), "corrected spectrum at an optimizer-found minimizer"));
        }).ToList();
        return outcomes.Count == 0
            ? Outcome.Vacuous("no random start reached the global minimum", "nothing to check")
            : Outcome.All([.. outcomes]);
    }

    private static string Join(IEnumerable<double> values) =>
        string.Join(", ", values.Select(e => e.ToString("G10", System.Globalization.CultureInfo.InvariantCulture)));

    private static Outcome CheckCollapsedCounterexample(ScalarRegularizedCase c, Formulas formulas)
    {
        var layers = RegularizedScalarMinimizer.Layers(0, c.Depth, c.SignPattern);
        var dense = OracleAt(c, layers, out _);
        var printed = Theorem3.PrintedEigenvalues(0, c.Lambda, c.Depth);
        var differs = !dense.Eigenvalues.Zip(printed, (a, b) => Tolerance.DenseOracle.IsClose(a, b, dense.Scale)).All(x => x);
        var collapsed = formulas.EndToEndMinimizers(c.M, c.Lambda, c.Depth).SequenceEqual([0.0]);
        return Outcome.Check(differs && collapsed, c.Regime, $"collapsed: {collapsed}; printed [{Join(printed)}] vs oracle [{Join(dense.Eigenvalues)}]");
    }
}

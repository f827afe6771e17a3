// REGM-CONST: off ABS-UNIQ's exceptional set the whole Hessian spectrum is the same at every regularized matrix minimizer
// (the matrix analogue of the REG title); on it, each choice of rho at the threshold gives its own spectrum.
using System.Globalization;
using Sharpness.Theory.Regularized;
using Sharpness.Verification.Generators;

namespace Sharpness.Verification.Claims.Reg;

/// <summary>The REG title carried to matrices: a constant spectrum across minimizers, and where it is not.</summary>
public static class RegmConst
{
    /// <summary>The claim, its properties and mutants.</summary>
    public static Claim Claim { get; } = new(
        "REGM-CONST",
        "REG title, Theorem 3 (matrices)",
        "Regularized matrix case: off the exceptional set of ABS-UNIQ, the whole Hessian spectrum is the same at every minimizer. On the exceptional set, say what changes.",
        Expectation.Holds,
        "Holds: minimizers with the same rho differ by hidden orthogonal gauges, isometries that keep the loss, so H -> O H O^T. On the exceptional set (L >= 3, k singular values equal to s* with lambda = lambda_c(s*, L)) the spectrum depends on how many of the k keep rho = (L-2)/(L-1) s*: k + 1 spectra, and lambda_max differs between them. Smallest: M = [2], L = 3, lambda = 3 (REG-T2's tie): Hessian 2I at W = 0 and 4I at W = (1, 1, 1); at M = diag(2, 2) the three minimizers have lambda_max 2, 8 and 12. The scalar case is the same: REG Theorem 3's 'constant over Omega' fails at lambda = lambda_c.",
        [
            new ClaimProperty<RegularizedMatrixCase>(
                "SpectrumConstantIffOffExceptionalSet",
                "Two minimizers of the same M and lambda with independent hidden bases (and the two tie choices) have the same dense-oracle spectrum exactly when M is off the exceptional set.",
                RegularizedMatrixCase.All(),
                CheckConstancy)
            {
                Regimes = [Regime.Labelled("on the exceptional set", "on the exceptional set"), Regime.Labelled("off the exceptional set", "off the exceptional set")],
            },
            new ClaimProperty<RegularizedMatrixCase>(
                "ClosedFormSpectrumEqualsDenseOracle",
                "At every minimizer of every tie choice, the closed-form spectrum (diagonal, pair, hidden and end blocks) equals the dense oracle's, eigenvalue by eigenvalue.",
                RegularizedMatrixCase.WithBottlenecks(),
                CheckSpectrum)
            {
                Regimes = [Regime.Listed("a width above the rank"), Regime.Listed("no width above the rank"), Regime.Listed("a bottleneck")],
            },
        ],
        [
            new Mutant("ConstantEverywhere", "REG's 'constant over Omega' taken to matrices without the exceptional set.",
                f => f with { IsOnExceptionalSet = (_, _, _) => false }),
            new Mutant("HiddenGaugeModesMissing", "Hidden directions above the rank as pure regularizer (2 lambda/L), without the gauge zeros and their 4 lambda/L partners.",
                f => f with
                {
                    RegularizedMatrixEigenvalues = (s, a, lambda, widths) =>
                    {
                        var m = a.Count;
                        var full = RegularizedMatrixSharpness.Eigenvalues(s, a, lambda, widths);
                        var narrow = RegularizedMatrixSharpness.Eigenvalues(s, a, lambda, [widths[0], .. widths.Skip(1).SkipLast(1).Select(_ => m), widths[^1]]);
                        return [.. narrow.Concat(Enumerable.Repeat(2 * lambda / (widths.Count - 1), full.Count - narrow.Count)).Order()];
                    },
                }),
            new Mutant("PairGaugeModesAsRegularizer", "The L - 1 gauge zeros of each pair block read as 2 lambda/L.",
                f => f with
                {
                    RegularizedMatrixEigenvalues = (s, a, lambda, widths) =>
                    {
                        var spectrum = RegularizedMatrixSharpness.Eigenvalues(s, a, lambda, widths).ToList();
                        var pairs = Enumerable.Range(0, a.Count).Sum(j => Enumerable.Range(j + 1, a.Count - j - 1).Count(p => Math.Max(a[j], a[p]) > 0));
                        var depth = widths.Count - 1;
                        var zeros = spectrum.Select((x, i) => (x, i)).Where(e => e.x == 0).Take(pairs * (depth - 1)).Select(e => e.i).ToHashSet();
                        return [.. spectrum.Select((x, i) => zeros.Contains(i) ? 2 * lambda / depth : x).Order()];
                    },
                }),
            new Mutant("UnfittedResidualIgnored", "At a bottleneck, the pairs of a fitted index with an unfitted singular value as if it were beyond r (2 a_j^(2L-2) + 2 lambda/L twice, without the residual 2 s_p a_j^(L-2)).",
                f => f with
                {
                    RegularizedMatrixEigenvalues = (s, a, lambda, widths) =>
                    {
                        var depth = widths.Count - 1;
                        var exact = RegularizedMatrixSharpness.Eigenvalues(s, a, lambda, widths).ToList();
                        foreach (var (aj, sp) in a.SelectMany(aj => s.Skip(a.Count).Select(sp => (aj, sp))))
                        {
                            var centre = (2 * Math.Pow(aj, (2 * depth) - 2)) + (2 * lambda / depth);
                            var residual = 2 * sp * Math.Pow(aj, depth - 2);
                            exact[exact.IndexOf(centre - residual)] = centre;
                            exact[exact.IndexOf(centre + residual)] = centre;
                        }

                        return [.. exact.Order()];
                    },
                }),
        ]);

    private static Outcome CheckConstancy(RegularizedMatrixCase c, Formulas formulas)
    {
        var target = c.TargetMatrix();
        var lambda = c.Lambda;
        var exceptional = formulas.IsOnExceptionalSet(target, c.Depth, lambda);
        var first = RegmLmax.DenseAt(formulas.RegularizedMatrixMinimizer(target, c.Widths, lambda, new Random(c.Seed), 0));
        var second = RegmLmax.DenseAt(formulas.RegularizedMatrixMinimizer(target, c.Widths, lambda, new Random(c.Seed ^ 0x5EED), -1));
        var scale = Math.Max(first.Scale, second.Scale);
        var gap = first.Eigenvalues.Zip(second.Eigenvalues, (x, y) => Math.Abs(x - y)).Max();
        var same = Sharpness.Theory.Tolerance.DenseOracle.IsClose(gap, 0, scale);
        var regime = c.IsOnTheTieSet ? "on the exceptional set" : "off the exceptional set";
        return Outcome.Check(
            same == !exceptional,
            regime,
            string.Create(CultureInfo.InvariantCulture, $"spectra differ by at most {gap:G3} (scale {scale:G3}, allowed {Sharpness.Theory.Tolerance.DenseOracle.Bound(scale):G3}), lambda_max {first.LambdaMax:G10} and {second.LambdaMax:G10}; predicted exceptional: {exceptional}"));
    }

    private static Outcome CheckSpectrum(RegularizedMatrixCase c, Formulas formulas)
    {
        var target = c.TargetMatrix();
        var lambda = c.Lambda;
        var s = RegularizedMatrixSharpness.SingularValues(target);
        var r = s.Count;
        var regime = (c.Widths.Any(d => d > r) ? "a width above the rank" : "no width above the rank") + (c.HasBottleneck ? "; a bottleneck" : string.Empty);
        return Outcome.All([.. RegmLmax.TieChoices(target, c.Widths, lambda).Select(choice =>
        {
            var point = formulas.RegularizedMatrixMinimizer(target, c.Widths, lambda, new Random(c.Seed ^ choice), choice);
            var expected = formulas.RegularizedMatrixEigenvalues(s, RegularizedMatrixSharpness.MagnitudesAt(target, c.Widths, lambda, choice), lambda, c.Widths);
            var dense = RegmLmax.DenseAt(point);
            var worst = expected.Count == dense.Eigenvalues.Count
                ? dense.Eigenvalues.Zip(expected, (x, y) => Math.Abs(x - y)).Max()
                : double.PositiveInfinity;
            return Outcome.Compare(
                string.Create(CultureInfo.InvariantCulture, $"largest eigenvalue gap of {expected.Count} closed-form vs {dense.Eigenvalues.Count} oracle eigenvalues (tie choice {choice})"),
                worst,
                0,
                dense.Scale,
                Sharpness.Theory.Tolerance.DenseOracle,
                regime);
        })]);
    }
}

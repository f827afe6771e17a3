// GHOSH-BAL (Ghosh et al. 2025): the whole Hessian spectrum at balanced minimizers from the singular values of M. The
// suite finds the sum form right everywhere and the printed two-case form undefined (0/0) at tied singular values.
using System.Globalization;
using Sharpness.Theory;
using Sharpness.Theory.Exact;
using Sharpness.Verification.Generators;

namespace Sharpness.Verification.Claims.Exact;

/// <summary>Ghosh et al. 2025, full spectrum at balanced minimizers (derived here from EXACT eq. 74, 22).</summary>
public static class GhoshBal
{
    /// <summary>The claim, its properties and mutants.</summary>
    public static Claim Claim { get; } = new(
        "GHOSH-BAL",
        "Ghosh et al. 2025 (ICLR); derived from EXACT eq. 74, 22",
        "With s_1 >= s_2 >= ... the singular values of M padded with zeros to d_L (rows) and d_0 (columns), and 0^0 = 1, the nonzero Hessian eigenvalues at a balanced minimizer are 2 sum_{k=1..L} s_i^(2(L-k)/L) s_j^(2(k-1)/L) over pairs (i, j), i.e. 2 L s_i^(2-2/L) for i = j and 2 (s_i^2 - s_j^2) / (s_i^(2/L) - s_j^(2/L)) otherwise.",
        Expectation.FailsOnPartOfDomain,
        "The sum form holds at every balanced minimizer (ties, zero singular values, d_0 != d_L, M = 0, depth 1 to 5). The printed two-case form is 0/0 wherever i != j but s_i = s_j: there the eigenvalue is 2 L s^(2-2/L) (the divided difference's limit), so the case split must be s_i = s_j, not i = j. Smallest counterexample losing a nonzero eigenvalue: M = I_2, L = 2, W_1 = W_2 = I_2 (eigenvalues 4, 4, 4, 4, 0, 0, 0, 0; the printed form gives 4 at (1,1), (2,2) and 0/0 at (1,2), (2,1)); at depth 1, M = [0 0] (Hessian 2 I_2) already loses the eigenvalue 2 at (1, 2).",
        [
            new ClaimProperty<MinimizerRecipe>(
                "SumFormEqualsDenseOracle",
                "At balanced minimizers the sum form over the d_L x d_0 pairs, sorted, equals the dense oracle's Hessian eigenvalues one by one (the rest zero), with the trace and the rank.",
                Minimizers.Recipes(ShapeFamily.Small, MinimizerKind.Balanced),
                CheckSumForm)
            {
                Regimes = [Tagged("depth 1"), Tagged("d_0 != d_L"), Tagged("tied singular values"), Tagged("rank-deficient M"), Tagged("H = 0")],
            },
            new ClaimProperty<TiedBalancedCase>(
                "PrintedFormUndefinedAtTies",
                "Counterexample: at a balanced minimizer of a target with exactly tied singular values the printed two-case form is 0/0 at the tied pairs i != j, where the oracle has the sum form's eigenvalue 2 L s^(2-2/L); at every other pair the printed form equals the sum form.",
                TiedBalancedCase.All(),
                CheckTies)
            {
                Role = PropertyRole.ExhibitsCounterexample,
                Regimes = [Tagged("depth 1"), Tagged("d_0 != d_L"), Tagged("a zero singular value")],
            },
        ],
        [
            new Mutant("PrintedTwoCaseForm", "The printed split on i = j, evaluated as printed (0/0 at ties s_i = s_j with i != j, the zero padding included).",
                f => f with { BalancedEigenvalues = BalancedSpectrum.PrintedEigenvalues }),
            new Mutant("SingularValuesNotSquared", "2 sum_k s_i^((L-k)/L) s_j^((k-1)/L): the layers' singular values s^(1/L) in place of their squares.",
                f => f with { BalancedEigenvalues = (s, w) => Over(s, w, (si, sj, l) => 2 * Enumerable.Range(1, l).Sum(k => Math.Pow(si, (double)(l - k) / l) * Math.Pow(sj, (double)(k - 1) / l))) }),
            new Mutant("DiagonalPairsOnly", "Only the pairs i = j (2 L s_i^(2-2/L), the flat lambda_max's formula per singular value): the cross pairs missed.",
                f => f with { BalancedEigenvalues = (s, w) => [.. Enumerable.Range(0, Math.Min(w[0], w[^1])).Select(i => BalancedSpectrum.PairEigenvalue(i < s.Count ? s[i] : 0, i < s.Count ? s[i] : 0, w.Count - 1))] }),
            new Mutant("ZeroToTheZeroIsZero", "The sum form with 0^0 = 0: the identity terms A_L = I, B_1 = I lost on the directions of zero singular values.",
                f => f with { BalancedEigenvalues = (s, w) => Over(s, w, (si, sj, l) => 2 * Enumerable.Range(1, l).Sum(k => PowZeroIsZero(si, 2.0 * (l - k) / l) * PowZeroIsZero(sj, 2.0 * (k - 1) / l))) }),
            new Mutant("DroppedFactorTwo", "sum_k s_i^(2(L-k)/L) s_j^(2(k-1)/L) without the factor 2.",
                f => f with { BalancedEigenvalues = (s, w) => [.. BalancedSpectrum.Eigenvalues(s, w).Select(e => e / 2)] }),
        ]);

    private static Regime Tagged(string tag) => new(tag, o => o.Regime.Contains(tag, StringComparison.Ordinal));

    private static Outcome CheckSumForm(MinimizerRecipe recipe, Formulas formulas)
    {
        var minimizer = recipe.Build();
        var dense = Oracle.Dense(minimizer);
        var predicted = formulas.BalancedEigenvalues(BalancedSpectrum.SingularValues(minimizer.Target), minimizer.Widths);
        return SpectrumChecks.Compare(predicted, dense, ExactSpec.RegimeOf(recipe, minimizer, dense));
    }

    private static Outcome CheckTies(TiedBalancedCase @case, Formulas formulas)
    {
        var minimizer = @case.Build();
        var dense = Oracle.Dense(minimizer);
        var s = @case.SingularValues();
        var widths = minimizer.Widths;
        var depth = minimizer.Depth;
        var tags = new List<string> { $"tied x{@case.Ties}" };
        if (depth == 1)
        {
            tags.Add("depth 1");
        }

        if (widths[0] != widths[^1])
        {
            tags.Add("d_0 != d_L");
        }

        if (s[^1] == 0)
        {
            tags.Add("a zero singular value");
        }

        var regime = string.Join("; ", tags);
        var printed = BalancedSpectrum.PrintedEigenvalues(s, widths);
        double Padded(int i) => i < s.Count ? s[i] : 0.0;
        var pairs = (from i in Enumerable.Range(0, widths[^1]) from j in Enumerable.Range(0, widths[0]) select (I: i, J: j)).ToList();
        var tiedPositive = pairs.Where(p => p.I != p.J && Padded(p.I) == Padded(p.J) && Padded(p.I) > 0).ToList();
        var lost = tiedPositive.Where(p => double.IsNaN(printed[(p.I * widths[0]) + p.J])).ToList();
        var untied = pairs.Where(p => p.I == p.J || Padded(p.I) != Padded(p.J)).ToList();
        var scale = dense.Scale;
        var worstUntied = untied.Select(p => Math.Abs(printed[(p.I * widths[0]) + p.J] - BalancedSpectrum.PairEigenvalue(Padded(p.I), Padded(p.J), depth))).DefaultIfEmpty(0).Max();
        var tieValue = 2 * depth * Math.Pow(s[0], 2 - (2.0 / depth));
        return Outcome.All(
            SpectrumChecks.Compare(formulas.BalancedEigenvalues(s, widths), dense, regime),
            Outcome.Check(
                tiedPositive.Count > 0 && lost.Count == tiedPositive.Count,
                regime,
                string.Create(CultureInfo.InvariantCulture, $"the printed form is 0/0 at {lost.Count} of the {tiedPositive.Count} tied pairs i != j (s = {s[0]:G6}), where the eigenvalue is 2 L s^(2-2/L) = {tieValue:G6}")),
            Outcome.Check(
                Tolerance.DenseOracle.IsClose(worstUntied, 0, scale),
                regime,
                string.Create(CultureInfo.InvariantCulture, $"at the {untied.Count} untied pairs the printed form equals the sum form within {worstUntied:G3} (scale {scale:G6})")));
    }

    private static IReadOnlyList<double> Over(IReadOnlyList<double> s, IReadOnlyList<int> widths, Func<double, double, int, double> pair)
    {
        double Padded(int i) => i < s.Count ? s[i] : 0.0;
        return [.. from i in Enumerable.Range(0, widths[^1]) from j in Enumerable.Range(0, widths[0]) select pair(Padded(i), Padded(j), widths.Count - 1)];
    }

    private static double PowZeroIsZero(double x, double exponent) => x == 0 ? 0 : Math.Pow(x, exponent);
}

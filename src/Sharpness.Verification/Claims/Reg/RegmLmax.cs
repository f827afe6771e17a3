// REGM-LMAX: a closed-form lambda_max at every minimizer of the regularized matrix loss (REG eq. 2), the open problem of
// REG l. 208, checked against the dense oracle on every regime, and the flat value (least over the minimizers).
using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Theory;
using Sharpness.Theory.Regularized;
using Sharpness.Verification.Generators;

namespace Sharpness.Verification.Claims.Reg;

/// <summary>The suite's answer to REG l. 208: lambda_max at regularized matrix minimizers.</summary>
public static class RegmLmax
{
    private static readonly string[] RegimeNames =
    [
        "depth 2", "depth >= 3", "a collapsed singular value", "no collapsed singular value", "tied singular values",
        "lambda = lambda_c", "hidden width above the rank", "d_0 != d_L", "zero target", "a pair block attains lambda_max",
        "a bottleneck (hidden width below the rank)", "an unfitted singular value's pair attains lambda_max",
    ];

    /// <summary>The claim, its properties and mutants.</summary>
    public static Claim Claim { get; } = new(
        "REGM-LMAX",
        "REG l. 208 (open problem), REG eq. 2",
        "Regularized matrix case (REG eq. 2, lambda > 0): a closed-form lambda_max of the Hessian at every minimizer, in terms of the singular values s_j of M, lambda, L and the widths.",
        Expectation.Holds,
        "Derived and checked at every width: lambda_max = max(max_j mu_j, max_(j<p) mu_jp) over the m = min_i d_i fitted j (all r = min(d_0, d_L) without a bottleneck) and j < p <= r, mu_j REG-T3's corrected value at (s_j, a_j = rho_j^(1/L)), mu_jp = 2 S_L(a_j, a_p) + (2 lambda/L)(1 + S_(L-1)(a_j, a_p)/(a_j a_p)^(L-2)) with S_n(a, b) = sum_(i<n) a^(2i) b^(2(n-1-i)) (2 a_j^(2L-2) + 2 lambda/L + 2 s_p a_j^(L-2) when a_p = 0, which includes every unfitted p > m at a bottleneck). Widths at or above r never change it; a bottleneck does, through the unfitted singular values: at M = diag(3, 2.9), widths (2, 1, 2), lambda = 1/2 it is 11.8 = 2 s_1 + 2 s_2, not the fitted part's 11. The scalar formula per singular value is not the matrix answer: at M = diag(3, 3), L = 2, lambda = 2 it gives 8, lambda_max is 12 = 2 L a^(2L-2) + 2 lambda, a pair block.",
        [
            new ClaimProperty<RegularizedMatrixCase>(
                "ClosedFormEqualsDenseOracle",
                "At minimizers with independent hidden bases and both tie choices, the closed form at the target's singular values and the minimizer's layer singular values equals the dense oracle's lambda_max, in every regime, bottlenecks included.",
                RegularizedMatrixCase.WithBottlenecks(),
                Check)
            {
                Regimes = [.. RegimeNames.Select(Regime.Listed)],
            },
            new ClaimProperty<RegularizedMatrixCase>(
                "FlatValueIsLeastOverMinimizers",
                "The flat value equals the least oracle lambda_max over the minimizers of every tie choice (one off the tie set, k + 1 on it), bottlenecks included.",
                RegularizedMatrixCase.WithBottlenecks(),
                CheckFlatValue)
            {
                Regimes = [Regime.Labelled("on the tie set", "on the tie set"), Regime.Labelled("off the tie set", "off the tie set")],
            },
            new ClaimProperty<RegularizedMatrixCase>(
                "ClosedFormAtOptimizerFoundMinimizers",
                "Off the exceptional set, at every minimizer found by descent plus Newton from random starts (REG-T1's cases, no construction involved), the closed form equals the dense oracle's lambda_max there.",
                RegularizedMatrixCase.All(),
                CheckOptimizerFound)
            {
                SharedCases = OptimizerMinimizers.Cases,
            },
        ],
        [
            new Mutant("ScalarFormulaPerSingularValue", "REG-T3's lambda_max per singular value only: the pair blocks (the cross terms) left out.",
                f => f with { RegularizedMatrixLambdaMax = (s, a, lambda, l) => a.Select((aj, j) => Theorem3.LambdaMax(s[j], aj, lambda, l)).Max() }),
            new Mutant("UnfittedPartnersLeftOut", "At a bottleneck, the formula of the fitted part only (the rank-m truncation of M): the pairs of a fitted with an unfitted singular value left out.",
                f => f with { RegularizedMatrixLambdaMax = (s, a, lambda, l) => RegularizedMatrixSharpness.LambdaMax([.. s.Take(a.Count)], a, lambda, l) }),
            new Mutant("LambdaForLambdaOverLInPairs", "lambda in place of lambda/L in the pair blocks' regularizer terms.",
                f => f with { RegularizedMatrixLambdaMax = (s, a, lambda, l) => WithPairs(s, a, lambda, l, (sj, aj, sp, ap) => RegularizedMatrixSharpness.PairLambdaMax(sj, aj, sp, ap, lambda * l, l)) }),
            new Mutant("DepthTwoPairFormulaAtEveryDepth", "The pair block's depth-2 value 2 S_L + 4 lambda/L at every depth: the ratio sum S_(L-1)/(a_j a_p)^(L-2) taken as 1.",
                f => f with
                {
                    RegularizedMatrixLambdaMax = (s, a, lambda, l) => WithPairs(s, a, lambda, l, (sj, aj, sp, ap) => Math.Min(aj, ap) > 0
                        ? (2 * Enumerable.Range(0, l).Sum(i => Math.Pow(aj, 2 * i) * Math.Pow(ap, 2 * (l - 1 - i)))) + (4 * lambda / l)
                        : RegularizedMatrixSharpness.PairLambdaMax(sj, aj, sp, ap, lambda, l)),
                }),
            new Mutant("CollapsedPartnerIgnored", "A pair with a collapsed partner (a_p = 0) without the residual coupling 2 s_p a_j^(L-2).",
                f => f with
                {
                    RegularizedMatrixLambdaMax = (s, a, lambda, l) => WithPairs(s, a, lambda, l, (sj, aj, sp, ap) => Math.Min(aj, ap) == 0 && Math.Max(aj, ap) > 0
                        ? (2 * Math.Pow(Math.Max(aj, ap), (2 * l) - 2)) + (2 * lambda / l)
                        : RegularizedMatrixSharpness.PairLambdaMax(sj, aj, sp, ap, lambda, l)),
                }),
            new Mutant("FlatValueAtNonzeroChoice", "The flat value at the minimizer keeping every nonzero rho at the tie, not the least over the choices.",
                f => f with
                {
                    RegularizedMatrixFlatValue = (m, widths, lambda) => RegularizedMatrixSharpness.LambdaMax(
                        RegularizedMatrixSharpness.SingularValues(m), RegularizedMatrixSharpness.MagnitudesAt(m, widths, lambda, -1), lambda, widths.Count - 1),
                }),
        ]);

    /// <summary>The tie choices of <see cref="RegularizedMatrixMinimizer.FromTarget"/> that give every distinct minimizer up to
    /// gauge: the first k tied indices nonzero, for k = 0 .. (number of singular values on their tie).</summary>
    internal static IReadOnlyList<int> TieChoices(Matrix<double> target, IReadOnlyList<int> widths, double lambda)
    {
        var low = RegularizedMatrixSharpness.MagnitudesAt(target, widths, lambda, 0);
        var high = RegularizedMatrixSharpness.MagnitudesAt(target, widths, lambda, -1);
        var tied = Enumerable.Range(0, low.Count).Where(j => low[j] != high[j]).ToList();
        return [.. Enumerable.Range(0, tied.Count + 1).Select(k => tied.Take(k).Aggregate(0, (bits, j) => bits | (1 << j)))];
    }

    /// <summary>The regime labels of one minimizer of a case, joined by "; ".</summary>
    internal static string Labels(RegularizedMatrixCase c, bool onTheTieSet, IReadOnlyList<double> s, IReadOnlyList<double> a, bool pairAttains, bool unfittedAttains)
    {
        var r = s.Count;
        var labels = new List<string> { c.Depth == 2 ? "depth 2" : "depth >= 3" };
        labels.Add(Enumerable.Range(0, a.Count).Any(j => s[j] > 0 && a[j] == 0) ? "a collapsed singular value" : "no collapsed singular value");
        if (c.Target == TargetKind.TiedTop)
        {
            labels.Add("tied singular values");
        }

        if (onTheTieSet)
        {
            labels.Add("lambda = lambda_c");
        }

        if (c.Widths.Skip(1).SkipLast(1).Any(d => d > r))
        {
            labels.Add("hidden width above the rank");
        }

        if (c.Widths[0] != c.Widths[^1])
        {
            labels.Add("d_0 != d_L");
        }

        if (c.Target == TargetKind.Zero)
        {
            labels.Add("zero target");
        }

        if (pairAttains)
        {
            labels.Add("a pair block attains lambda_max");
        }

        if (c.HasBottleneck)
        {
            labels.Add("a bottleneck (hidden width below the rank)");
        }

        if (unfittedAttains)
        {
            labels.Add("an unfitted singular value's pair attains lambda_max");
        }

        return string.Join("; ", labels);
    }

    /// <summary>The dense oracle at a regularized point: the Hessian of REG eq. 2 with the point's own lambda.</summary>
    internal static DenseHessian DenseAt(Factorization point) =>
        DenseHessian.Of(new Sharpness.Oracles.LossLandscape(point.Layers(), point.Target, point.Lambda!.Value).DenseHessian());

    // The diagonal blocks of the fitted indices and a given pair formula over j fitted, j < p <= r (a_p = 0 when unfitted).
    private static double WithPairs(IReadOnlyList<double> s, IReadOnlyList<double> a, double lambda, int depth, Func<double, double, double, double, double> pair) =>
        Enumerable.Range(0, a.Count).Select(j => Theorem3.LambdaMax(s[j], a[j], lambda, depth))
            .Concat(Enumerable.Range(0, a.Count).SelectMany(j => Enumerable.Range(j + 1, s.Count - j - 1).Select(p => pair(s[j], a[j], s[p], p < a.Count ? a[p] : 0))))
            .Max();

    private static Outcome Check(RegularizedMatrixCase c, Formulas formulas)
    {
        var target = c.TargetMatrix();
        var lambda = c.Lambda;
        var tieSet = c.IsOnTheTieSet;
        var s = RegularizedMatrixSharpness.SingularValues(target);
        var outcomes = new[] { (Choice: 0, Seed: c.Seed), (Choice: -1, Seed: c.Seed ^ 0x5EED) }.Select(choice =>
        {
            var point = formulas.RegularizedMatrixMinimizer(target, c.Widths, lambda, new Random(choice.Seed), choice.Choice);
            var a = RegularizedMatrixSharpness.MagnitudesAt(target, c.Widths, lambda, choice.Choice);
            var closed = formulas.RegularizedMatrixLambdaMax(s, a, lambda, c.Depth);
            var dense = DenseAt(point);
            var diagonalOnly = a.Select((aj, j) => Theorem3.LambdaMax(s[j], aj, lambda, c.Depth)).Max();
            var pairAttains = !Tolerance.DenseOracle.IsClose(diagonalOnly, dense.LambdaMax, dense.Scale);
            var fittedPart = RegularizedMatrixSharpness.LambdaMax([.. s.Take(a.Count)], a, lambda, c.Depth);
            var unfittedAttains = !Tolerance.DenseOracle.IsClose(fittedPart, dense.LambdaMax, dense.Scale);
            return Outcome.Compare(
                string.Create(CultureInfo.InvariantCulture, $"lambda_max at s = [{Join(s)}], a = [{Join(a)}]"),
                closed,
                dense.LambdaMax,
                dense.Scale,
                Tolerance.DenseOracle,
                Labels(c, tieSet, s, a, pairAttains, unfittedAttains));
        });
        return Outcome.All([.. outcomes]);
    }

    private static Outcome CheckOptimizerFound(RegularizedMatrixCase c, Formulas formulas)
    {
        var target = c.TargetMatrix();
        var s = RegularizedMatrixSharpness.SingularValues(target);
        var closed = formulas.RegularizedMatrixLambdaMax(s, RegularizedMatrixSharpness.MagnitudesAt(target, c.Widths, c.Lambda, 0), c.Lambda, c.Depth);
        return OptimizerMinimizers.AtEach(
            c,
            formulas,
            (layers, regime) =>
            {
                var dense = DenseHessian.Of(new Sharpness.Oracles.LossLandscape(layers, target, c.Lambda).DenseHessian());
                return Outcome.Compare("lambda_max at an optimizer-found minimizer", closed, dense.LambdaMax, dense.Scale, Tolerance.DenseOracle, regime);
            },
            offExceptionalSetOnly: true);
    }

    private static Outcome CheckFlatValue(RegularizedMatrixCase c, Formulas formulas)
    {
        var target = c.TargetMatrix();
        var lambda = c.Lambda;
        var oracle = TieChoices(target, c.Widths, lambda)
            .Select(choice => DenseAt(formulas.RegularizedMatrixMinimizer(target, c.Widths, lambda, new Random(c.Seed ^ choice), choice)))
            .ToList();
        var least = oracle.MinBy(d => d.LambdaMax)!;
        var regime = c.IsOnTheTieSet ? "on the tie set" : "off the tie set";
        return Outcome.Compare(
            string.Create(CultureInfo.InvariantCulture, $"flat value over {oracle.Count} minimizer(s), oracle lambda_max [{Join(oracle.Select(d => d.LambdaMax))}]"),
            formulas.RegularizedMatrixFlatValue(target, c.Widths, lambda),
            least.LambdaMax,
            oracle.Max(d => d.Scale),
            Tolerance.DenseOracle,
            regime);
    }

    private static string Join(IEnumerable<double> values) => string.Join(", ", values.Select(x => x.ToString("G10", CultureInfo.InvariantCulture)));
}

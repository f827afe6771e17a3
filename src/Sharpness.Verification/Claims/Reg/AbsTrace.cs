// ABS-TRACE: a global lower bound on the Hessian trace at any regularized minimizer (derived by the suite).
using Sharpness.Oracles;
using Sharpness.Theory;
using Sharpness.Verification.Generators;

namespace Sharpness.Verification.Claims.Reg;

/// <summary>ABS (abstract): the trace lower bound.</summary>
public static class AbsTrace
{
    /// <summary>The claim, its properties and mutants.</summary>
    public static Claim Claim { get; } = new(
        "ABS-TRACE",
        "ABS (abstract)",
        "A global lower bound on the Hessian trace at any regularized minimizer follows from the constant layer norms.",
        Expectation.Holds,
        "Derived: trace >= 2 c^(L-1) r^(2-L) (d_0 + d_L + (L-2) r) + 2 lambda N / L with c = ||W_i||_F^2, r = min(d_0, d_L), checked at constructed and optimizer-found minimizers; attained for L = 2 and whenever the nonzero layer singular values are equal and fill r.",
        [
            new ClaimProperty<RegularizedMatrixCase>(
                "OracleTraceAtLeastBound_EqualAtDepthTwo",
                "At constructed minimizers the oracle's Hessian trace is at least the bound, equal to it for L = 2, and the same for minimizers with different hidden bases.",
                RegularizedMatrixCase.All(),
                Check),
            new ClaimProperty<RegularizedMatrixCase>(
                "OracleTraceAtOptimizerFoundMinimizersAtLeastBound",
                "At every minimizer found by descent plus Newton from random starts the oracle's Hessian trace is at least the bound (equal at L = 2).",
                RegularizedMatrixCase.All(),
                CheckOptimizerFound)
            {
                SharedCases = OptimizerMinimizers.Cases,
            },
        ],
        [
            new Mutant("NoRegularizerTerm", "The bound without 2 lambda N / L: still a bound, never attained.",
                f => f with { RegularizedTraceLowerBound = (w, lambda, c) => Sharpness.Theory.Regularized.TraceLowerBound.Of(w, lambda, c) - (2 * lambda * Enumerable.Range(1, w.Count - 1).Sum(i => w[i] * w[i - 1]) / (w.Count - 1)) }),
            new Mutant("MissingRankFactor", "Without r^(2-L): too large as soon as r >= 2 and L >= 3.",
                f => f with { RegularizedTraceLowerBound = WithoutRankFactor }),
        ]);

    private static double WithoutRankFactor(IReadOnlyList<int> widths, double lambda, double c)
    {
        var depth = widths.Count - 1;
        var r = Math.Min(widths[0], widths[^1]);
        var n = Enumerable.Range(1, depth).Sum(i => widths[i] * widths[i - 1]);
        return (2 * Math.Pow(c, depth - 1) * (widths[0] + widths[^1] + ((depth - 2) * r))) + (2 * lambda * n / depth);
    }

    private static Outcome Check(RegularizedMatrixCase c, Formulas formulas)
    {
        var target = c.TargetMatrix();
        var first = formulas.RegularizedMatrixMinimizer(target, c.Widths, c.Lambda, new Random(c.Seed), 0);
        var second = formulas.RegularizedMatrixMinimizer(target, c.Widths, c.Lambda, new Random(c.Seed ^ 0x5EED), 0);
        var traceFirst = new LossLandscape(first.Layers(), target, c.Lambda).DenseHessian().Trace();
        var traceSecond = new LossLandscape(second.Layers(), target, c.Lambda).DenseHessian().Trace();
        var layer = first.Layer(1).FrobeniusNorm();
        var bound = formulas.RegularizedTraceLowerBound(c.Widths, c.Lambda, layer * layer);
        var regime = c.Depth == 2 ? "L = 2 (equality)" : "L >= 3";
        var outcomes = new List<Outcome>
        {
            Outcome.Check(traceFirst >= bound - Tolerance.DenseOracle.Bound(traceFirst), regime, $"oracle trace {traceFirst:G10} >= bound {bound:G10}"),
            Outcome.Compare("trace at two minimizers with different bases", traceSecond, traceFirst, traceFirst, Tolerance.DenseOracle, regime),
        };
        if (c.Depth == 2)
        {
            outcomes.Add(Outcome.Compare("bound vs oracle trace at L = 2", bound, traceFirst, traceFirst, Tolerance.DenseOracle, regime));
        }

        return Outcome.All([.. outcomes]);
    }

    private static Outcome CheckOptimizerFound(RegularizedMatrixCase c, Formulas formulas) =>
        OptimizerMinimizers.AtEach(c, formulas, (layers, regime) =>
        {
            var trace = new LossLandscape(layers, c.TargetMatrix(), c.Lambda).DenseHessian().Trace();
            var c1 = layers[0].FrobeniusNorm() * layers[0].FrobeniusNorm();
            var bound = formulas.RegularizedTraceLowerBound(c.Widths, c.Lambda, c1);
            return c.Depth == 2
                ? Outcome.Compare("bound vs oracle trace at an optimizer-found minimizer, L = 2", bound, trace, trace, Tolerance.DenseOracle, regime)
                : Outcome.Check(trace >= bound - Tolerance.DenseOracle.Bound(trace), regime, $"oracle trace {trace:G10} >= bound {bound:G10} at an optimizer-found minimizer");
        });
}

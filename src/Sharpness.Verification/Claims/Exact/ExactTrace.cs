// EXACT-TRACE: trace(Hessian) = 2 sum_i ||A_i||_F^2 ||B_i||_F^2 at a minimizer; in depth 2 trace-flatness and
// lambda_max-flatness disagree. The suite finds that trace-flat minimizers are Frobenius-balanced only when d_0 = d_L.
using Sharpness.Theory;
using Sharpness.Theory.Constructions;
using Sharpness.Theory.Exact;
using Sharpness.Verification.Generators;

namespace Sharpness.Verification.Claims.Exact;

/// <summary>EXACT Section 6, "Sharpness measures are delusive".</summary>
public static class ExactTrace
{
    /// <summary>The claim, its properties and mutants.</summary>
    public static Claim Claim { get; } = new(
        "EXACT-TRACE",
        "EXACT Section 6 (delusive sharpness), eq. 74",
        "At a minimizer trace(Hessian) = 2 sum_i ||A_i||_F^2 ||B_i||_F^2; in depth 2 trace-flatness picks the Frobenius-balanced minimizers while lambda_max-flatness picks the spectral-norm balanced ones.",
        Expectation.FailsOnPartOfDomain,
        "The trace formula holds. With the plain (unscaled) Hessian trace, trace-flat minimizers satisfy d_0 L^T L = d_L R^T R (value 4 sqrt(d_0 d_L) ||M||_*), so they are Frobenius-balanced only when d_0 = d_L (or M = 0). Smallest counterexample: M = [1 0], k = 1: trace-flat has ||L||_F^2 = 2^-1/2, ||R||_F^2 = 2^1/2. This refutes the CLAIMS.md reading with the plain trace; Ding et al. use a scaled trace, not checked here.",
        [
            new ClaimProperty<MinimizerRecipe>(
                "TraceEqualsOracleTrace",
                "The trace formula equals the trace of the oracle's Hessian.",
                Minimizers.Recipes(ShapeFamily.Any, MinimizerKind.Gaussian, MinimizerKind.Balanced, MinimizerKind.GaugedBalanced, MinimizerKind.RescaledBalanced),
                CheckTrace),
            new ClaimProperty<MinimizerRecipe>(
                "TraceFlatIsFrobeniusBalancedIffSquare",
                "Depth 2: the trace-flat minimizer has the smallest oracle trace, the predicate accepts it and rejects minimizers with a larger trace, and it is Frobenius-balanced iff d_0 = d_L or M = 0.",
                Minimizers.Recipes(ShapeFamily.DepthTwo, MinimizerKind.TraceFlat),
                CheckTraceFlat),
        ],
        [
            new Mutant("SpectralInsteadOfFrobenius", "2 sum_i smax(A_i)^2 smax(B_i)^2: spectral norms in place of Frobenius norms.",
                f => f with { HessianTrace = Corollary10.UpperBound }),
            new Mutant("DroppedFactorTwo", "sum_i ||A_i||_F^2 ||B_i||_F^2 without the factor 2.",
                f => f with { HessianTrace = m => HessianTrace.Trace(m) / 2 }),
            new Mutant("EverythingTraceFlat", "Calls every minimizer trace-flat.",
                f => f with { IsTraceFlat = _ => true }),
            new Mutant("FrobeniusBalancedIsTraceFlat", "Calls a minimizer trace-flat when ||L||_F = ||R||_F (the published reading).",
                f => f with { IsTraceFlat = m => HessianTrace.IsFrobeniusBalanced(m) }),
        ]);

    private static Outcome CheckTrace(MinimizerRecipe recipe, Formulas formulas)
    {
        var minimizer = recipe.Build();
        var hessian = Oracle.Landscape(minimizer.Point).DenseHessian();
        var oracleTrace = hessian.Trace();
        var scale = hessian.Diagonal().Sum(Math.Abs);
        return Outcome.Compare("trace", formulas.HessianTrace(minimizer), oracleTrace, scale, Tolerance.DenseOracle, $"{recipe.Kind}/{recipe.Target}");
    }

    private static Outcome CheckTraceFlat(MinimizerRecipe recipe, Formulas formulas)
    {
        var minimizer = recipe.Build();
        var square = minimizer.Widths[0] == minimizer.Widths[^1];
        var zero = minimizer.Target.FrobeniusNorm() == 0;
        var regime = square ? "d_0 = d_L" : zero ? "d_0 != d_L, M = 0" : "d_0 != d_L";
        var traceFlat = Oracle.Landscape(minimizer.Point).DenseHessian().Trace();
        var random = new Random(recipe.Seed);
        var others = new[]
        {
            Balanced.FromTarget(minimizer.Target, minimizer.Widths, random),
            Gauge.Rescale(Balanced.FromTarget(minimizer.Target, minimizer.Widths, random), 1, 0.5 + random.NextDouble()),
        };
        var smallest = others.Min(o => Oracle.Landscape(o.Point).DenseHessian().Trace());
        var frobeniusBalanced = HessianTrace.IsFrobeniusBalanced(minimizer);
        var strictlyAbove = others.Where(o => Oracle.Landscape(o.Point).DenseHessian().Trace() > traceFlat + (1e-6 * Math.Max(traceFlat, 1e-300))).ToList();
        return Outcome.All(
            Outcome.Check(strictlyAbove.All(o => !formulas.IsTraceFlat(o)), regime, $"the predicate rejects the {strictlyAbove.Count} minimizers whose oracle trace is above the minimum"),
            Outcome.Check(traceFlat <= smallest + Tolerance.DenseOracle.Bound(smallest), regime, $"trace-flat oracle trace {traceFlat:G10} <= other minimizers' {smallest:G10}"),
            Outcome.Check(formulas.IsTraceFlat(minimizer), regime, "the trace-flatness predicate accepts the trace-flat minimizer"),
            Outcome.Check(frobeniusBalanced == (square || zero), regime, $"Frobenius-balanced: {frobeniusBalanced}, d_0 = d_L: {square}, M = 0: {zero}"));
    }
}

// REG-T1: every minimizer of the regularized matrix loss is balanced (REG Theorem 1, quoted from Chen et al. 2025).
using Sharpness.Oracles;
using Sharpness.Theory;
using Sharpness.Verification.Generators;

namespace Sharpness.Verification.Claims.Reg;

/// <summary>REG Theorem 1.</summary>
public static class RegT1
{
    /// <summary>The claim, its properties and mutants.</summary>
    public static Claim Claim { get; } = new(
        "REG-T1",
        "REG Theorem 1 (Chen et al. 2025)",
        "Every minimizer of the regularized matrix loss is balanced: W_i W_i^T = W_(i+1)^T W_(i+1).",
        Expectation.Holds,
        "The constructed minimizers (one scalar problem per singular value, random hidden bases) are stationary by the oracle, balanced, and no descent from a random start goes below them; the minimizers that descent plus pseudo-inverse Newton finds on its own from random starts are balanced too.",
        [
            new ClaimProperty<RegularizedMatrixCase>(
                "ConstructedMinimizersStationaryBalancedAndNotBeaten",
                "The construction is stationary for the oracle's regularized loss and balanced, and gradient descent from a random start reaches no lower loss.",
                RegularizedMatrixCase.All(),
                Check),
            new ClaimProperty<RegularizedMatrixCase>(
                "OptimizerFoundMinimizersBalanced",
                "Every minimizer found by descent plus Newton from random starts (reaching the global minimum value) is balanced.",
                RegularizedMatrixCase.All(),
                CheckOptimizerFound)
            {
                SharedCases = OptimizerMinimizers.Cases,
            },
        ],
        [
            new Mutant("UnbalancedSplit", "The same product with W_1 doubled and W_2 halved.",
                f => f with
                {
                    RegularizedMatrixMinimizer = (m, w, lambda, random, tie) =>
                    {
                        var point = Sharpness.Theory.Regularized.RegularizedMatrixMinimizer.FromTarget(m, w, lambda, random, tie);
                        var layers = point.Layers().ToList();
                        layers[0] *= 2;
                        layers[1] /= 2;
                        return new Factorization(layers, m, lambda);
                    },
                }),
        ]);

    private static Outcome Check(RegularizedMatrixCase c, Formulas formulas)
    {
        var target = c.TargetMatrix();
        var point = formulas.RegularizedMatrixMinimizer(target, c.Widths, c.Lambda, new Random(c.Seed), 0);
        var landscape = new LossLandscape(point.Layers(), target, c.Lambda);
        var gradient = landscape.Gradient().Max(Math.Abs);

        // The size of the gradient's terms 2 A_k^T (P - M) B_k^T + (2 lambda/L) W_k, which bounds its rounding error.
        var norms = point.Layers().Select(w => w.FrobeniusNorm()).ToList();
        var product = norms.Aggregate(1.0, (p, n) => p * n);
        var others = Enumerable.Range(0, c.Depth).Max(k => norms.Where((_, j) => j != k).Aggregate(1.0, (p, n) => p * n));
        var scale = (2 * (target.FrobeniusNorm() + product) * others) + (2 * c.Lambda / c.Depth * norms.Max());
        var regime = c.IsOnTheTieSet ? "on the tie set" : c.LambdaFactor < 1 ? "lambda < lambda_c(smax)" : "lambda >= lambda_c(smax)";
        var descent = RandomStartDescent.BestLoss(
            w => new LossLandscape([.. SplitLayers(w, c.Widths)], target, c.Lambda),
            point.ParameterCount,
            ProblemScale.Of(target, c.Depth, c.Lambda),
            1,
            c.Seed);
        return Outcome.All(
            Outcome.Compare("largest oracle gradient entry", gradient, 0, scale, Tolerance.MinimizerResidual, regime),
            Outcome.Check(Balancedness.IsBalanced(point), regime, $"imbalance {Balancedness.Imbalance(point):G3}"),
            Outcome.Check(descent >= landscape.Loss() - Tolerance.GridSearch.Bound(Sharpness.Theory.Regularized.RegularizedMinimum.ValueScale(target, c.Depth, c.Lambda)), regime, $"descent {descent:R} vs constructed {landscape.Loss():R}"));
    }

    internal static IEnumerable<MathNet.Numerics.LinearAlgebra.Matrix<double>> SplitLayers(double[] w, IReadOnlyList<int> widths)
    {
        var offset = 0;
        for (var i = 1; i < widths.Count; i++)
        {
            var size = widths[i] * widths[i - 1];
            yield return MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(widths[i], widths[i - 1], w[offset..(offset + size)]);
            offset += size;
        }
    }

    // The imbalance is judged at the larger of the endpoint's own squared layer norms and the squared length of the problem,
    // ValueScale^(1/L). At a collapsed minimizer (W = 0, lambda above every threshold) an optimizer stops a little off 0,
    // where its own norms are no scale at all: at moderate scales it stops near 1e-164, whose squares underflow to an
    // imbalance of exactly 0, but at a target of 1e-140 (layers near 1e-35) it stopped near 1e-79, with an imbalance of
    // 1e-158 of the same size as its norms and 1e-88 of the problem's.
    private static Outcome CheckOptimizerFound(RegularizedMatrixCase c, Formulas formulas) =>
        OptimizerMinimizers.AtEach(c, formulas, (layers, regime) =>
        {
            var target = c.TargetMatrix();
            var point = new Factorization(layers, target, c.Lambda);
            var squaredLength = Math.Pow(Sharpness.Theory.Regularized.RegularizedMinimum.ValueScale(target, c.Depth, c.Lambda), 1.0 / c.Depth);
            var scale = Math.Max(layers.Max(w => w.FrobeniusNorm() * w.FrobeniusNorm()), squaredLength);
            var imbalance = Balancedness.Imbalance(point);
            return Outcome.Check(Tolerance.Flatness.IsClose(imbalance, 0, scale), regime, $"imbalance {imbalance:G3} (scale {scale:G3}) at an optimizer-found minimizer");
        });
}

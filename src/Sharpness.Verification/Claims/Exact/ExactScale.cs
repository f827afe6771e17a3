// EXACT-SCALE: W_i -> G_i W_i G_(i-1)^-1 keeps the product, so minimizers form a manifold; lambda_max varies along it.
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Theory;
using Sharpness.Theory.Constructions;
using Sharpness.Verification.Generators;

namespace Sharpness.Verification.Claims.Exact;

/// <summary>EXACT Appendix D.1.</summary>
public static class ExactScale
{
    /// <summary>The claim, its properties and mutants.</summary>
    public static Claim Claim { get; } = new(
        "EXACT-SCALE",
        "EXACT Appendix D.1",
        "W_i -> G_i W_i G_(i-1)^-1 (invertible hidden G_i) keeps the product: minimizers form a manifold and lambda_max varies along it.",
        Expectation.Holds,
        "The product is invariant; lambda_max changes along every orbit that is not the zero point.",
        [
            new ClaimProperty<MinimizerRecipe>(
                "ProductInvariantLambdaMaxVaries",
                "A random gauge keeps the oracle loss at zero; rescaling W_1 by 10 changes the oracle's lambda_max unless W_1 and W_L...W_2 both vanish.",
                Minimizers.Recipes(ShapeFamily.Any, MinimizerKind.Gaussian, MinimizerKind.Balanced, MinimizerKind.RescaledBalanced),
                Check),
        ],
        [
            new Mutant("TransposeInsteadOfInverse", "G_i W_i G_(i-1)^T: the transpose in place of the inverse.",
                f => f with
                {
                    GaugeApply = (m, g) => new Factorization(
                        Enumerable.Range(1, m.Depth).Select(k =>
                        {
                            var w = m.Layer(k);
                            if (k < m.Depth)
                            {
                                w = g[k - 1] * w;
                            }

                            return k > 1 ? w * g[k - 2].Transpose() : w;
                        }),
                        m.Target),
                }),
        ]);

    private static Outcome Check(MinimizerRecipe recipe, Formulas formulas)
    {
        var minimizer = recipe.Build();
        var random = new Random(recipe.Seed);
        var gauges = Gauges.WellConditioned(minimizer.Widths, random);
        var moved = formulas.GaugeApply(minimizer, gauges);
        var residual = Math.Sqrt(Oracle.Landscape(moved, minimizer.Target).Loss());
        var scale = minimizer.Target.FrobeniusNorm() + moved.Layers().Aggregate(1.0, (p, w) => p * w.FrobeniusNorm());
        var regime = $"{recipe.Kind}/{recipe.Target}";
        var product = Outcome.Compare("||M - product|| after the gauge", residual, 0, scale, Tolerance.MinimizerResidual, regime);

        var layers = minimizer.Layers();
        var rest = layers.Skip(1).Aggregate(Matrix<double>.Build.DenseIdentity(layers[0].RowCount), (p, w) => w * p);
        if (layers[0].FrobeniusNorm() == 0 && rest.FrobeniusNorm() == 0)
        {
            return Outcome.All(product, Outcome.Check(true, "trivial orbit", "W_1 = 0 and W_L...W_2 = 0: rescaling W_1 changes nothing"));
        }

        var before = Oracle.Dense(minimizer).LambdaMax;
        var after = Oracle.Dense(Gauge.Rescale(minimizer, 1, 10)).LambdaMax;
        var varies = Math.Abs(after - before) > 1e-6 * Math.Max(before, after);
        return Outcome.All(product, Outcome.Check(varies, regime, $"lambda_max {before:G10} before, {after:G10} after rescaling W_1 by 10"));
    }
}

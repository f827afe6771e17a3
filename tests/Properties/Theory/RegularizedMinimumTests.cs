// The global minimum of the regularized loss (REG-T1, REG-T2) and REG-T3's lambda_max and flat value at a scalar point,
// against the constructions, the end-to-end solver and the dense oracle.
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Oracles;
using Sharpness.Theory;
using Sharpness.Theory.Constructions;
using Sharpness.Theory.Regularized;
using Xunit;

namespace Sharpness.Tests.Properties.Theory;

public sealed class RegularizedMinimumTests
{
    // (m, lambda, L): below the threshold, above it, m = 0, the L = 2 boundary lambda = 2|m|, the L = 3 tie lambda_c(2, 3) = 3,
    // a negative target, and depth 5.
    public static TheoryData<double, double, int> ScalarCases { get; } = new()
    {
        { 2, 0.5, 3 },
        { 2, 5, 3 },
        { 0, 1, 2 },
        { 1, 2, 2 },
        { 1, 0.3, 2 },
        { 2, 3, 3 },
        { -1.5, 0.2, 4 },
        { 0.7, 0.05, 5 },
    };

    private static Factorization Scalar(IReadOnlyList<double> layers, double m, double lambda) =>
        new([.. layers.Select(x => Matrix<double>.Build.Dense(1, 1, x))], Matrix<double>.Build.Dense(1, 1, m), lambda);

    private static IEnumerable<Factorization> GlobalMinimizers(double m, double lambda, int depth) =>
        from rho in ScalarEndToEnd.GlobalMinimizers(m, lambda, depth)
        from pattern in Enumerable.Range(0, 1 << (depth - 1))
        select Scalar(RegularizedScalarMinimizer.Layers(rho, depth, pattern), m, lambda);

    [Theory]
    [MemberData(nameof(ScalarCases))]
    [Trait("Claim", "REG-T2")]
    public void RegularizedMinimum_Value_IsTheEndToEndMinimum_ForScalars(double m, double lambda, int depth)
    {
        var rho = ScalarEndToEnd.GlobalMinimizers(m, lambda, depth)[0];
        var value = RegularizedMinimum.Value(Matrix<double>.Build.Dense(1, 1, m), depth, lambda);
        Assert.Equal(ScalarEndToEnd.Objective(m, lambda, depth, rho), value, 14);
    }

    [Theory]
    [InlineData(new[] { 2, 3, 2 }, 0.3, 1)]
    [InlineData(new[] { 3, 4, 4, 2 }, 0.8, 2)]
    [InlineData(new[] { 2, 2, 2, 2, 3 }, 0.05, 3)]
    [Trait("Claim", "REG-T1")]
    public void RegularizedMinimum_Value_IsAttainedByTheConstruction_AndNotBeatenByRandomPoints(int[] widths, double lambda, int seed)
    {
        var random = new Random(seed);
        var target = RandomMatrices.Gaussian(widths[^1], widths[0], random);
        var construction = RegularizedMatrixMinimizer.FromTarget(target, widths, lambda, random);
        var value = RegularizedMinimum.Value(target, widths.Length - 1, lambda);

        Assert.Equal(RegularizedLoss.Value(construction), value, 12);
        Assert.True(RegularizedMinimum.IsGlobalMinimizer(construction));
        for (var i = 0; i < 20; i++)
        {
            var layers = Enumerable.Range(1, widths.Length - 1).Select(k => RandomMatrices.Gaussian(widths[k], widths[k - 1], random, 0.2 * (i + 1)));
            Assert.True(RegularizedLoss.Value(new Factorization(layers, target, lambda)) >= value);
        }
    }

    [Theory]
    [MemberData(nameof(ScalarCases))]
    [Trait("Claim", "REG-T2")]
    public void RegularizedMinimum_IsGlobalMinimizer_AtEveryScalarMinimizer_AndNotAfterAPerturbation(double m, double lambda, int depth)
    {
        foreach (var point in GlobalMinimizers(m, lambda, depth))
        {
            Assert.True(RegularizedMinimum.IsStationary(point));
            Assert.True(RegularizedMinimum.IsGlobalMinimizer(point));
            // Alternating signs: at L = 2, lambda = 2|m| the Hessian's null direction is (1, sign m), along which the loss
            // grows only as t^4, so a 1e-6 step along it is still a minimizer to working precision; this step is not along it.
            var moved = point.Layers().Select((w, k) => w + (k % 2 == 0 ? 1e-6 : -1e-6)).ToList();
            Assert.False(RegularizedMinimum.IsGlobalMinimizer(new Factorization(moved, point.Target, lambda)));
        }
    }

    [Fact]
    [Trait("Claim", "REG-T2")]
    public void RegularizedMinimum_DepthOne_IsRidgeRegression()
    {
        // ||M - W||_F^2 + lambda ||W||_F^2 is least at W = M / (1 + lambda).
        var target = RandomMatrices.Gaussian(2, 3, new Random(7));
        var ridge = new Factorization([target / 1.5], target, 0.5);
        Assert.Equal(RegularizedLoss.Value(ridge), RegularizedMinimum.Value(target, 1, 0.5), 12);
        Assert.True(RegularizedMinimum.IsGlobalMinimizer(ridge));
        Assert.False(RegularizedMinimum.IsGlobalMinimizer(new Factorization([target], target, 0.5)));
    }

    [Fact]
    [Trait("Claim", "REG-T2")]
    public void RegularizedMinimum_CollapsedPointBelowTheThreshold_IsStationaryButNotGlobal()
    {
        // L = 3, m = 2, lambda = 0.5 < lambda_c = 3: w = 0 is a strict local minimizer (Hessian (2 lambda/L) I), loss 4,
        // while the global minimum is lower.
        var collapsed = Scalar([0, 0, 0], 2, 0.5);
        Assert.True(RegularizedMinimum.IsStationary(collapsed));
        Assert.False(RegularizedMinimum.IsGlobalMinimizer(collapsed));
        Assert.True(RegularizedMinimum.Value(collapsed.Target, 3, 0.5) < 4);
    }

    [Fact]
    public void RegularizedMinimum_RejectsUnregularizedPoint()
    {
        var ex = Assert.Throws<ArgumentException>(() => RegularizedMinimum.IsGlobalMinimizer(Minimizer.OfProduct([RandomMatrices.Gaussian(2, 2, new Random(1))]).Point));
        Assert.Equal("point", ex.ParamName);
    }

    [Theory]
    [MemberData(nameof(ScalarCases))]
    [Trait("Claim", "REG-T3")]
    public void RegularizedScalarSharpness_LambdaMax_EqualsDenseOracle_AtEveryMinimizer(double m, double lambda, int depth)
    {
        foreach (var point in GlobalMinimizers(m, lambda, depth))
        {
            var hessian = new LossLandscape(point.Layers(), point.Target, lambda).DenseHessian();
            var oracle = DenseSpectrum.Largest(hessian).Value;
            var formula = RegularizedScalarSharpness.LambdaMax(point);
            Assert.True(
                Tolerance.DenseOracle.IsClose(formula, oracle, hessian.FrobeniusNorm()),
                $"m = {m}, lambda = {lambda}, L = {depth}, w = {point.Layer(1)[0, 0]}: formula {formula:R}, oracle {oracle:R}");
        }
    }

    [Theory]
    [MemberData(nameof(ScalarCases))]
    [Trait("Claim", "REG-T3")]
    public void RegularizedScalarSharpness_FlatValue_IsTheLeastLambdaMaxOverTheMinimizers(double m, double lambda, int depth)
    {
        var least = GlobalMinimizers(m, lambda, depth).Min(p => DenseSpectrum.Largest(new LossLandscape(p.Layers(), p.Target, lambda).DenseHessian()).Value);
        Assert.Equal(least, RegularizedScalarSharpness.FlatValue(m, lambda, depth), 10);
    }

    [Fact]
    [Trait("Claim", "REG-T3")]
    public void RegularizedScalarSharpness_AtTheTie_TheCollapsedMinimizerIsFlat()
    {
        // L = 3, m = 2, lambda = lambda_c = 3: w = 0 has Hessian (2 lambda/L) I = 2 I; w = 1 has eq. 17's 4 lambda/L = 4 (twice)
        // and 2 L w^4 + 4 lambda/L - 2 lambda = 4. So the flat value is 2 and only the collapsed minimizer attains it.
        Assert.Equal(2, RegularizedScalarSharpness.FlatValue(2, 3, 3), 12);
        Assert.Equal(2, RegularizedScalarSharpness.LambdaMax(Scalar([0, 0, 0], 2, 3)), 12);
        Assert.Equal(4, RegularizedScalarSharpness.LambdaMax(Scalar([1, 1, 1], 2, 3)), 12);
    }

    [Fact]
    [Trait("Claim", "REG-T3")]
    public void RegularizedScalarSharpness_LambdaMax_RejectsNonMinimizerAndMatrixPoint()
    {
        var notMinimizer = Assert.Throws<ArgumentException>(() => RegularizedScalarSharpness.LambdaMax(Scalar([1, 1, 1], 2, 0.5)));
        Assert.Equal("point", notMinimizer.ParamName);
        Assert.Contains("Not a global minimizer", notMinimizer.Message, StringComparison.Ordinal);

        var target = RandomMatrices.Gaussian(2, 2, new Random(4));
        var matrix = RegularizedMatrixMinimizer.FromTarget(target, [2, 2, 2], 0.1, new Random(5));
        var ex = Assert.Throws<ArgumentException>(() => RegularizedScalarSharpness.LambdaMax(matrix));
        Assert.Contains("widths (2, 2, 2)", ex.Message, StringComparison.Ordinal);
    }
}

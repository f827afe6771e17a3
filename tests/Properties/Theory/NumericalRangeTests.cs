using MathNet.Numerics.LinearAlgebra;
using Sharpness.Oracles;
using Sharpness.Theory;
using Sharpness.Theory.Constructions;
using Sharpness.Theory.Exact;
using Sharpness.Theory.Linear;
using Sharpness.Theory.Regularized;
using Xunit;

namespace Sharpness.Tests.Properties.Theory;

/// <summary>
/// Inputs at the edges of the double range get an exact answer or a clear exception, never a silent NaN or a wrong verdict.
/// Expected values come from exact scaling arguments (lambda_max of c-scaled layers against the unscaled ones) or closed
/// forms of scalar chains, never from the code under test at the same scale.
/// </summary>
public sealed class NumericalRangeTests
{
    private static Matrix<double> Scalar(double x) => Matrix<double>.Build.Dense(1, 1, x);

    [Theory]
    [InlineData(1e200)]
    [InlineData(1e-200)]
    [InlineData(1e-320)]
    public void SpectralNorm_IsScaleInvariant_AtHugeTinyAndSubnormalEntries(double scale)
    {
        var x = Matrix<double>.Build.DenseOfArray(new double[,] { { 3, 0 }, { 0, 4 } }) * scale;
        Assert.Equal(4 * scale, SpectralNorm.Of(x), 4 * scale * 1e-14);
    }

    [Theory]
    [InlineData(1e-200)]
    [InlineData(1e160)]
    [InlineData(1e-320)]
    public void ScaledNorm_Frobenius_DoesNotSquareIntoUnderOrOverflow(double scale)
    {
        var x = Matrix<double>.Build.DenseOfArray(new double[,] { { 3 * scale, 0 }, { 0, 4 * scale } });
        Assert.Equal(5 * scale, ScaledNorm.Frobenius(x), 5 * scale * 1e-15);
    }

    [Fact]
    public void Minimizer_ResidualWhoseSquareUnderflows_IsNotAMinimizer()
    {
        // W_2 W_1 = 1e-200 against M = 2e-200: the residual 1e-200 is a third of the scale 3e-200, not rounding, although
        // 1e-200 squared underflows to 0 (the squared residual called this point a minimizer).
        var point = new Factorization([Scalar(1e-100), Scalar(1e-100)], Scalar(2e-200));
        Assert.False(point.IsMinimizer());
        Assert.Equal(1e-200, point.ResidualNorm, 1e-214);
        Assert.Equal(3e-200, point.ResidualScale, 1e-213);
        var ex = Assert.Throws<NotAMinimizerException>(() => Minimizer.Of(point));
        Assert.Contains("Not a minimizer: ||M - W_L...W_1||_F = 1E-200", ex.Message, StringComparison.Ordinal);
    }

    // Target and product 600 orders of magnitude apart: the residual is the larger one, in units of the larger exponent (in
    // units of the smaller one the larger would overflow). The Stryker run of 2026-12-02 (evening) found the choice of unit
    // (max of the two exponents, either one alone when the other side is zero) reached by no test.
    [Theory]
    [InlineData(1e-160, 1e300)] // product 1e-320 (subnormal) against a target 1e300
    [InlineData(1e150, 1e-300)] // product 1e300 against a target 1e-300
    public void Factorization_Residual_TargetAndProductFarApart_IsTheLargerOne(double layer, double target)
    {
        var point = new Factorization([Scalar(layer), Scalar(layer)], Scalar(target));
        var larger = Math.Max(layer * layer, target);

        Assert.Equal(larger, point.ResidualNorm, larger * 1e-15);
        Assert.Equal(larger, point.ResidualScale, larger * 1e-15);
        Assert.False(point.IsMinimizer());
    }

    // A zero target against a product of 1e-400 (below the double range, but not zero): not a minimizer, whatever unit
    // the residual is formed in (in units of 2^0 the product would underflow to 0 and the point pass as one).
    [Fact]
    public void Factorization_ZeroTarget_ProductBelowTheDoubleRange_IsNotAMinimizer()
    {
        var point = new Factorization([Scalar(1e-200), Scalar(1e-200)], Scalar(0));

        Assert.False(point.IsMinimizer());
    }

    [Theory]
    [InlineData(-600)]
    [InlineData(-1000)]
    [InlineData(240)]
    public void Minimizer_Verdict_IsInvariantUnderPowerOfTwoScaling(int exponent)
    {
        // Scaling the layers by c = 2^(e/2) and the target by c^2 is exact, so the verdict and the relative residual must not move.
        var m = Unbalanced.Gaussian([3, 4, 2], new Random(8));
        var near = m.Target + (1e-13 * RandomMatrices.Gaussian(2, 3, new Random(9)));
        var far = m.Target + (1e-9 * RandomMatrices.Gaussian(2, 3, new Random(9)));
        var c = Math.ScaleB(1, exponent / 2);
        foreach (var target in new[] { near, far })
        {
            var plain = new Factorization(m.Layers(), target);
            var scaled = new Factorization(m.Layers().Select(w => w * c), target * (c * c));
            Assert.Equal(plain.IsMinimizer(), scaled.IsMinimizer());
        }

        Assert.True(new Factorization(m.Layers().Select(w => w * c), near * (c * c)).IsMinimizer());
        Assert.False(new Factorization(m.Layers().Select(w => w * c), far * (c * c)).IsMinimizer());
    }

    [Theory]
    [InlineData(-80)]
    [InlineData(-100)]
    [InlineData(-150)]
    [InlineData(75)]
    public void Theorem5_IsHomogeneousOfDegreeTwoLMinusTwo_AcrossTheDoubleRange(int exponent)
    {
        // lambda_max(c w) = c^(2(L-1)) lambda_max(w) at depth 2; formerly 1e-10 off at 1e-100 and 1e-5 at other shapes.
        var c = Math.Pow(10, exponent);
        foreach (var (widths, seed) in new (int[], int)[] { ([3, 4, 2], 3), ([4, 5, 4], 4), ([1, 3, 1], 5), ([2, 6, 3], 6) })
        {
            var m = Unbalanced.Gaussian(widths, new Random(seed));
            var expected = Theorem5.LambdaMax(m) * c * c;
            var actual = Theorem5.LambdaMax(Minimizer.OfProduct(m.Layers().Select(w => w * c)));
            Assert.True(Math.Abs(actual - expected) <= 1e-13 * expected, $"widths ({string.Join(",", widths)}): {actual:R} vs {expected:R}");
        }
    }

    [Fact]
    public void Theorem5_MixedLayerScales_MatchTheScalarChainClosedForm()
    {
        // A scalar chain's Hessian at a minimizer is 2 g g^T with g_k = prod_(i != k) w_i, so lambda_max = 2 sum_k prod_(i != k) w_i^2.
        // Layers 1e-150, 1e150, 3: the three terms are 2 (1e150 * 3)^2 = 1.8e301, 2 (1e-150 * 3)^2 = 1.8e-299 and 2 (1 * 1)^2 = 2.
        var m = Minimizer.OfProduct([Scalar(1e-150), Scalar(1e150), Scalar(3)]);
        Assert.Equal(1.8e301, Theorem5.LambdaMax(m), 1.8e301 * 1e-14);
    }

    [Fact]
    public void Theorem5_SubnormalProduct_GivesTheCorrectlyRoundedSubnormalValue()
    {
        // W = (1e-160, 1e-160): lambda_max = 2 (w_1^2 + w_2^2) = 4e-320, a subnormal; the scaled formula rounds it once.
        var m = Minimizer.OfProduct([Scalar(1e-160), Scalar(1e-160)]);
        Assert.Equal(4e-320, Theorem5.LambdaMax(m), 1e-323);
    }

    [Fact]
    public void Theorem5_OverflowingLambdaMax_RaisesAClearException()
    {
        // lambda_max = 2 (1e320 + 1e-340): not a double.
        var big = Matrix<double>.Build.Dense(1, 1, 1e160);
        var small = Matrix<double>.Build.Dense(1, 1, 1e-170);
        var ex = Assert.Throws<ArgumentException>(() => Theorem5.LambdaMax(Minimizer.OfProduct([big, small])));
        Assert.Equal("minimizer", ex.ParamName);
        Assert.Contains("overflows the double range", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Theorem5_ZeroFirstLayer_AHugeDeadTermDoesNotSetTheUnit()
    {
        // W = (0, 2^-830, 2^664): only the term k = 1 is alive (B_2 = W_1 = 0, B_3 = W_2 W_1 = 0), and the scalar chain's closed
        // form gives lambda_max = 2 (w_2 w_3)^2 = 2^-331 exactly. The dead term k = 2 has A_2 = W_3 = 2^664: counted in the common
        // exponent (a term is live only when both its factors are nonzero), it would claim an overflow at 2^1328.
        var m = Minimizer.OfProduct([Scalar(0), Scalar(Math.ScaleB(1, -830)), Scalar(Math.ScaleB(1, 664))]);
        Assert.Equal(Math.ScaleB(1, -331), Theorem5.LambdaMax(m));
    }

    [Fact]
    public void Theorem5_JustBelowOverflow_IsFinite()
    {
        // (1e38, 1e38): lambda_max = 2 (1e76 + 1e76) = 4e76, which the former entry threshold refused.
        Assert.Equal(4e76, Theorem5.LambdaMax(Minimizer.OfProduct([Scalar(1e38), Scalar(1e38)])), 4e76 * 1e-15);
    }

    [Fact]
    public void DenseSpectrum_TinyHessian_IsScaleInvariant()
    {
        // The Hessian of (1e-100, 1e-100) at its product is 2 [[1e-200, 1e-200], [1e-200, 1e-200]]: lambda_max 4e-200 (MathNet's
        // absolute thresholds returned 2e-200).
        var hessian = new LossLandscape([Scalar(1e-100), Scalar(1e-100)], Scalar(1e-200)).DenseHessian();
        Assert.Equal(4e-200, DenseSpectrum.Largest(hessian).Value, 4e-200 * 1e-14);
    }

    [Fact]
    public void Lanczos_On15x15DepthTwoNetwork_AtEntries1e80_IsHomogeneous()
    {
        // N = 450; the Hessian at a minimizer is homogeneous of degree 2 at depth 2, so lambda_max is 1e-160 times the unscaled
        // one. Lanczos formerly stalled at a residual of 1.6e-168 against its target 2.3e-169 (the projection's EVD was not scaled).
        var m = Unbalanced.Gaussian([15, 15, 15], new Random(5));
        var plain = Lanczos.Largest(new LossLandscape(m.Layers(), m.Target).HessianOperator()).Eigenvalue;
        var scaledLayers = m.Layers().Select(w => w * 1e-80).ToList();
        var scaledTarget = new Factorization(scaledLayers).Product();
        var scaled = Lanczos.Largest(new LossLandscape(scaledLayers, scaledTarget).HessianOperator()).Eigenvalue;
        Assert.True(Math.Abs(scaled - (plain * 1e-160)) <= 1e-9 * plain * 1e-160, $"{scaled:R} vs {plain * 1e-160:R}");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void RegularizedGlobalMinimum_IsScaleConsistent(int depth)
    {
        // Under W_i -> c W_i, m -> c^L m, lambda -> c^(2L-2) lambda the loss scales by c^(2L): the verdicts must not move.
        // m = 1, lambda = 1e-12 lambda_c-ish: w = 0 (loss 1) is not global; at c^L = 1e-30 the former scale m^2 + lambda accepted it.
        foreach (var c in new[] { 1.0, Math.Pow(1e-30, 1.0 / depth), Math.Pow(1e30, 1.0 / depth) })
        {
            var m = Math.Pow(c, depth);
            var lambda = 1e-12 * Math.Pow(c, (2 * depth) - 2);
            var zero = new Factorization(Enumerable.Repeat(Scalar(0), depth), Scalar(m), lambda);
            Assert.False(RegularizedMinimum.IsGlobalMinimizer(zero), $"c = {c:R}: w = 0 is not a global minimizer");

            var rho = ScalarEndToEnd.GlobalMinimizers(1, 1e-12, depth)[^1];
            var layers = RegularizedScalarMinimizer.Layers(rho, depth, 0).Select(x => Scalar(x * c));
            Assert.True(RegularizedMinimum.IsGlobalMinimizer(new Factorization(layers, Scalar(m), lambda)), $"c = {c:R}: the scaled minimizer is global");
        }
    }

    [Fact]
    public void RegularizedGlobalMinimum_IssueCase_IsRejected()
    {
        var zero = new Factorization([Scalar(0), Scalar(0)], Scalar(1e-30), 1e-42);
        Assert.False(RegularizedMinimum.IsGlobalMinimizer(zero));
        Assert.Equal(1e-60 + 1e-72, RegularizedMinimum.ValueScale(Scalar(1e-30), 2, 1e-42), 1e-74);
    }

    [Theory]
    [InlineData(new[] { 1, 0 })]
    [InlineData(new[] { -2, 3 })]
    [InlineData(new[] { 3, 1, 3 })]
    public void HessianRank_RejectsInfeasibleWidths(int[] widths)
    {
        var ex = Assert.Throws<ArgumentException>(() => HessianRank.UpperBound(widths));
        Assert.Equal("widths", ex.ParamName);
        Assert.Contains(widths.Length == 3 ? "Infeasible widths" : "all positive", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lemma2_RejectsAStepWhoseSquareUnderflows()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Lemma2.SecondDerivativeAlongLine(t => t * t, 1e-170));
        Assert.Equal("step", ex.ParamName);
    }

    [Fact]
    public void Minimizer_RejectsCancellingLayersWithAUnitResidual()
    {
        // W_2 W_1 = 1e10 - 1e10 = 0 exactly, so against M = 1 the residual is 1: not rounding, a different point.
        var point = new Factorization(
            [Matrix<double>.Build.DenseOfArray(new double[,] { { 1e5 }, { 1e5 } }), Matrix<double>.Build.DenseOfArray(new double[,] { { 1e5, -1e5 } })],
            Matrix<double>.Build.Dense(1, 1, 1));
        var ex = Assert.Throws<NotAMinimizerException>(() => Minimizer.Of(point));
        Assert.Equal(1, ex.Residual);
    }
}

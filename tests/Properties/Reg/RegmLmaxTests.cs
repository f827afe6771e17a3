// REGM-LMAX: the catalogue's properties, the wrong formulas they must reject, and the smallest case where the scalar
// formula per singular value is not lambda_max of a matrix.
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Oracles;
using Sharpness.Theory;
using Sharpness.Theory.Regularized;
using Xunit;

namespace Sharpness.Tests.Properties.Reg;

[Trait("Claim", "REGM-LMAX")]
public sealed class RegmLmaxTests
{
    [Fact]
    public void RegmLmax_ClosedFormEqualsDenseOracle_InEveryRegime() => ClaimAssert.Holds("REGM-LMAX", "ClosedFormEqualsDenseOracle");

    [Fact]
    public void RegmLmax_FlatValueIsLeastOverMinimizers() => ClaimAssert.Holds("REGM-LMAX", "FlatValueIsLeastOverMinimizers");

    [Fact]
    public void RegmLmax_ClosedFormAtOptimizerFoundMinimizers() => ClaimAssert.Holds("REGM-LMAX", "ClosedFormAtOptimizerFoundMinimizers");

    [Fact]
    public void RegmLmax_ClosedFormAtOptimizerFoundMinimizers_Rejects_ScalarFormulaPerSingularValue() =>
        ClaimAssert.PropertyRejects("REGM-LMAX", "ClosedFormAtOptimizerFoundMinimizers", "ScalarFormulaPerSingularValue");

    [Fact]
    public void RegmLmax_Rejects_ScalarFormulaPerSingularValue() => ClaimAssert.Rejects("REGM-LMAX", "ScalarFormulaPerSingularValue");

    [Fact]
    public void RegmLmax_Rejects_LambdaForLambdaOverLInPairs() => ClaimAssert.Rejects("REGM-LMAX", "LambdaForLambdaOverLInPairs");

    [Fact]
    public void RegmLmax_Rejects_DepthTwoPairFormulaAtEveryDepth() => ClaimAssert.Rejects("REGM-LMAX", "DepthTwoPairFormulaAtEveryDepth");

    [Fact]
    public void RegmLmax_Rejects_CollapsedPartnerIgnored() => ClaimAssert.Rejects("REGM-LMAX", "CollapsedPartnerIgnored");

    [Fact]
    public void RegmLmax_Rejects_UnfittedPartnersLeftOut() => ClaimAssert.Rejects("REGM-LMAX", "UnfittedPartnersLeftOut");

    [Fact]
    public void RegmLmax_Rejects_FlatValueAtNonzeroChoice() => ClaimAssert.Rejects("REGM-LMAX", "FlatValueAtNonzeroChoice");

    [Fact]
    public void RegmLmax_TiedSingularValues_PairBlockBeatsTheScalarFormula()
    {
        // M = diag(3, 3), L = 2, lambda = 2: rho = 3 - lambda/2 = 2, so W_1 = W_2 = sqrt(2) I is a minimizer. REG-T3 per singular
        // value gives max{4 a^2 - 2 lambda, 0} + 2 lambda = 8; the pair block gives 2 L a^(2L-2) + 2 lambda = 12, the oracle's.
        var layer = Matrix<double>.Build.DenseIdentity(2) * Math.Sqrt(2);
        var target = Matrix<double>.Build.DenseOfDiagonalArray([3.0, 3.0]);
        var point = new Factorization([layer, layer], target, 2);
        var oracle = DenseSpectrum.Eigenvalues(new LossLandscape(point.Layers(), target, 2).DenseHessian());

        Assert.Equal(12, oracle[^1], 12);
        Assert.Equal(12, RegularizedMatrixSharpness.LambdaMax(point), 12);
        Assert.Equal(8, Theorem3.LambdaMax(3, Math.Sqrt(2), 2, 2), 12);
        Assert.Equal(12, RegularizedMatrixSharpness.FlatValue(target, [2, 2, 2], 2), 12);
    }

    [Fact]
    public void RegmLmax_OnTheExceptionalSet_ThreeMinimizersThreeValues()
    {
        // M = diag(2, 2), L = 3, lambda = 3 = lambda_c(2, 3): each singular value takes rho = 0 or 1 (a = 0 or 1). With k of
        // them nonzero: k = 0 gives (2 lambda/L) I = 2 I; k = 1 the pair with a collapsed partner, 2 a^4 + 2 + 2 s a = 8;
        // k = 2 the tied pair, 2 L a^4 + 2 lambda = 12. All three have the loss 8; the flat value is 2.
        var target = Matrix<double>.Build.DenseOfDiagonalArray([2.0, 2.0]);
        var values = Enumerable.Range(0, 3).Select(k =>
        {
            var layer = Matrix<double>.Build.DenseOfDiagonalArray([k >= 1 ? 1.0 : 0.0, k >= 2 ? 1.0 : 0.0]);
            var point = new Factorization([layer, layer, layer], target, 3);
            Assert.Equal(8, RegularizedLoss.Value(point), 12);
            return (Oracle: DenseSpectrum.Eigenvalues(new LossLandscape(point.Layers(), target, 3).DenseHessian())[^1], Formula: RegularizedMatrixSharpness.LambdaMax(point));
        }).ToList();

        Assert.Equal([2.0, 8.0, 12.0], values.Select(v => Math.Round(v.Oracle, 10)));
        Assert.Equal([2.0, 8.0, 12.0], values.Select(v => Math.Round(v.Formula, 10)));
        Assert.Equal(2, RegularizedMatrixSharpness.FlatValue(target, [2, 2, 2, 2], 3), 12);
    }

    [Fact]
    public void RegmLmax_Replay_TiedTargetAtScale1e140_DepthFour_NoOverflow()
    {
        // verify --cases 2000 --seed "(7,13)": TiedTop target scale 1e140, widths (2,3,2,3,3), lambda = 0.999000499833375
        // lambda_c(smax M), seed 437800003 => "lambda_max at s = [1.845521603E+140, 1.845521603E+140], a = [1.053365899E+35,
        // 1.053365899E+35]: formula Infinity vs oracle 1.6382026697096172E+211". c S_(L-1) overflowed (c near 1e210); the pair
        // block of a tie is 2 L a^(2L-2) + 2 lambda, of size 1e211.
        const double s = 1.845521603E+140;
        var lambda = 0.999000499833375 * CriticalLambda.Of(s, 4);
        var a = Math.Pow(ScalarEndToEnd.GlobalMinimizers(s, lambda, 4)[^1], 0.25);
        var expected = (8 * Math.Pow(a, 6)) + (2 * lambda);

        var value = RegularizedMatrixSharpness.PairLambdaMax(s, a, s, a, lambda, 4);

        Assert.True(Math.Abs(value - expected) <= 1e-14 * expected, $"{value:R} vs {expected:R}");
        Assert.True(RegularizedMatrixSharpness.Eigenvalues([s, s], [a, a], lambda, [2, 3, 2, 3, 3]).All(double.IsFinite));
    }

    [Fact]
    public void RegmLmax_NotAMinimizer_IsRejectedWithItsResidual()
    {
        var target = Matrix<double>.Build.DenseOfDiagonalArray([3.0, 3.0]);
        var layer = Matrix<double>.Build.DenseIdentity(2);
        var error = Assert.Throws<ArgumentException>(() => RegularizedMatrixSharpness.LambdaMax(new Factorization([layer, layer], target, 2)));
        Assert.Equal("point", error.ParamName);
        Assert.Contains("Not a global minimizer of the regularized loss: gradient norm", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RegmLmax_UnregularizedPoint_IsOutsideTheDomain()
    {
        var target = Matrix<double>.Build.DenseOfDiagonalArray([3.0, 3.0]);
        var layer = Matrix<double>.Build.DenseIdentity(2);
        var error = Assert.Throws<ArgumentException>(() => RegularizedMatrixSharpness.LambdaMax(new Factorization([layer, layer], target)));
        Assert.Equal("point", error.ParamName);
        Assert.Contains("REGM-LMAX needs a regularized point", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RegmLmax_AtABottleneck_TheUnfittedSingularValueRaisesLambdaMax()
    {
        // M = diag(3, 2.9), widths (2, 1, 2), lambda = 1/2: the minimizer fits s_1 (rho = 3 - lambda/2 = 2.75) and leaves s_2
        // unfitted. Its own block gives 4 rho = 11; the pair of s_1 with the unfitted s_2 gives 2 rho + lambda + 2 s_2 = 11.8.
        var a = Math.Sqrt(2.75);
        var target = Matrix<double>.Build.DenseOfDiagonalArray([3.0, 2.9]);
        var point = new Factorization([Matrix<double>.Build.DenseOfArray(new[,] { { a, 0 } }), Matrix<double>.Build.DenseOfArray(new[,] { { a }, { 0 } })], target, 0.5);
        var oracle = DenseSpectrum.Eigenvalues(new LossLandscape(point.Layers(), target, 0.5).DenseHessian());

        Assert.True(RegularizedMinimum.IsGlobalMinimizer(point));
        Assert.Equal((0.25 * 0.25) + (0.5 * 2.75) + (2.9 * 2.9), RegularizedMinimum.Value(target, [2, 1, 2], 0.5), 12);
        Assert.Equal((0.25 * 0.25) + (0.5 * 2.75) + (0.25 * 0.25) + (0.5 * 2.65), RegularizedMinimum.Value(target, [2, 2, 2], 0.5), 12);
        Assert.Equal(11.8, oracle[^1], 12);
        Assert.Equal(11.8, RegularizedMatrixSharpness.LambdaMax(point), 12);
        Assert.Equal(11, RegularizedMatrixSharpness.LambdaMax([3.0], [a], 0.5, 2), 12);
        Assert.Equal(11.8, RegularizedMatrixSharpness.FlatValue(target, [2, 1, 2], 0.5), 12);
        Assert.Equal(oracle.Select(x => Math.Round(x, 10)), RegularizedMatrixSharpness.Eigenvalues(point).Select(x => Math.Round(x, 10)));
        Assert.Equal([a], RegularizedMatrixSharpness.Magnitudes(point));
    }

    [Fact]
    public void RegmLmax_MoreLayerSingularValuesThanSingularValues_AreRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => RegularizedMatrixSharpness.LambdaMax([1.0], [1.0, 0.5], 1, 2));
        Assert.Equal("magnitudes", error.ParamName);
        Assert.Contains("1 singular values but 2 layer singular values: need 1 to 1 (fewer only at a bottleneck)", error.Message, StringComparison.Ordinal);
        Assert.Contains("need 1 to 1", Assert.Throws<ArgumentException>(() => RegularizedMatrixSharpness.LambdaMax([1.0], [], 1, 2)).Message, StringComparison.Ordinal);
    }
}

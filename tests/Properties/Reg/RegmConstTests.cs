// REGM-CONST: the catalogue's properties, the wrong formulas they must reject, and the smallest case of the exceptional set.
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Oracles;
using Sharpness.Theory.Regularized;
using Xunit;

namespace Sharpness.Tests.Properties.Reg;

[Trait("Claim", "REGM-CONST")]
public sealed class RegmConstTests
{
    [Fact]
    public void RegmConst_SpectrumConstantIffOffExceptionalSet() => ClaimAssert.Holds("REGM-CONST", "SpectrumConstantIffOffExceptionalSet");

    [Fact]
    public void RegmConst_ClosedFormSpectrumEqualsDenseOracle() => ClaimAssert.Holds("REGM-CONST", "ClosedFormSpectrumEqualsDenseOracle");

    [Fact]
    public void RegmConst_Rejects_ConstantEverywhere() => ClaimAssert.Rejects("REGM-CONST", "ConstantEverywhere");

    [Fact]
    public void RegmConst_Rejects_HiddenGaugeModesMissing() => ClaimAssert.Rejects("REGM-CONST", "HiddenGaugeModesMissing");

    [Fact]
    public void RegmConst_Rejects_PairGaugeModesAsRegularizer() => ClaimAssert.Rejects("REGM-CONST", "PairGaugeModesAsRegularizer");

    [Fact]
    public void RegmConst_SmallestExceptionalCase_TwoSpectra()
    {
        // M = [2], L = 3, lambda = 3 = lambda_c(2, 3) (REG-T2's tie): w = 0 and w = (1, 1, 1) both have the loss 4. At w = 0 the
        // Hessian is (2 lambda/L) I = 2 I; at w = 1, H_ii = 2 rho^2/w^2 + 2 lambda/L = 4 and H_ij = 2 (rho^2 - (m - rho) rho) = 0.
        var m = Matrix<double>.Build.Dense(1, 1, 2);
        Assert.Equal([0.0, 1.0], ScalarEndToEnd.GlobalMinimizers(2, 3, 3));
        var spectra = Enumerable.Range(0, 2).Select(w => DenseSpectrum.Eigenvalues(
            new LossLandscape([.. Enumerable.Repeat(Matrix<double>.Build.Dense(1, 1, w), 3)], m, 3).DenseHessian())).ToList();

        Assert.Equal([2.0, 2.0, 2.0], spectra[0].Select(x => Math.Round(x, 12)));
        Assert.Equal([4.0, 4.0, 4.0], spectra[1].Select(x => Math.Round(x, 12)));
        Assert.Equal([2.0, 2.0, 2.0], RegularizedMatrixSharpness.Eigenvalues([2.0], [0.0], 3, [1, 1, 1, 1]));
        Assert.Equal([4.0, 4.0, 4.0], RegularizedMatrixSharpness.Eigenvalues([2.0], [1.0], 3, [1, 1, 1, 1]).Select(x => Math.Round(x, 12)));
    }

    [Fact]
    public void RegmConst_Rejects_UnfittedResidualIgnored() => ClaimAssert.Rejects("REGM-CONST", "UnfittedResidualIgnored");

    [Fact]
    public void RegmConst_AtABottleneckOfDepthThree_SpectrumEqualsTheOracle()
    {
        // M = diag(3, 2), widths (2, 2, 1, 2), lambda = 1: s_1 fitted at its rho, s_2 unfitted; the wide hidden layer adds the
        // gauge pair (0, 4 lambda/L) of index 2 there.
        var target = Matrix<double>.Build.DenseOfDiagonalArray([3.0, 2.0]);
        var point = RegularizedMatrixMinimizer.FromTarget(target, [2, 2, 1, 2], 1, new Random(5));
        var oracle = DenseSpectrum.Eigenvalues(new LossLandscape(point.Layers(), target, 1).DenseHessian());

        Assert.True(RegularizedMinimum.IsGlobalMinimizer(point));
        Assert.Equal(oracle.Length, RegularizedMatrixSharpness.Eigenvalues(point).Count);
        Assert.All(oracle.Zip(RegularizedMatrixSharpness.Eigenvalues(point)), e => Assert.Equal(e.First, e.Second, 10));
    }

    [Fact]
    public void RegmConst_WidthsThatDoNotFitTheSingularValues_AreRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => RegularizedMatrixSharpness.Eigenvalues([1.0, 0.5], [1.0, 0.5], 1, [2, 1, 2]));
        Assert.Equal("widths", error.ParamName);
        Assert.Contains("Widths (2, 1, 2) need r = min(d_0, d_L) = 2 singular values and m = min_i d_i = 1 layer singular values; got 2 and 2.", error.Message, StringComparison.Ordinal);
        Assert.Contains("need r = min(d_0, d_L) = 2", Assert.Throws<ArgumentException>(() => RegularizedMatrixSharpness.Eigenvalues([1.0], [1.0], 1, [2, 2, 2])).Message, StringComparison.Ordinal);
    }
}

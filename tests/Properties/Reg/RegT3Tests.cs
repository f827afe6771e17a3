// REG-T3: the catalogue's properties and the wrong formulas they must reject.
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Oracles;
using Sharpness.Theory.Regularized;
using Xunit;

namespace Sharpness.Tests.Properties.Reg;

[Trait("Claim", "REG-T3")]
public sealed class RegT3Tests
{
    [Fact]
    public void RegT3_CorrectedSpectrumEqualsOracle_AtEveryMinimizer() => ClaimAssert.Holds("REG-T3", "CorrectedSpectrumEqualsOracle");

    [Fact]
    public void RegT3_CorrectedSpectrum_AtOptimizerFoundMinimizers() => ClaimAssert.Holds("REG-T3", "CorrectedSpectrumAtOptimizerFoundMinimizers");

    [Fact]
    public void RegT3_PrintedSpectrumHolds_WhereNotCollapsed() => ClaimAssert.Holds("REG-T3", "PrintedSpectrumHoldsWhereNotCollapsed");

    [Fact]
    public void RegT3_PrintedSpectrumFails_AtCollapsedMinimizers() => ClaimAssert.Holds("REG-T3", "PrintedSpectrumFailsAtCollapsedMinimizers");

    [Fact]
    public void RegT3_Rejects_PrintedFormulaEverywhere() => ClaimAssert.Rejects("REG-T3", "PrintedFormulaEverywhere");

    [Fact]
    public void RegT3_Rejects_MissingMinusTwoLambda() => ClaimAssert.Rejects("REG-T3", "MissingMinusTwoLambda");

    [Fact]
    public void RegT3_PrintedSpectrumFails_SmallestCase()
    {
        // L = 2, m = 0, lambda = 1: the only minimizer is w = (0, 0), the loss there is w_1^2 w_2^2 + (w_1^2 + w_2^2)/2,
        // so the Hessian is the identity; eq. 17 gives 4 lambda/L = 2 and 2 L w^2 + 4 lambda/L - 2 lambda = 0.
        Assert.Equal([0.0], ScalarEndToEnd.GlobalMinimizers(0, 1, 2));
        var landscape = new LossLandscape([Matrix<double>.Build.Dense(1, 1), Matrix<double>.Build.Dense(1, 1)], Matrix<double>.Build.Dense(1, 1), lambda: 1);

        Assert.Equal([1.0, 1.0], DenseSpectrum.Eigenvalues(landscape.DenseHessian()));
        Assert.Equal([0.0, 2.0], Theorem3.PrintedEigenvalues(0, 1, 2));
        Assert.Equal([1.0, 1.0], Theorem3.Eigenvalues(0, 0, 1, 2));
    }
}

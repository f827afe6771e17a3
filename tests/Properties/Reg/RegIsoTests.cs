// REG-ISO: the catalogue's properties and the wrong formulas they must reject.
using Sharpness.Oracles;
using Sharpness.Theory.Regularized;
using Xunit;

namespace Sharpness.Tests.Properties.Reg;

[Trait("Claim", "REG-ISO")]
public sealed class RegIsoTests
{
    [Fact]
    public void RegIso_HessianSingularOnlyAtDepthTwoThreshold_MinimizersIsolated() => ClaimAssert.Holds("REG-ISO", "HessianNonsingularIffPredicateSaysSo");

    [Fact]
    public void RegIso_Rejects_AlwaysFullRank() => ClaimAssert.Rejects("REG-ISO", "AlwaysFullRank");

    [Fact]
    public void RegIso_Fails_SmallestCase()
    {
        // m = 1, lambda = 2, L = 2: the only minimizer is w = 0, loss 1 + (w_1 - w_2)^2 + w_1^2 w_2^2, Hessian [[2, -2], [-2, 2]].
        Assert.Equal([0.0], ScalarEndToEnd.GlobalMinimizers(1, 2, 2));
        var landscape = new LossLandscape(
            [MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(1, 1), MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(1, 1)],
            MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(1, 1, 1),
            lambda: 2);
        var eigenvalues = DenseSpectrum.Eigenvalues(landscape.DenseHessian());

        Assert.Equal(0, eigenvalues[0], 14);
        Assert.Equal(4, eigenvalues[1], 14);
        Assert.True(Theorem3.IsHessianSingular(1, 2, 2));
        Assert.Equal(1 + 1e-8, landscape.Loss([1e-2, 1e-2]), 15);
    }
}

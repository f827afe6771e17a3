// REG-R4/printed: Remark 4 at lambda = 0 as printed, its rejections and smallest counterexample.
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Oracles;
using Xunit;

namespace Sharpness.Tests.Properties.Printed;

[Trait("Claim", "REG-R4/printed")]
public sealed class RegR4PrintedTests
{
    [Fact]
    public void RegR4Printed_Eq39OnlyAtBalancedMinimizers() => ClaimAssert.Holds("REG-R4/printed", "Eq39OnlyAtBalancedMinimizers");

    [Fact]
    public void RegR4Printed_Rejects_MissingDepthFactor() => ClaimAssert.Rejects("REG-R4/printed", "MissingDepthFactor");

    [Fact]
    public void RegR4Printed_Rejects_ExponentTwoOverL() => ClaimAssert.Rejects("REG-R4/printed", "ExponentTwoOverL");

    [Fact]
    public void RegR4Printed_Fails_SmallestCase()
    {
        // L = 2, m = 1, lambda = 0, w = (2, 1/2): Hessian 2 g g^T with g = (1/2, 2), lambda_max = 2 (1/4 + 4) = 8.5; eq. 39 gives 2 L |m| = 4.
        var landscape = new LossLandscape([Matrix<double>.Build.Dense(1, 1, 2), Matrix<double>.Build.Dense(1, 1, 0.5)], Matrix<double>.Build.Dense(1, 1, 1));
        var eigenvalues = DenseSpectrum.Eigenvalues(landscape.DenseHessian());

        Assert.Equal(0, eigenvalues[0], 12);
        Assert.Equal(8.5, eigenvalues[1], 12);
    }
}

// REG-T3/printed: "the spectrum is constant over Omega", its rejection and the exact smallest counterexample.
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Oracles;
using Sharpness.Theory.Regularized;
using Xunit;

namespace Sharpness.Tests.Properties.Printed;

[Trait("Claim", "REG-T3/printed")]
public sealed class RegT3PrintedTests
{
    [Fact]
    public void RegT3Printed_SpectrumConstantExceptAtTheTie() => ClaimAssert.Holds("REG-T3/printed", "SpectrumConstantExceptAtTheTie");

    [Fact]
    public void RegT3Printed_Rejects_IgnoresTheTie() => ClaimAssert.Rejects("REG-T3/printed", "IgnoresTheTie");

    [Fact]
    public void RegT3Printed_Fails_SmallestCase()
    {
        // L = 3, m = 2, lambda = 3 = lambda_c: both w = 0 and w = (1, 1, 1) are global (loss 4), with Hessians exactly 2 I and 4 I.
        Matrix<double> Hessian(double w) =>
            new LossLandscape([.. Enumerable.Repeat(Matrix<double>.Build.Dense(1, 1, w), 3)], Matrix<double>.Build.Dense(1, 1, 2), lambda: 3).DenseHessian();

        Assert.Equal([0.0, 1.0], ScalarEndToEnd.GlobalMinimizers(2, 3, 3));
        Assert.True((Hessian(0) - (Matrix<double>.Build.DenseIdentity(3) * 2)).FrobeniusNorm() < 1e-14, Hessian(0).ToString());
        Assert.True((Hessian(1) - (Matrix<double>.Build.DenseIdentity(3) * 4)).FrobeniusNorm() < 1e-14, Hessian(1).ToString());
    }
}

// REG-T2/printed: eq. 10 and l. 100 as printed, the rejection, the smallest counterexample, and eq. 4's double lambda.
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Oracles;
using Sharpness.Theory.Regularized;
using Xunit;

namespace Sharpness.Tests.Properties.Printed;

[Trait("Claim", "REG-T2/printed")]
public sealed class RegT2PrintedTests
{
    [Fact]
    public void RegT2Printed_ZeroIsAMinimizerExactlyAtAndAboveTheThreshold() => ClaimAssert.Holds("REG-T2/printed", "ZeroIsAMinimizerExactlyAtAndAboveTheThreshold");

    [Fact]
    public void RegT2Printed_Rejects_SignOfM() => ClaimAssert.Rejects("REG-T2/printed", "SignOfM");

    [Fact]
    public void RegT2Printed_Eq10Fails_SmallestCase()
    {
        // L = 2, m = 1, lambda = 2 = lambda_c: (1 - rho)^2 + 2 |rho| has its minimum 1 at rho = 0 only, and sign(0) != sign(1).
        Assert.Equal(2, CriticalLambda.Of(1, 2));
        Assert.Equal([0.0], ScalarEndToEnd.GlobalMinimizers(1, 2, 2));
        Assert.All(new[] { -0.5, -1e-3, 1e-3, 0.5 }, rho => Assert.True(ScalarEndToEnd.Objective(1, 2, 2, rho) > ScalarEndToEnd.Objective(1, 2, 2, 0)));
    }

    [Fact]
    public void RegT2Printed_Eq4CountsLambdaTwice_SmallestCase()
    {
        // Scalar L = 2, m = 2, lambda = 2: rho = 1, w = (1, 1). With R of eq. 2, R = (lambda/L)(1 + 1) = 2, D = 1: the loss is
        // D + R = 3, while eq. 4 prints J* = D + lambda R = 5.
        Assert.Equal([1.0], ScalarEndToEnd.GlobalMinimizers(2, 2, 2));
        var loss = new LossLandscape([Matrix<double>.Build.Dense(1, 1, 1), Matrix<double>.Build.Dense(1, 1, 1)], Matrix<double>.Build.Dense(1, 1, 2), lambda: 2).Loss();
        var (d, r) = (1.0, 2.0 / 2 * (1 + 1));

        Assert.Equal(3, loss, 15);
        Assert.Equal(d + r, loss, 15);
        Assert.NotEqual(d + (2 * r), loss);
    }
}

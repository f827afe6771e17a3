// EXACT-C10/printed: "flat if the product of spectral norms is constant across layers", its rejection and a counterexample with M != 0.
using Sharpness.Theory.Exact;
using Xunit;

namespace Sharpness.Tests.Properties.Printed;

[Trait("Claim", "EXACT-C10/printed")]
public sealed class ExactC10PrintedTests
{
    [Fact]
    public void ExactC10Printed_FlatIffConstantIsFlatValue_AtEqualProductMinimizers() => ClaimAssert.Holds("EXACT-C10/printed", "FlatIffConstantIsFlatValue_AtEqualProductMinimizers");

    [Fact]
    public void ExactC10Printed_Rejects_ConstantAcrossLayers() => ClaimAssert.Rejects("EXACT-C10/printed", "ConstantAcrossLayers");

    [Fact]
    public void ExactC10Printed_Fails_WithNonzeroTarget()
    {
        // L = 2, widths (1, 3, 1), w_1 = (1, 1, 0)^T / sqrt 2, w_2 = (1, 0, 0): products both 1, m = 1/sqrt 2,
        // lambda_max = 4 against the flat value 2 L |m| = 2 sqrt 2.
        var s = Math.Sqrt(0.5);
        var minimizer = PrintedExamples.TwoLayers(new double[,] { { s }, { s }, { 0 } }, new double[,] { { 1, 0, 0 } });
        var lambdaMax = PrintedExamples.OracleLambdaMax(minimizer);

        Assert.All(PartialProducts.SpectralNormProducts(minimizer.Point), p => Assert.Equal(1, p, 15));
        Assert.Equal(4, lambdaMax, 12);
        Assert.Equal(2 * Math.Sqrt(2), MulayoffMichaeli.FlatValue(minimizer.Target, 2), 12);
        Assert.False(Corollary10.SatisfiesFlatnessCondition(minimizer));
    }
}

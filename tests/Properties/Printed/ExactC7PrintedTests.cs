// EXACT-C7/printed: "flat iff the product of spectral norms is constant across layers", its rejection and smallest counterexample.
using Sharpness.Theory.Exact;
using Xunit;

namespace Sharpness.Tests.Properties.Printed;

[Trait("Claim", "EXACT-C7/printed")]
public sealed class ExactC7PrintedTests
{
    [Fact]
    public void ExactC7Printed_FlatIffConstantIsFlatValue_AtEqualProductMinimizers() => ClaimAssert.Holds("EXACT-C7/printed", "FlatIffConstantIsFlatValue_AtEqualProductMinimizers");

    [Fact]
    public void ExactC7Printed_Rejects_ConstantAcrossLayers() => ClaimAssert.Rejects("EXACT-C7/printed", "ConstantAcrossLayers");

    [Fact]
    public void ExactC7Printed_Fails_SmallestCase()
    {
        // L = 2, widths (1, 2, 1), w_1 = (1, 0)^T, w_2 = (0, 1): m = 0, both products 1, yet lambda_max = 4 > 0 = flat value.
        var minimizer = PrintedExamples.TwoLayers(new double[,] { { 1 }, { 0 } }, new double[,] { { 0, 1 } });
        var lambdaMax = PrintedExamples.OracleLambdaMax(minimizer);

        Assert.All(PartialProducts.SpectralNormProducts(minimizer.Point), p => Assert.Equal(1, p, 15));
        Assert.Equal(4, lambdaMax, 12);
        Assert.Equal(0, MulayoffMichaeli.FlatValue(minimizer.Target, 2));
        Assert.False(Corollary7.IsFlat(minimizer));
    }
}

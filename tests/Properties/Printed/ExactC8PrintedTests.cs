// EXACT-C8/printed: "flat iff spectral-norm balanced", its rejection and smallest counterexample.
using Sharpness.Theory.Exact;
using Xunit;

namespace Sharpness.Tests.Properties.Printed;

[Trait("Claim", "EXACT-C8/printed")]
public sealed class ExactC8PrintedTests
{
    [Fact]
    public void ExactC8Printed_FlatIffBalancedAtRootOfSmax_AtSpectralBalancedMinimizers() => ClaimAssert.Holds("EXACT-C8/printed", "FlatIffBalancedAtRootOfSmax_AtSpectralBalancedMinimizers");

    [Fact]
    public void ExactC8Printed_Rejects_SpectralNormsEqual() => ClaimAssert.Rejects("EXACT-C8/printed", "SpectralNormsEqual");

    [Fact]
    public void ExactC8Printed_Fails_SmallestCase()
    {
        // M = [0], k = 2, L = [1 0] (W_2), R = [0 1] (W_1 = R^T): smax(L) = smax(R) = 1, lambda_max = 2 (1 + 1) = 4, flat value 0.
        var minimizer = PrintedExamples.TwoLayers(new double[,] { { 0 }, { 1 } }, new double[,] { { 1, 0 } });
        var lambdaMax = PrintedExamples.OracleLambdaMax(minimizer);

        Assert.Equal(0, minimizer.Target[0, 0]);
        Assert.Equal(minimizer.Layer(1).L2Norm(), minimizer.Layer(2).L2Norm());
        Assert.Equal(4, lambdaMax, 12);
        Assert.False(Corollary8.IsFlat(minimizer));
    }
}

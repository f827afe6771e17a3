// EXACT-T5: the catalogue's properties and the wrong formulas they must reject.
using Xunit;

namespace Sharpness.Tests.Properties.Exact;

[Trait("Claim", "EXACT-T5")]
public sealed class ExactT5Tests
{
    [Fact]
    public void ExactT5_LambdaMaxEqualsOracle_AtAnyMinimizer() => ClaimAssert.Holds("EXACT-T5", "LambdaMaxEqualsDenseOracle");

    [Fact]
    public void ExactT5_Rejects_DroppedFactorTwo() => ClaimAssert.Rejects("EXACT-T5", "DroppedFactorTwo");

    [Fact]
    public void ExactT5_Rejects_SumOfLayerMaxima() => ClaimAssert.Rejects("EXACT-T5", "SumOfLayerMaxima");

    [Fact]
    public void ExactT5_Rejects_TraceInsteadOfLambdaMax() => ClaimAssert.Rejects("EXACT-T5", "TraceInsteadOfLambdaMax");

    [Fact]
    public void ExactT5_Rejects_SwappedKroneckerEigenvector() => ClaimAssert.Rejects("EXACT-T5", "SwappedKroneckerEigenvector");
}

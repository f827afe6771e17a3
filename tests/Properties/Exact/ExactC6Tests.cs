// EXACT-C6: the catalogue's properties and the wrong formulas they must reject.
using Xunit;

namespace Sharpness.Tests.Properties.Exact;

[Trait("Claim", "EXACT-C6")]
public sealed class ExactC6Tests
{
    [Fact]
    public void ExactC6_LambdaMaxEqualsOracle_DepthTwo() => ClaimAssert.Holds("EXACT-C6", "LambdaMaxEqualsDenseOracle");

    [Fact]
    public void ExactC6_Rejects_DroppedFactorTwo() => ClaimAssert.Rejects("EXACT-C6", "DroppedFactorTwo");

    [Fact]
    public void ExactC6_Rejects_FrobeniusInsteadOfSpectral() => ClaimAssert.Rejects("EXACT-C6", "FrobeniusInsteadOfSpectral");

    [Fact]
    public void ExactC6_Rejects_SwappedDirectionWeights() => ClaimAssert.Rejects("EXACT-C6", "SwappedDirectionWeights");
}

// EXACT-T4: the catalogue's properties and the wrong formulas they must reject.
using Xunit;

namespace Sharpness.Tests.Properties.Exact;

[Trait("Claim", "EXACT-T4")]
public sealed class ExactT4Tests
{
    [Fact]
    public void ExactT4_LambdaMaxEqualsOracle_ScalarEnds() => ClaimAssert.Holds("EXACT-T4", "LambdaMaxEqualsDenseOracle");

    [Fact]
    public void ExactT4_Rejects_DroppedFactorTwo() => ClaimAssert.Rejects("EXACT-T4", "DroppedFactorTwo");

    [Fact]
    public void ExactT4_Rejects_MaxInsteadOfSum() => ClaimAssert.Rejects("EXACT-T4", "MaxInsteadOfSum");

    [Fact]
    public void ExactT4_Rejects_UnnormalizedDirection() => ClaimAssert.Rejects("EXACT-T4", "UnnormalizedDirection");
}

// EXACT-C10: the catalogue's properties and the wrong formulas they must reject.
using Xunit;

namespace Sharpness.Tests.Properties.Exact;

[Trait("Claim", "EXACT-C10")]
public sealed class ExactC10Tests
{
    [Fact]
    public void ExactC10_UpperBoundHolds_ConditionImpliesFlat() => ClaimAssert.Holds("EXACT-C10", "UpperBoundAndSufficientCondition");

    [Fact]
    public void ExactC10_Rejects_DroppedFactorTwo() => ClaimAssert.Rejects("EXACT-C10", "DroppedFactorTwo");

    [Fact]
    public void ExactC10_Rejects_AnyInsteadOfAll() => ClaimAssert.Rejects("EXACT-C10", "AnyInsteadOfAll");

    [Fact]
    public void ExactC10_Rejects_NeverMet() => ClaimAssert.Rejects("EXACT-C10", "NeverMet");

    [Fact]
    public void ExactC10_Rejects_FrobeniusBound() => ClaimAssert.Rejects("EXACT-C10", "FrobeniusBound");
}

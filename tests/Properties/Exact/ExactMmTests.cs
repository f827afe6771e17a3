// EXACT-MM: the catalogue's properties and the wrong formulas they must reject.
using Xunit;

namespace Sharpness.Tests.Properties.Exact;

[Trait("Claim", "EXACT-MM")]
public sealed class ExactMmTests
{
    [Fact]
    public void ExactMm_LowerBoundHolds_AttainedByBalanced() => ClaimAssert.Holds("EXACT-MM", "LowerBoundHoldsAndIsAttained");

    [Fact]
    public void ExactMm_Eq31Holds_OnCorrectedDomain() => ClaimAssert.Holds("EXACT-MM", "Eq31HoldsAtFlatScalarMinimizers_CorrectedDomain");

    [Fact]
    public void ExactMm_Eq31Fails_AtZeroTarget_DepthThreeOrMore() => ClaimAssert.Holds("EXACT-MM", "Eq31FailsAtZeroTarget_DepthThreeOrMore");

    [Fact]
    public void ExactMm_Rejects_SquaredNormExponent() => ClaimAssert.Rejects("EXACT-MM", "SquaredNormExponent");

    [Fact]
    public void ExactMm_Rejects_DroppedFactorTwo() => ClaimAssert.Rejects("EXACT-MM", "DroppedFactorTwo");

    [Fact]
    public void ExactMm_Rejects_SwappedEq31Exponents() => ClaimAssert.Rejects("EXACT-MM", "SwappedEq31Exponents");
}

// EXACT-L3: the catalogue's properties and the wrong formulas they must reject.
using Xunit;

namespace Sharpness.Tests.Properties.Exact;

[Trait("Claim", "EXACT-L3")]
public sealed class ExactL3Tests
{
    [Fact]
    public void ExactL3_SecondDirectionalDerivative_EqualsOracle_AtAnyMinimizer() => ClaimAssert.Holds("EXACT-L3", "SecondDirectionalDerivativeEqualsOracle");

    [Fact]
    public void ExactL3_Rejects_DroppedFactorTwo() => ClaimAssert.Rejects("EXACT-L3", "DroppedFactorTwo");

    [Fact]
    public void ExactL3_Rejects_NoCrossTerms() => ClaimAssert.Rejects("EXACT-L3", "NoCrossTerms");
}

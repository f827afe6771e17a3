// EXACT-TRACE: the catalogue's properties and the wrong formulas they must reject.
using Xunit;

namespace Sharpness.Tests.Properties.Exact;

[Trait("Claim", "EXACT-TRACE")]
public sealed class ExactTraceTests
{
    [Fact]
    public void ExactTrace_TraceEqualsOracle_AtAnyMinimizer() => ClaimAssert.Holds("EXACT-TRACE", "TraceEqualsOracleTrace");

    [Fact]
    public void ExactTrace_TraceFlat_IsFrobeniusBalancedOnlyForSquareTargets() => ClaimAssert.Holds("EXACT-TRACE", "TraceFlatIsFrobeniusBalancedIffSquare");

    [Fact]
    public void ExactTrace_Rejects_SpectralInsteadOfFrobenius() => ClaimAssert.Rejects("EXACT-TRACE", "SpectralInsteadOfFrobenius");

    [Fact]
    public void ExactTrace_Rejects_DroppedFactorTwo() => ClaimAssert.Rejects("EXACT-TRACE", "DroppedFactorTwo");

    [Fact]
    public void ExactTrace_Rejects_FrobeniusBalancedIsTraceFlat() => ClaimAssert.Rejects("EXACT-TRACE", "FrobeniusBalancedIsTraceFlat");

    [Fact]
    public void ExactTrace_Rejects_EverythingTraceFlat() => ClaimAssert.Rejects("EXACT-TRACE", "EverythingTraceFlat");
}

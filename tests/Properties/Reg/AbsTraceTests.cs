// ABS-TRACE: the catalogue's properties and the wrong formulas they must reject.
using Xunit;

namespace Sharpness.Tests.Properties.Reg;

[Trait("Claim", "ABS-TRACE")]
public sealed class AbsTraceTests
{
    [Fact]
    public void AbsTrace_OracleTraceAtLeastBound_EqualAtDepthTwo() => ClaimAssert.Holds("ABS-TRACE", "OracleTraceAtLeastBound_EqualAtDepthTwo");

    [Fact]
    public void AbsTrace_OracleTraceAtOptimizerFoundMinimizersAtLeastBound() => ClaimAssert.Holds("ABS-TRACE", "OracleTraceAtOptimizerFoundMinimizersAtLeastBound");

    [Fact]
    public void AbsTrace_Rejects_NoRegularizerTerm() => ClaimAssert.Rejects("ABS-TRACE", "NoRegularizerTerm");

    [Fact]
    public void AbsTrace_Rejects_MissingRankFactor() => ClaimAssert.Rejects("ABS-TRACE", "MissingRankFactor");

    [Fact]
    public void AbsTrace_OracleTraceAtOptimizerFoundMinimizersAtLeastBound_Rejects_NoRegularizerTerm() => ClaimAssert.PropertyRejects("ABS-TRACE", "OracleTraceAtOptimizerFoundMinimizersAtLeastBound", "NoRegularizerTerm");
}

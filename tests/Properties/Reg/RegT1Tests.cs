// REG-T1, ABS-FROB, ABS-UNIQ and ABS-TRACE: the catalogue's properties and the wrong formulas they must reject.
using Sharpness.Verification;
using Xunit;

namespace Sharpness.Tests.Properties.Reg;

[Trait("Claim", "REG-T1")]
public sealed class RegT1Tests
{
    [Fact]
    public void RegT1_ConstructedMinimizersStationaryBalancedAndNotBeaten() => ClaimAssert.Holds("REG-T1", "ConstructedMinimizersStationaryBalancedAndNotBeaten");

    [Fact]
    public void RegT1_OptimizerFoundMinimizersBalanced() => ClaimAssert.Holds("REG-T1", "OptimizerFoundMinimizersBalanced");

    /// <summary>The optimizer-found checks are not vacuous: in most cases some random start reaches the global minimum.</summary>
    [Fact]
    public void RegT1_OptimizerReachesTheGlobalMinimumInNineCasesOfTen()
    {
        var claim = Catalogue.Claim("REG-T1");
        var report = ClaimRunner.Run(claim, claim.Property("OptimizerFoundMinimizersBalanced"), RunSettings.FromEnvironment());
        var missed = report.Regimes.GetValueOrDefault("no start reached the global minimum");
        Assert.True(report.Passed, report.Failure);
        Assert.True(10 * missed <= report.Cases, $"No start reached the global minimum in {missed} of {report.Cases} cases.");
    }

    [Fact]
    public void RegT1_Rejects_UnbalancedSplit() => ClaimAssert.Rejects("REG-T1", "UnbalancedSplit");
}

[Trait("Claim", "ABS-FROB")]
public sealed class AbsFrobTests
{
    [Fact]
    public void AbsFrob_LayerNormsConstantAcrossMinimizers() => ClaimAssert.Holds("ABS-FROB", "LayerNormsConstantAcrossMinimizers");

    [Fact]
    public void AbsFrob_OptimizerFoundMinimizersHaveTheLayerNorms() => ClaimAssert.Holds("ABS-FROB", "OptimizerFoundMinimizersHaveTheLayerNorms");

    [Fact]
    public void AbsFrob_Rejects_SquaredEndToEnd() => ClaimAssert.Rejects("ABS-FROB", "SquaredEndToEnd");
}

[Trait("Claim", "ABS-UNIQ")]
public sealed class AbsUniqTests
{
    [Fact]
    public void AbsUniq_EndToEndUniqueIffOffExceptionalSet() => ClaimAssert.Holds("ABS-UNIQ", "EndToEndUniqueIffOffExceptionalSet");

    [Fact]
    public void AbsUniq_OptimizerFoundMinimizersShareTheProduct() => ClaimAssert.Holds("ABS-UNIQ", "OptimizerFoundMinimizersShareTheProduct");

    [Fact]
    public void AbsUniq_Rejects_AlwaysUnique() => ClaimAssert.Rejects("ABS-UNIQ", "AlwaysUnique");
}

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
}

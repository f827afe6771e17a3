// REG-T1: the catalogue's properties and the wrong formulas they must reject.
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

    [Fact]
    public void RegT1_OptimizerFoundMinimizersBalanced_Rejects_UnbalancedSplit() => ClaimAssert.PropertyRejects("REG-T1", "OptimizerFoundMinimizersBalanced", "UnbalancedSplit");
}

// REG-T2: the catalogue's properties and the wrong formulas they must reject.
using Sharpness.Theory.Regularized;
using Xunit;

namespace Sharpness.Tests.Properties.Reg;

[Trait("Claim", "REG-T2")]
public sealed class RegT2Tests
{
    [Fact]
    public void RegT2_DataAndRegularizerConstant_OffTheThreshold() => ClaimAssert.Holds("REG-T2", "DataAndRegularizerConstant_OffTheThreshold");

    [Fact]
    public void RegT2_DataAndRegularizerDiffer_AtTheThreshold() => ClaimAssert.Holds("REG-T2", "DataAndRegularizerDiffer_AtTheThreshold");

    [Fact]
    public void RegT2_MinimumMatchesDescentFromRandomStarts() => ClaimAssert.Holds("REG-T2", "MinimumMatchesDescentFromRandomStarts");

    [Fact]
    public void RegT2_Rejects_CollapseNever() => ClaimAssert.Rejects("REG-T2", "CollapseNever");

    [Fact]
    public void RegT2_Rejects_IgnoresTheTie() => ClaimAssert.Rejects("REG-T2", "IgnoresTheTie");

    [Fact]
    public void RegT2_Rejects_OppositeSign() => ClaimAssert.Rejects("REG-T2", "OppositeSign");

    [Fact]
    public void RegT2_Fails_SmallestCase()
    {
        // L = 3, m = 2, lambda = lambda_c = 3: rho = 0 (w = 0) gives D = 4, R = 0; rho = 1 (w_i = 1) gives D = 1, R = 3.
        Assert.Equal(3, CriticalLambda.Of(2, 3), 12);
        var minimizers = ScalarEndToEnd.GlobalMinimizers(2, 3, 3);
        Assert.Equal(2, minimizers.Count);
        Assert.Equal(4, ScalarEndToEnd.Objective(2, 3, 3, minimizers[0]), 12);
        Assert.Equal(4, ScalarEndToEnd.Objective(2, 3, 3, minimizers[1]), 12);
        Assert.Equal(1, Math.Pow(2 - minimizers[1], 2), 12);
    }
}

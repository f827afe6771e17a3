// ABS-COLLAPSE: the catalogue's properties and the wrong formulas they must reject.
using Sharpness.Theory.Regularized;
using Xunit;

namespace Sharpness.Tests.Properties.Reg;

[Trait("Claim", "ABS-COLLAPSE")]
public sealed class AbsCollapseTests
{
    [Fact]
    public void AbsCollapse_SolverAndThresholdMatchGridSearch() => ClaimAssert.Holds("ABS-COLLAPSE", "SolverAndThresholdMatchGridSearch");

    [Fact]
    public void AbsCollapse_Rejects_SoftThresholdAtEveryDepth() => ClaimAssert.Rejects("ABS-COLLAPSE", "SoftThresholdAtEveryDepth");

    [Fact]
    public void AbsCollapse_Rejects_IgnoresTheTie() => ClaimAssert.Rejects("ABS-COLLAPSE", "IgnoresTheTie");

    [Fact]
    public void AbsCollapse_AtTheThreshold_ZeroAndTheTieFractionBothMinimize()
    {
        // L = 3, m = 2: t = 1/2, lambda_c = 3/2 (1/2)^(1/3) 2^(4/3) = 3; g(0) = g(1) = 4.
        Assert.Equal(3, CriticalLambda.Of(2, 3), 12);
        var minimizers = ScalarEndToEnd.GlobalMinimizers(2, CriticalLambda.Of(2, 3), 3);

        Assert.Equal(2, minimizers.Count);
        Assert.Equal(0, minimizers[0]);
        Assert.Equal(1, minimizers[1], 12);
        Assert.Equal(4, ScalarEndToEnd.Objective(2, 3, 3, 1), 12);
    }

    [Fact]
    public void AbsCollapse_DepthTwo_IsSoftThresholding()
    {
        Assert.Equal(2 * 1.5, CriticalLambda.Of(-1.5, 2), 14);
        Assert.Equal([-1.0], ScalarEndToEnd.GlobalMinimizers(-1.5, 1, 2));
        Assert.Equal([0.0], ScalarEndToEnd.GlobalMinimizers(-1.5, 3, 2));
    }

    [Fact]
    public void ScalarEndToEnd_RejectsNonPositiveLambda()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ScalarEndToEnd.GlobalMinimizers(1, 0, 3));
        Assert.Equal("lambda", ex.ParamName);
    }
}

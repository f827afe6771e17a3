// ABS-FROB: the catalogue's properties and the wrong formulas they must reject.
using Xunit;

namespace Sharpness.Tests.Properties.Reg;

[Trait("Claim", "ABS-FROB")]
public sealed class AbsFrobTests
{
    [Fact]
    public void AbsFrob_LayerNormsConstantAcrossMinimizers() => ClaimAssert.Holds("ABS-FROB", "LayerNormsConstantAcrossMinimizers");

    [Fact]
    public void AbsFrob_OptimizerFoundMinimizersHaveTheLayerNorms() => ClaimAssert.Holds("ABS-FROB", "OptimizerFoundMinimizersHaveTheLayerNorms");

    [Fact]
    public void AbsFrob_Rejects_SquaredEndToEnd() => ClaimAssert.Rejects("ABS-FROB", "SquaredEndToEnd");

    [Fact]
    public void AbsFrob_OptimizerFoundMinimizersHaveTheLayerNorms_Rejects_SquaredEndToEnd() => ClaimAssert.PropertyRejects("ABS-FROB", "OptimizerFoundMinimizersHaveTheLayerNorms", "SquaredEndToEnd");
}

// REG-R4: the catalogue's properties and the wrong formulas they must reject.
using Xunit;

namespace Sharpness.Tests.Properties.Reg;

[Trait("Claim", "REG-R4")]
public sealed class RegR4Tests
{
    [Fact]
    public void RegR4_LambdaMaxTendsToUnregularizedFlatValue() => ClaimAssert.Holds("REG-R4", "LambdaMaxTendsToUnregularizedFlatValue");

    [Fact]
    public void RegR4_Rejects_SquaredTarget() => ClaimAssert.Rejects("REG-R4", "SquaredTarget");

    [Fact]
    public void RegR4_Rejects_MissingDepthFactor() => ClaimAssert.Rejects("REG-R4", "MissingDepthFactor");
}

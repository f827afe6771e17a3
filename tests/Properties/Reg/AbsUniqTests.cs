// ABS-UNIQ: the catalogue's properties and the wrong formulas they must reject.
using Xunit;

namespace Sharpness.Tests.Properties.Reg;

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

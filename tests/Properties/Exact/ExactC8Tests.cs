// EXACT-C8: the catalogue's properties and the wrong formulas they must reject.
using Xunit;

namespace Sharpness.Tests.Properties.Exact;

[Trait("Claim", "EXACT-C8")]
public sealed class ExactC8Tests
{
    [Fact]
    public void ExactC8_FlatIffSpectralBalanced_DepthTwo() => ClaimAssert.Holds("EXACT-C8", "FlatIffSpectralBalanced");

    [Fact]
    public void ExactC8_Rejects_FrobeniusInsteadOfSpectral() => ClaimAssert.Rejects("EXACT-C8", "FrobeniusInsteadOfSpectral");

    [Fact]
    public void ExactC8_Rejects_EqualNormsOnly() => ClaimAssert.Rejects("EXACT-C8", "EqualNormsOnly");
}

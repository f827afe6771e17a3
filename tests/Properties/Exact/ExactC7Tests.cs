// EXACT-C7: the catalogue's properties and the wrong formulas they must reject.
using Xunit;

namespace Sharpness.Tests.Properties.Exact;

[Trait("Claim", "EXACT-C7")]
public sealed class ExactC7Tests
{
    [Fact]
    public void ExactC7_FlatIffPartialProductsConstant_ScalarEnds() => ClaimAssert.Holds("EXACT-C7", "FlatIffPartialProductsConstant");

    [Fact]
    public void ExactC7_Rejects_ExponentOneOverL() => ClaimAssert.Rejects("EXACT-C7", "ExponentOneOverL");

    [Fact]
    public void ExactC7_Rejects_FirstLayerOnly() => ClaimAssert.Rejects("EXACT-C7", "FirstLayerOnly");
}

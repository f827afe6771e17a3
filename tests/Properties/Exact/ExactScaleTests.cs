// EXACT-SCALE: the catalogue's properties and the wrong formulas they must reject.
using Xunit;

namespace Sharpness.Tests.Properties.Exact;

[Trait("Claim", "EXACT-SCALE")]
public sealed class ExactScaleTests
{
    [Fact]
    public void ExactScale_GaugeKeepsProduct_LambdaMaxVaries() => ClaimAssert.Holds("EXACT-SCALE", "ProductInvariantLambdaMaxVaries");

    [Fact]
    public void ExactScale_Rejects_TransposeInsteadOfInverse() => ClaimAssert.Rejects("EXACT-SCALE", "TransposeInsteadOfInverse");
}

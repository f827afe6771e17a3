// EXACT-L2: the catalogue's properties and the wrong formulas they must reject.
using Xunit;

namespace Sharpness.Tests.Properties.Exact;

[Trait("Claim", "EXACT-L2")]
public sealed class ExactL2Tests
{
    [Fact]
    public void ExactL2_LineSecondDerivative_IsQuadraticForm_MaxIsLambdaMax() => ClaimAssert.Holds("EXACT-L2", "LineSecondDerivativeMaxIsLambdaMax");

    [Fact]
    public void ExactL2_Rejects_StencilWithoutTwelve() => ClaimAssert.Rejects("EXACT-L2", "StencilWithoutTwelve");

    [Fact]
    public void ExactL2_Rejects_HalvedThreePoint() => ClaimAssert.Rejects("EXACT-L2", "HalvedThreePoint");
}

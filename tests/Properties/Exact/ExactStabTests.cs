// EXACT-STAB: the catalogue's properties and the wrong formulas they must reject.
using Xunit;

namespace Sharpness.Tests.Properties.Exact;

[Trait("Claim", "EXACT-STAB")]
public sealed class ExactStabTests
{
    [Fact]
    public void ExactStab_LinearizedGdDivergesIffStepAboveTwoOverLambdaMax() => ClaimAssert.Holds("EXACT-STAB", "DivergesIffStepAboveTwoOverLambdaMax");

    [Fact]
    public void ExactStab_Rejects_MissingFactorTwo() => ClaimAssert.Rejects("EXACT-STAB", "MissingFactorTwo");

    [Fact]
    public void ExactStab_Rejects_StrictInequality() => ClaimAssert.Rejects("EXACT-STAB", "StrictInequality");
}

// EXACT-CE: the catalogue's properties and the wrong formulas they must reject.
using Xunit;

namespace Sharpness.Tests.Properties.Exact;

[Trait("Claim", "EXACT-CE")]
public sealed class ExactCeTests
{
    [Fact]
    public void ExactCe_SpectralBalancedFamily_FlatButUnbalanced() => ClaimAssert.Holds("EXACT-CE", "FlatButUnbalancedFamily");

    [Fact]
    public void ExactCe_Rejects_FrobeniusInsteadOfSpectral() => ClaimAssert.Rejects("EXACT-CE", "FrobeniusInsteadOfSpectral");

    [Fact]
    public void ExactCe_Rejects_DroppedFactorTwo() => ClaimAssert.Rejects("EXACT-CE", "DroppedFactorTwo");
}

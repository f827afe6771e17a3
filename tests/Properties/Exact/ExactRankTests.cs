// EXACT-RANK: the catalogue's properties and the wrong formulas they must reject.
using Xunit;

namespace Sharpness.Tests.Properties.Exact;

[Trait("Claim", "EXACT-RANK")]
public sealed class ExactRankTests
{
    [Fact]
    public void ExactRank_HessianRankAtMostEndsProduct() => ClaimAssert.Holds("EXACT-RANK", "RankAtMostEndsProduct");

    [Fact]
    public void ExactRank_Rejects_RankOfProduct() => ClaimAssert.Rejects("EXACT-RANK", "RankOfProduct");

    [Fact]
    public void ExactRank_Rejects_SumOfEnds() => ClaimAssert.Rejects("EXACT-RANK", "SumOfEnds");

    [Fact]
    public void ExactRank_Rejects_FullRank() => ClaimAssert.Rejects("EXACT-RANK", "FullRank");
}

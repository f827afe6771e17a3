// EXACT-SPEC: the catalogue's property and the wrong formulas it must reject.
using Xunit;

namespace Sharpness.Tests.Properties.Exact;

[Trait("Claim", "EXACT-SPEC")]
public sealed class ExactSpecTests
{
    [Fact]
    public void ExactSpec_NonzeroSpectrumEqualsDenseOracle_AtAnyMinimizer() => ClaimAssert.Holds("EXACT-SPEC", "NonzeroSpectrumEqualsDenseOracle");

    [Fact]
    public void ExactSpec_Rejects_DroppedFactorTwo() => ClaimAssert.Rejects("EXACT-SPEC", "DroppedFactorTwo");

    [Fact]
    public void ExactSpec_Rejects_BlockDiagonalSpectrum() => ClaimAssert.Rejects("EXACT-SPEC", "BlockDiagonalSpectrum");

    [Fact]
    public void ExactSpec_Rejects_SumOfSortedTermSpectra() => ClaimAssert.Rejects("EXACT-SPEC", "SumOfSortedTermSpectra");

    [Fact]
    public void ExactSpec_Rejects_DistinctEigenvalues() => ClaimAssert.Rejects("EXACT-SPEC", "DistinctEigenvalues");
}

// EXACT-CONTOUR: the catalogue's properties and the wrong formulas they must reject.
using Xunit;

namespace Sharpness.Tests.Properties.Exact;

[Trait("Claim", "EXACT-CONTOUR")]
public sealed class ExactContourTests
{
    [Fact]
    public void ExactContour_QuadraticAlongTopFlatAlongBottom() => ClaimAssert.Holds("EXACT-CONTOUR", "QuadraticAlongTopFlatAlongBottom");

    [Fact]
    public void ExactContour_Rejects_RandomProjection() => ClaimAssert.Rejects("EXACT-CONTOUR", "RandomProjection");

    [Fact]
    public void ExactContour_Rejects_SwappedAxes() => ClaimAssert.Rejects("EXACT-CONTOUR", "SwappedAxes");

    [Fact]
    public void ExactContour_Rejects_DroppedFactorTwo() => ClaimAssert.Rejects("EXACT-CONTOUR", "DroppedFactorTwo");
}

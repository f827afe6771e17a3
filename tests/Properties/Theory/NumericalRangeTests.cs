using MathNet.Numerics.LinearAlgebra;
using Sharpness.Theory;
using Sharpness.Theory.Exact;
using Sharpness.Theory.Linear;
using Xunit;

namespace Sharpness.Tests.Properties.Theory;

/// <summary>Inputs at the edges of the double range get an exact answer or a clear exception, never a silent NaN.</summary>
public sealed class NumericalRangeTests
{
    [Theory]
    [InlineData(1e200)]
    [InlineData(1e-200)]
    public void SpectralNorm_IsScaleInvariant_AtHugeAndTinyEntries(double scale)
    {
        var x = Matrix<double>.Build.DenseOfArray(new double[,] { { 3, 0 }, { 0, 4 } }) * scale;
        Assert.Equal(4 * scale, SpectralNorm.Of(x), 4 * scale * 1e-14);
    }

    [Fact]
    public void Theorem5_OverflowingPartialProducts_RaiseAClearException()
    {
        var big = Matrix<double>.Build.Dense(1, 1, 1e160);
        var small = Matrix<double>.Build.Dense(1, 1, 1e-170);
        var ex = Assert.Throws<ArgumentException>(() => Theorem5.LambdaMax(Minimizer.OfProduct([big, small])));
        Assert.Equal("minimizer", ex.ParamName);
        Assert.Contains("overflows the double range", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { 1, 0 })]
    [InlineData(new[] { -2, 3 })]
    [InlineData(new[] { 3, 1, 3 })]
    public void HessianRank_RejectsInfeasibleWidths(int[] widths)
    {
        var ex = Assert.Throws<ArgumentException>(() => HessianRank.UpperBound(widths));
        Assert.Equal("widths", ex.ParamName);
        Assert.Contains("feasible widths", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lemma2_RejectsAStepWhoseSquareUnderflows()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Lemma2.SecondDerivativeAlongLine(t => t * t, 1e-170));
        Assert.Equal("step", ex.ParamName);
    }

    [Fact]
    public void Minimizer_RejectsCancellingLayersWithAUnitResidual()
    {
        // W_2 W_1 = 1e10 - 1e10 = 0 exactly, so against M = 1 the residual is 1: not rounding, a different point.
        var point = new Factorization(
            [Matrix<double>.Build.DenseOfArray(new double[,] { { 1e5 }, { 1e5 } }), Matrix<double>.Build.DenseOfArray(new double[,] { { 1e5, -1e5 } })],
            Matrix<double>.Build.Dense(1, 1, 1));
        var ex = Assert.Throws<NotAMinimizerException>(() => Minimizer.Of(point));
        Assert.Equal(1, ex.Residual);
    }
}

using Sharpness.Theory;
using Xunit;

namespace Sharpness.Tests.Properties.Theory;

public sealed class ToleranceTests
{
    private static readonly Tolerance Rule = new(0, 1e-9);

    [Fact]
    public void Tolerance_IsRelativeToTheGivenScaleNotTheValue() =>
        Assert.True(Rule.IsClose(1e-3, 0, 1e7)); // 1e-3 <= 1e-9 * 1e7

    [Fact]
    public void Tolerance_ZeroScaleDemandsExactEquality()
    {
        Assert.True(Rule.IsClose(0, 0, 0));
        Assert.False(Rule.IsClose(double.Epsilon, 0, 0));
    }

    [Fact]
    public void Tolerance_NaNIsNeverClose()
    {
        Assert.False(Rule.IsClose(double.NaN, 0, 1));
        Assert.False(Rule.IsClose(0, double.NaN, 1));
        Assert.False(Rule.IsClose(double.NaN, double.NaN, 1));
    }

    [Fact]
    public void Tolerance_InfinitiesAreCloseOnlyToThemselves()
    {
        Assert.True(Rule.IsClose(double.PositiveInfinity, double.PositiveInfinity, 1));
        Assert.False(Rule.IsClose(double.PositiveInfinity, double.MaxValue, 1));
    }

    [Fact]
    public void Tolerance_HugeScalesStayFinite() =>
        Assert.True(Rule.IsClose(1e300, 1e300 * (1 + 1e-12), 1e300));

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(-1.0)]
    public void Tolerance_RejectsBadScale(double scale)
    {
        var ex = Assert.Throws<ArgumentException>(() => Rule.IsClose(1, 1, scale));
        Assert.Equal("scale", ex.ParamName);
    }
}

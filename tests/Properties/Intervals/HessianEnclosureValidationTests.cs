// HessianEnclosure validates at the boundary, naming the problem (every throw of its doc comments).
using Sharpness.Oracles;
using Xunit;

namespace Sharpness.Tests.Properties.Intervals;

[Trait("Category", "Intervals")]
public sealed class HessianEnclosureValidationTests
{
    private static readonly double[,] Two = { { 1, 2 }, { 3, 4 } };

    [Fact]
    public void HessianEnclosure_RejectsNullArguments()
    {
        Assert.Equal("layers", Assert.Throws<ArgumentNullException>(() => HessianEnclosure.Of(null!, Two)).ParamName);
        Assert.Equal("target", Assert.Throws<ArgumentNullException>(() => HessianEnclosure.Of([Two], null!)).ParamName);
        Assert.Equal("layers", Assert.Throws<ArgumentNullException>(() => HessianEnclosure.AtOwnProduct(null!)).ParamName);
        Assert.Equal("layers", Assert.Throws<ArgumentNullException>(() => HessianEnclosure.ExactAtOwnProduct(null!)).ParamName);
        Assert.Equal("layers", Assert.Throws<ArgumentNullException>(() => HessianEnclosure.RayleighQuotient(null!, null, 0, [1.0])).ParamName);
        Assert.Equal("v", Assert.Throws<ArgumentNullException>(() => HessianEnclosure.RayleighQuotient([Two], null, 0, null!)).ParamName);
        Assert.Contains("W[2] is null", Assert.Throws<ArgumentNullException>(() => HessianEnclosure.AtOwnProduct([Two, null!])).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("none", "At least one layer is required")]
    [InlineData("empty", "W[1] is 0x2; every width must be at least 1")]
    [InlineData("no columns", "W[1] is 2x0; every width must be at least 1")]
    [InlineData("chain", "W[2] is 2x3 but W[1] has 2 rows")]
    [InlineData("nan layer", "W[2] row 1 column 2 is NaN; every entry must be finite")]
    [InlineData("infinite layer", "W[1] row 2 column 1 is Infinity; every entry must be finite")]
    [InlineData("target rows", "M is 3x2 but the product W[1]...W[1] is 2x2")]
    [InlineData("target columns", "M is 2x3 but the product W[1]...W[1] is 2x2")]
    [InlineData("nan target", "M row 2 column 2 is NaN; every entry must be finite")]
    [InlineData("negative lambda", "lambda must be finite and >= 0 but is -1")]
    [InlineData("nan lambda", "lambda must be finite and >= 0 but is NaN")]
    public void HessianEnclosure_RejectsInvalidPoints(string problem, string message)
    {
        var (layers, target, lambda) = problem switch
        {
            "none" => (new List<double[,]>(), Two, 0.0),
            "empty" => ([new double[0, 2]], Two, 0),
            "no columns" => ([new double[2, 0]], Two, 0),
            "chain" => ([Two, new double[2, 3]], Two, 0),
            "nan layer" => ([Two, new double[,] { { 1, double.NaN }, { 0, 1 } }], Two, 0),
            "infinite layer" => ([new double[,] { { 1, 0 }, { double.PositiveInfinity, 1 } }], Two, 0),
            "target rows" => ([Two], new double[3, 2], 0),
            "target columns" => ([Two], new double[2, 3], 0),
            "nan target" => ([Two], new double[,] { { 1, 0 }, { 0, double.NaN } }, 0),
            "negative lambda" => ([Two], Two, -1),
            _ => ([Two], Two, double.NaN),
        };
        var ex = Assert.ThrowsAny<ArgumentException>(() => HessianEnclosure.Of(layers, target, lambda));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RayleighQuotient_RejectsAWrongOrZeroDirection()
    {
        Assert.Contains("The direction has 3 entries, not N = 4", Assert.Throws<ArgumentException>(() => HessianEnclosure.RayleighQuotient([Two], null, 0, [1.0, 2, 3])).Message, StringComparison.Ordinal);
        Assert.Contains("zero direction is undefined", Assert.Throws<ArgumentException>(() => HessianEnclosure.RayleighQuotient([Two], null, 0, [0.0, 0, 0, 0])).Message, StringComparison.Ordinal);
    }
}

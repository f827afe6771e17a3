using Sharpness.Oracles;
using Sharpness.Theory;
using Sharpness.Theory.Constructions;
using Sharpness.Theory.Regularized;
using Xunit;

namespace Sharpness.Tests.Properties.Reg;

[Trait("Claim", "REG-T2")]
public sealed class RegularizedLossTests
{
    [Theory]
    [InlineData(new[] { 2, 3, 2 }, 0.3, 1)]
    [InlineData(new[] { 1, 2, 3, 1 }, 2.0, 2)]
    [InlineData(new[] { 3, 3, 4, 2 }, 0.01, 3)]
    public void RegularizedLoss_ValueAndGradient_MatchTheOracle_AtArbitraryPoints(int[] widths, double lambda, int seed)
    {
        var random = new Random(seed);
        var layers = Enumerable.Range(1, widths.Length - 1).Select(i => RandomMatrices.Gaussian(widths[i], widths[i - 1], random)).ToList();
        var target = RandomMatrices.Gaussian(widths[^1], widths[0], random);
        var point = new Factorization(layers, target, lambda);
        var oracle = new LossLandscape(layers, target, lambda);

        Assert.Equal(oracle.Loss(), RegularizedLoss.Value(point), 10);
        Assert.Equal(oracle.Loss(), RegularizedLoss.Data(point) + (lambda * RegularizedLoss.Regularizer(point)), 10);
        var gradient = RegularizedLoss.Gradient(point).SelectMany(g => g.ToColumnMajorArray()).ToArray();
        Assert.All(gradient.Zip(oracle.Gradient()), p => Assert.Equal(p.Second, p.First, 10));
    }

    [Fact]
    public void RegularizedLoss_IsZeroGradient_AtConstructedMinimizer()
    {
        var target = RandomMatrices.Gaussian(2, 3, new Random(5));
        var point = RegularizedMatrixMinimizer.FromTarget(target, [3, 3, 3, 2], 0.2, new Random(6));
        Assert.All(RegularizedLoss.Gradient(point), g => Assert.True(g.FrobeniusNorm() < 1e-12, $"gradient {g.FrobeniusNorm():G3}"));
    }

    [Fact]
    public void RegularizedLoss_RejectsUnregularizedPoint()
    {
        var ex = Assert.Throws<ArgumentException>(() => RegularizedLoss.Value(Minimizer.OfProduct([RandomMatrices.Gaussian(2, 2, new Random(1))]).Point));
        Assert.Equal("point", ex.ParamName);
    }
}

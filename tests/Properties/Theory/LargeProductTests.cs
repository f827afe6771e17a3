using MathNet.Numerics.LinearAlgebra;
using Sharpness.Theory;
using Xunit;

namespace Sharpness.Tests.Properties.Theory;

/// <summary>
/// The theory's products take the packed kernel from 2^18 multiply-adds on (a 64 x 64 x 64 product) and MathNet's managed
/// product below: on both sides of that size a factorization's product must be the plain product to rounding, and its own
/// residual check must see its own product exactly (the residual is formed in the same order by the same kernel).
/// </summary>
public sealed class LargeProductTests
{
    // The two products sum the same d terms per entry in different orders (and one with fused multiply-adds): each errs by
    // at most about d eps ||W_3|| ||W_2|| ||W_1|| (d <= 70: 1.6e-14); 1e-13 of that scale leaves a margin of six.
    private const double Agreement = 1e-13;

    [Theory]
    [InlineData(60)]
    [InlineData(70)]
    public void Factorization_Product_IsThePlainProduct_OnBothSidesOfTheKernelSwitch(int width)
    {
        var layers = Layers(width);
        var expected = layers[2] * layers[1] * layers[0];
        var scale = layers.Aggregate(1.0, (s, w) => s * w.FrobeniusNorm());
        var product = new Factorization(layers, null).Product();
        Assert.True((product - expected).FrobeniusNorm() <= Agreement * scale, $"off by {(product - expected).FrobeniusNorm():G3} at scale {scale:G3}");
    }

    [Theory]
    [InlineData(60)]
    [InlineData(70)]
    public void Factorization_AtItsOwnProduct_HasResidualExactlyZero(int width)
    {
        var layers = Layers(width);
        var point = new Factorization(layers, new Factorization(layers, null).Product());
        Assert.Equal(0, point.ResidualNorm);
        Assert.True(point.IsMinimizer());
    }

    private static Matrix<double>[] Layers(int width)
    {
        var random = new Random(width);
        return [.. Enumerable.Range(0, 3).Select(_ => Matrix<double>.Build.Dense(width, width, (_, _) => random.NextDouble() - 0.5))];
    }
}

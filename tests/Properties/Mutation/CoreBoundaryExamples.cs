// Fixed examples at the boundaries of the core types (ZeroResidualPoint's counts, ScaledNorm at zero, infinity and NaN, a
// non-negative argument given NaN, sparse layers): the Stryker run of 2026-12-02 left these undetected.
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Theory;
using Sharpness.Theory.Exact;
using Sharpness.Theory.Linear;
using Sharpness.Theory.Regularized;
using Xunit;
using static Sharpness.Tests.Properties.Mutation.ArgumentAssert;

namespace Sharpness.Tests.Properties.Mutation;

public sealed class CoreBoundaryExamples
{
    [Fact]
    public void ZeroResidualPoint_CountsParametersAndTellsFeasibleWidths()
    {
        var bottleneck = ZeroResidualPoint.OfLayers([M(1, 3), M(3, 1)]);
        Assert.Equal(6, bottleneck.ParameterCount);
        Assert.Equal(1, bottleneck.Bottleneck);
        Assert.False(bottleneck.IsFeasible);
        Assert.True(ZeroResidualPoint.OfLayers([M(2, 2), M(3, 2)]).IsFeasible);
        Assert.Equal(4 + 6, ZeroResidualPoint.OfLayers([M(2, 2), M(3, 2)]).ParameterCount);
        AssertArgument<ArgumentException>("layers", "A zero-residual point needs at least one layer W[1].", () => ZeroResidualPoint.OfLayers([]));
    }

    [Fact]
    public void ScaledNorm_AtZeroInfinityAndNaN()
    {
        Assert.Equal("x", Assert.Throws<ArgumentNullException>(() => ScaledNorm.Frobenius(null!)).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentNullException>(() => ScaledNorm.Euclidean(null!)).ParamName);
        Assert.Equal(0, ScaledNorm.Euclidean([]));
        Assert.Equal(0, ScaledNorm.Euclidean([0.0, -0.0]));
        Assert.Equal(double.PositiveInfinity, ScaledNorm.Euclidean([1.0, double.NegativeInfinity]));
        Assert.Equal(5e200, ScaledNorm.Euclidean(Enumerable.Range(3, 2).Select(k => k * 1e200)), 1e186);
    }

    [Fact]
    public void NonNegativeArgument_GivenNaN_IsRejectedAsNotFinite()
    {
        AssertArgument<ArgumentException>("layerFrobeniusSquared", "layerFrobeniusSquared must be finite but is NaN", () => TraceLowerBound.Of([1, 1, 1], 1, double.NaN));
    }

    [Fact]
    public void Tolerance_NaNIsNeverClose()
    {
        Assert.False(Tolerance.DenseOracle.IsClose(double.NaN, 1, 1));
        Assert.False(Tolerance.DenseOracle.IsClose(1, double.NaN, 1));
        Assert.False(Tolerance.DenseOracle.IsClose(double.NaN, double.PositiveInfinity, 1));
        Assert.True(Tolerance.DenseOracle.IsClose(double.PositiveInfinity, double.PositiveInfinity, 1));
    }

    [Fact]
    public void SparseLayers_AreCopiedDensely_AndGiveTheDenseAnswer()
    {
        var dense = new[] { Matrix<double>.Build.DenseOfArray(new double[,] { { 2, 0 }, { 0, 1 } }), Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 1 }, { 0, 3 } }) };
        var sparse = dense.Select(w => (Matrix<double>)Matrix<double>.Build.SparseOfMatrix(w)).ToArray();
        Assert.Equal(Theorem5.LambdaMax(Minimizer.OfProduct(dense)), Theorem5.LambdaMax(Minimizer.OfProduct(sparse)), 14);
    }
}

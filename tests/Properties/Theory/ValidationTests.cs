using MathNet.Numerics.LinearAlgebra;
using Sharpness.Theory;
using Sharpness.Theory.Constructions;
using Sharpness.Theory.Exact;
using Xunit;

namespace Sharpness.Tests.Properties.Theory;

public sealed class ValidationTests
{
    private static Matrix<double> M(int rows, int columns, double value = 1) => Matrix<double>.Build.Dense(rows, columns, value);

    [Fact]
    public void Factorization_RejectsShapeMismatch_NamingBothLayers()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Factorization([M(3, 2), M(4, 5)]));
        Assert.Equal("layers", ex.ParamName);
        Assert.Contains("W[2] is 4x5 but W[1] has 3 rows", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "+Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void Factorization_RejectsNonFiniteEntry_ByLayerRowAndColumn(double bad, string name)
    {
        var w2 = M(2, 3);
        w2[1, 2] = bad;
        var ex = Assert.Throws<ArgumentException>(() => new Factorization([M(3, 2), w2]));
        Assert.Equal("layers", ex.ParamName);
        Assert.Contains($"W[2] has a non-finite entry {name} at row 2, column 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Factorization_RejectsInfeasibleWidths()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Factorization([M(1, 3), M(3, 1)]));
        Assert.Equal("layers", ex.ParamName);
        Assert.Contains("hidden width d_1 = 1 is below min(d_0, d_L) = 3 (EXACT eq. 17)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Factorization_RejectsTargetOfWrongShape()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Factorization([M(3, 2), M(4, 3)], M(2, 4)));
        Assert.Equal("target", ex.ParamName);
        Assert.Contains("The target M must be 4x2 but is 2x4", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Factorization_RejectsNoLayers()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Factorization([]));
        Assert.Equal("layers", ex.ParamName);
    }

    [Fact]
    public void Minimizer_RejectsNonMinimizer_StatingResidualAndTolerance()
    {
        var point = new Factorization([M(2, 2), M(2, 2)], M(2, 2, 0));
        var ex = Assert.Throws<NotAMinimizerException>(() => Minimizer.Of(point));
        Assert.Equal("point", ex.ParamName);
        Assert.Contains("Not a minimizer: ||M - W_L...W_1||_F = 4 ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("exceeds the tolerance", ex.Message, StringComparison.Ordinal);
        Assert.Equal(4, ex.Residual, 12); // four entries of 2
    }

    [Fact]
    public void Minimizer_RejectsPointWithoutTarget()
    {
        var ex = Assert.Throws<ArgumentException>(() => Minimizer.Of(new Factorization([M(2, 2)])));
        Assert.Equal("point", ex.ParamName);
        Assert.Contains("needs a target", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Theorem4_RejectsMatrixEnds()
    {
        var ex = Assert.Throws<ArgumentException>(() => Theorem4.LambdaMax(Minimizer.OfProduct([M(2, 2), M(1, 2)])));
        Assert.Equal("minimizer", ex.ParamName);
        Assert.Contains("d_0 = d_L = 1 but d_0 = 2 and d_L = 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Corollary6_RejectsDepthThree()
    {
        var ex = Assert.Throws<ArgumentException>(() => Corollary6.LambdaMax(Minimizer.OfProduct([M(2, 2), M(2, 2), M(2, 2)])));
        Assert.Equal("minimizer", ex.ParamName);
        Assert.Contains("needs L = 2 but the minimizer has depth 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lemma3_RejectsDirectionOfWrongShape()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            Lemma3.SecondDirectionalDerivative(Minimizer.OfProduct([M(2, 2), M(2, 2)]), new Direction([M(2, 2), M(3, 2)])));
        Assert.Equal("direction", ex.ParamName);
        Assert.Contains("do not match the layers", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LayerIndex_OutOfRange_IsRejected()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Minimizer.OfProduct([M(2, 2)]).LeftProduct(2));
        Assert.Equal("k", ex.ParamName);
        Assert.Contains("must be a layer index in 1..1 but is 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gauge_RejectsSingularGauge()
    {
        var w = Minimizer.OfProduct([M(2, 2), M(2, 2)]);
        var ex = Assert.Throws<ArgumentException>(() => Gauge.Apply(w, [M(2, 2)]));
        Assert.Equal("hidden", ex.ParamName);
        Assert.Contains("G[1] is singular", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gauge_RejectsZeroRescaling()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Gauge.Rescale(Minimizer.OfProduct([M(2, 2), M(2, 2)]), 1, 0));
        Assert.Equal("c", ex.ParamName);
    }

    [Fact]
    public void LinearStability_RejectsNonPositiveStep()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => LinearStability.IsStable(1, 0));
        Assert.Equal("eta", ex.ParamName);
    }

    [Fact]
    public void Balanced_RejectsWidthsThatDoNotMatchTarget()
    {
        var ex = Assert.Throws<ArgumentException>(() => Balanced.FromTarget(M(2, 3), [2, 2, 3]));
        Assert.Equal("widths", ex.ParamName);
        Assert.Contains("The target M is 2x3 but the widths need d_L x d_0 = 3x2", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void Factorization_RejectsLambdaThatIsNotFiniteAndPositive(double lambda)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => new Factorization([M(2, 2)], lambda: lambda));
        Assert.Equal("lambda", ex.ParamName);
    }

    [Fact]
    public void Minimizer_RejectsRegularizedPoint()
    {
        var point = new Factorization([M(2, 2), M(2, 2)], lambda: 0.5).WithTargetAtProduct();
        Assert.Equal(0.5, point.Lambda);
        var ex = Assert.Throws<ArgumentException>(() => Minimizer.Of(point));
        Assert.Equal("point", ex.ParamName);
        Assert.Contains("is regularized (lambda = 0.5)", ex.Message, StringComparison.Ordinal);
    }
}

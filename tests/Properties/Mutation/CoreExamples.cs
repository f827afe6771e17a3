// Fixed examples of the core types (Tolerance, Factorization, Minimizer, Balancedness) with exact expected values.
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Theory;
using Xunit;

namespace Sharpness.Tests.Properties.Mutation;

public sealed class CoreExamples
{
    private static Matrix<double> Scalar(double x) => Matrix<double>.Build.Dense(1, 1, x);

    [Fact]
    public void Tolerance_Bound_IsAbsolutePlusRelativeTimesScale()
    {
        var rule = new Tolerance(1, 0.5);
        Assert.Equal(2, rule.Bound(2));
        Assert.True(rule.IsClose(3, 1, 2)); // |3 - 1| = 2 <= 2: the bound itself is close
        Assert.False(rule.IsClose(Math.BitIncrement(3.0), 1, 2));
        Assert.True(rule.IsClose(1, 2, 0)); // the absolute part alone at scale 0
    }

    [Fact]
    public void Tolerance_ToString_StatesTheRule() =>
        Assert.Equal("|actual - expected| <= 0 + 1E-09 * scale", new Tolerance(0, 1e-9).ToString());

    [Fact]
    public void Tolerance_InfinityIsNotCloseToAFiniteValueOrTheOtherInfinity()
    {
        var rule = new Tolerance(1e300, 1);
        Assert.False(rule.IsClose(1, double.PositiveInfinity, 1));
        Assert.False(rule.IsClose(double.NegativeInfinity, double.PositiveInfinity, 1));
        Assert.True(rule.IsClose(double.NegativeInfinity, double.NegativeInfinity, 0));
    }

    [Fact]
    public void Tolerance_RejectsANegativeScale_ByName()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Tolerance(0, 1).IsClose(1, 1, -1));
        Assert.Contains("scale must be finite and non-negative but is -1", ex.Message, StringComparison.Ordinal);
        Assert.True(new Tolerance(0, 1).IsClose(1, 1, 0));
    }

    [Fact]
    public void Factorization_ResidualAndItsScale_AreFrobeniusNorms()
    {
        // W = (1, -2), M = 3: product -2, residual |3 - (-2)| = 5, scale |M| + |W_2| |W_1| = 3 + 2 = 5.
        var point = new Factorization([Scalar(1), Scalar(-2)], Scalar(3));
        Assert.Equal(5, point.ResidualNorm);
        Assert.Equal(5, point.ResidualScale);
        Assert.False(point.IsMinimizer());
        Assert.True(point.IsMinimizer(new Tolerance(0, 1)));
        Assert.Equal(-2, point.Product()[0, 0]);
        Assert.Equal(2, point.ParameterCount);
        Assert.Equal(3, point.Target[0, 0]);
        Assert.True(point.WithTargetAtProduct().IsMinimizer());
        Assert.Equal(7, point.WithTarget(Scalar(7)).Target[0, 0]);
    }

    [Fact]
    public void Factorization_ParameterCountAndPartialProducts_OfAMatrixChain()
    {
        // Widths 2, 3, 1: N = 6 + 3 = 9; A_1 = W_2, B_2 = W_1, A_2 = I_1, B_1 = I_2.
        var w1 = Matrix<double>.Build.Dense(3, 2, (i, j) => i + j + 1);
        var w2 = Matrix<double>.Build.Dense(1, 3, (_, j) => j - 1);
        var point = new Factorization([w1, w2]);
        Assert.Equal(9, point.ParameterCount);
        Assert.Equal([2, 3, 1], point.Widths);
        Assert.Equal(w2, point.LeftProduct(1));
        Assert.Equal(Matrix<double>.Build.DenseIdentity(1), point.LeftProduct(2));
        Assert.Equal(Matrix<double>.Build.DenseIdentity(2), point.RightProduct(1));
        Assert.Equal(w1, point.RightProduct(2));
        Assert.Equal(w2 * w1, point.Product());
        Assert.Equal(w1, point.Layer(1));
        Assert.Equal(2, point.Layers().Count);
    }

    [Fact]
    public void Minimizer_Of_AcceptsAPointWithinACustomTolerance()
    {
        var point = new Factorization([Scalar(1), Scalar(2)], Scalar(2.5));
        Assert.Throws<NotAMinimizerException>(() => Minimizer.Of(point));
        var w = Minimizer.Of(point, new Tolerance(0.5, 0));
        Assert.Equal(2, w.Depth);
        Assert.Equal(2, w.ParameterCount);
        Assert.Equal([1, 1, 1], w.Widths);
        Assert.Equal(2.5, w.Target[0, 0]);
        Assert.Equal(2, w.Layer(2)[0, 0]);
        Assert.Equal(2, w.Layers()[1][0, 0]);
        Assert.Equal(2, w.LeftProduct(1)[0, 0]);
        Assert.Equal(1, w.RightProduct(2)[0, 0]);
    }

    [Fact]
    public void NotAMinimizerException_KeepsResidualAndScale()
    {
        var ex = Assert.Throws<NotAMinimizerException>(() => Minimizer.Of(new Factorization([Scalar(1), Scalar(-2)], Scalar(3))));
        Assert.Equal(5, ex.Residual);
        Assert.Equal(5, ex.Scale);
        Assert.Contains("(|actual - expected| <= 0 + 1E-12 * scale, scale ||M||_F + || |W_L|...|W_1| ||_F = 5).", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Balancedness_Imbalance_IsTheLargestGramDifference()
    {
        // w = (1, 2, 2): W_1 W_1^T - W_2^T W_2 = 1 - 4 = -3, W_2 W_2^T - W_3^T W_3 = 0: imbalance 3.
        var point = new Factorization([Scalar(1), Scalar(2), Scalar(2)]);
        Assert.Equal(3, Balancedness.Imbalance(point));
        Assert.False(Balancedness.IsBalanced(point));
        Assert.Equal(3, Balancedness.Imbalance(new Factorization([Scalar(2), Scalar(2), Scalar(1)])));
        Assert.True(Balancedness.IsBalanced(new Factorization([Scalar(-2), Scalar(2), Scalar(2)])));
        Assert.True(Balancedness.IsBalanced(new Factorization([Scalar(1), Scalar(2)]), new Tolerance(0, 0.75)));
        Assert.Equal(0, Balancedness.Imbalance(new Factorization([Scalar(5)])));
    }
}

// Fixed examples of REG Theorem 3 (claims REG-T3, REG-ISO) with exact expected values: each pins one term of
// eq. 17-18 or one branch of the correction at w = 0, which the random properties reach only on some draws.
using Sharpness.Theory.Regularized;
using Xunit;

namespace Sharpness.Tests.Properties.Mutation;

[Trait("Claim", "REG-T3")]
public sealed class Theorem3Examples
{
    [Fact]
    public void PrintedEigenvalues_DepthThree_AreFourLambdaOverLTwiceAndTheTopTerm()
    {
        // w = 2, lambda = 3, L = 3: 4 lambda/L = 4; 2 L w^(2L-2) + 4 lambda/L - 2 lambda = 6 * 16 + 4 - 6 = 94.
        Assert.Equal([4.0, 4.0, 94.0], Theorem3.PrintedEigenvalues(2, 3, 3));
    }

    [Fact]
    public void PrintedEigenvalues_AreAscending_WhenTheTopTermIsSmallest()
    {
        // w = 0.5, lambda = 1, L = 2: 4 lambda/L = 2 and 2 * 2 * 0.25 + 2 - 2 = 1, listed first.
        Assert.Equal([1.0, 2.0], Theorem3.PrintedEigenvalues(0.5, 1, 2));
    }

    [Fact]
    public void PrintedLambdaMax_IsTheTopTermPlusFourLambdaOverL_WhenPositive()
    {
        // max{6 * 16 - 6, 0} + 4 = 94.
        Assert.Equal(94.0, Theorem3.PrintedLambdaMax(2, 3, 3));
    }

    [Fact]
    public void PrintedLambdaMax_ClampsTheNegativeTermAtZero()
    {
        // max{2 * 2 * 0.25 - 2, 0} + 4/2 = 0 + 2.
        Assert.Equal(2.0, Theorem3.PrintedLambdaMax(0.5, 1, 2));
    }

    [Fact]
    public void Eigenvalues_NotCollapsed_AreThePrintedOnes()
    {
        Assert.Equal([4.0, 4.0, 94.0], Theorem3.Eigenvalues(8, 2, 3, 3));
        Assert.Equal(94.0, Theorem3.LambdaMax(8, 2, 3, 3));
    }

    [Fact]
    public void Eigenvalues_CollapsedDepthTwo_AreLambdaMinusAndPlusTwoAbsM()
    {
        // L = 2, w = 0: Hessian [[lambda, -2m], [-2m, lambda]], eigenvalues lambda -+ 2|m| (here m = -1, lambda = 3).
        Assert.Equal([1.0, 5.0], Theorem3.Eigenvalues(-1, 0, 3, 2));
        Assert.Equal(5.0, Theorem3.LambdaMax(-1, 0, 3, 2));
    }

    [Fact]
    public void Eigenvalues_CollapsedDepthThree_AreTwoLambdaOverL()
    {
        // L >= 3, w = 0: Hessian (2 lambda/L) I.
        Assert.Equal([2.0, 2.0, 2.0], Theorem3.Eigenvalues(1, 0, 3, 3));
        Assert.Equal(1.5, Theorem3.LambdaMax(1, 0, 3, 4));
    }

    [Theory]
    [InlineData(1.0, 2.0, 2, true)]
    [InlineData(-1.0, 2.0, 2, true)]
    [InlineData(0.0, 2.0, 2, false)]
    [InlineData(1.0, 3.0, 2, false)]
    [InlineData(1.0, 2.0, 3, false)]
    [Trait("Claim", "REG-ISO")]
    public void IsHessianSingular_OnlyAtDepthTwoAndLambdaTwoAbsM(double m, double lambda, int depth, bool singular) =>
        Assert.Equal(singular, Theorem3.IsHessianSingular(m, lambda, depth));

    [Fact]
    public void Eigenvalues_RejectNegativeW()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Theorem3.Eigenvalues(1, -1, 1, 2));
        Assert.Equal("w", ex.ParamName);
        Assert.Contains("w must be non-negative but is -1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PrintedLambdaMax_RejectsZeroLambda()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Theorem3.PrintedLambdaMax(1, 0, 2));
        Assert.Equal("lambda", ex.ParamName);
        Assert.Contains("lambda must be positive but is 0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PrintedEigenvalues_RejectDepthOne()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Theorem3.PrintedEigenvalues(1, 1, 1));
        Assert.Equal("depth", ex.ParamName);
    }

    [Fact]
    public void IsHessianSingular_RejectsNaNTarget()
    {
        var ex = Assert.Throws<ArgumentException>(() => Theorem3.IsHessianSingular(double.NaN, 1, 2));
        Assert.Equal("m", ex.ParamName);
        Assert.Contains("m must be finite but is NaN", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Eigenvalues_RejectInfiniteTarget()
    {
        var ex = Assert.Throws<ArgumentException>(() => Theorem3.Eigenvalues(double.PositiveInfinity, 0, 1, 2));
        Assert.Equal("m", ex.ParamName);
        Assert.Contains("m must be finite but is +Infinity", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsHessianSingular_RejectsDepthOne()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Theorem3.IsHessianSingular(1, 2, 1));
        Assert.Equal("depth", ex.ParamName);
    }
}

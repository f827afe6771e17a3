// Fixed examples of EXACT eq. 31 and 35 (claim EXACT-MM) with exact expected values, at a target (m = 8, L = 3)
// where every exponent of eq. 31 gives a different power of 2.
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Theory;
using Sharpness.Theory.Exact;
using Xunit;

namespace Sharpness.Tests.Properties.Mutation;

[Trait("Claim", "EXACT-MM")]
public sealed class MulayoffMichaeliExamples
{
    private static Matrix<double> Scalar(double x) => Matrix<double>.Build.Dense(1, 1, x);

    [Fact]
    public void FlatValue_IsTwoLTimesSmaxToTheTwoMinusTwoOverL()
    {
        // 2 L smax(M)^(2 (1 - 1/L)): L = 3, smax = 8 gives 6 * 8^(4/3) = 96; L = 2 gives 4 * 8 = 32; L = 1 gives 2.
        var target = Matrix<double>.Build.DenseOfDiagonalArray([1, -8]);
        Assert.Equal(96, MulayoffMichaeli.FlatValue(target, 3), 12);
        Assert.Equal(32, MulayoffMichaeli.FlatValue(target, 2), 12);
        Assert.Equal(2, MulayoffMichaeli.FlatValue(target, 1), 12);
    }

    [Fact]
    public void LowerBound_IsTheFlatValueOfTheMinimizersTargetAndDepth()
    {
        var w = Minimizer.OfProduct([Scalar(1), Scalar(2), Scalar(4)]);
        Assert.Equal(96, MulayoffMichaeli.LowerBound(w), 12);
    }

    [Theory]
    [InlineData(1, 4.0, 1.0)]
    [InlineData(2, 2.0, 2.0)]
    [InlineData(3, 1.0, 4.0)]
    public void FlatPartialProductNorms_AreAbsMToOneMinusKOverLAndKMinusOneOverL(int k, double left, double right)
    {
        // m = -8, L = 3: smax(A_k) = 8^(1 - k/3), smax(B_k) = 8^((k - 1)/3).
        Assert.Equal(left, MulayoffMichaeli.FlatLeftProductNorm(-8, 3, k), 12);
        Assert.Equal(right, MulayoffMichaeli.FlatRightProductNorm(-8, 3, k), 12);
    }

    [Fact]
    public void HasFlatPartialProductNorms_BalancedChain_IsTrue()
    {
        // w = (2, 2, 2): A_k = 2^(3-k), B_k = 2^(k-1), as eq. 31 says for m = 8.
        Assert.True(MulayoffMichaeli.HasFlatPartialProductNorms(Minimizer.OfProduct([Scalar(2), Scalar(-2), Scalar(-2)])));
    }

    [Fact]
    public void HasFlatPartialProductNorms_UnbalancedChain_IsFalse()
    {
        // w = (1, 2, 4): A_1 = 8 where eq. 31 wants 4.
        Assert.False(MulayoffMichaeli.HasFlatPartialProductNorms(Minimizer.OfProduct([Scalar(1), Scalar(2), Scalar(4)])));
    }

    [Fact]
    public void HasFlatPartialProductNorms_OnlyTheLastLayerOff_IsFalse()
    {
        // w = (2, 4, 1): A_1 = 4 and B_1 = 1 match eq. 31, B_2 = 2 matches, A_2 = 1 does not (wants 2).
        Assert.False(MulayoffMichaeli.HasFlatPartialProductNorms(Minimizer.OfProduct([Scalar(2), Scalar(4), Scalar(1)])));
    }

    [Fact]
    public void HasFlatPartialProductNorms_RejectsMatrixEnds()
    {
        var w = Minimizer.OfProduct([Matrix<double>.Build.Dense(2, 2, 1), Matrix<double>.Build.Dense(1, 2, 1)]);
        var ex = Assert.Throws<ArgumentException>(() => MulayoffMichaeli.HasFlatPartialProductNorms(w));
        Assert.Equal("minimizer", ex.ParamName);
        Assert.Contains("Eq. 31 needs scalar ends but d_0 = 2 and d_L = 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FlatLeftProductNorm_RejectsLayerIndexOutsideOneToL()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => MulayoffMichaeli.FlatLeftProductNorm(8, 3, 4));
        Assert.Equal("k", ex.ParamName);
        Assert.Contains("must be a layer index in 1..3 but is 4", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => MulayoffMichaeli.FlatRightProductNorm(8, 3, 0));
    }

    [Fact]
    public void FlatProductNorms_RejectNaN()
    {
        Assert.Equal("m", Assert.Throws<ArgumentException>(() => MulayoffMichaeli.FlatLeftProductNorm(double.NaN, 3, 1)).ParamName);
        Assert.Equal("m", Assert.Throws<ArgumentException>(() => MulayoffMichaeli.FlatRightProductNorm(double.NaN, 3, 1)).ParamName);
    }

    [Fact]
    public void FlatValue_RejectsDepthZeroAndNonFiniteTarget()
    {
        Assert.Equal("depth", Assert.Throws<ArgumentOutOfRangeException>(() => MulayoffMichaeli.FlatValue(Scalar(1), 0)).ParamName);
        var ex = Assert.Throws<ArgumentException>(() => MulayoffMichaeli.FlatValue(Scalar(double.NaN), 2));
        Assert.Contains("The target M has a non-finite entry NaN at row 1, column 1", ex.Message, StringComparison.Ordinal);
    }
}

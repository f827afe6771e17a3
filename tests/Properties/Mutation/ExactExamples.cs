// Fixed examples of EXACT formulas with exact expected values (claims EXACT-L3, EXACT-RANK, EXACT-STAB, EXACT-C7,
// EXACT-C10, EXACT-TRACE), on small chains where every term of a formula gives a different number.
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Oracles;
using Sharpness.Theory;
using Sharpness.Theory.Exact;
using Xunit;

namespace Sharpness.Tests.Properties.Mutation;

public sealed class ExactExamples
{
    private static Matrix<double> Scalar(double x) => Matrix<double>.Build.Dense(1, 1, x);

    // w = (1, 2, 4), m = 8: A_1 = 8, A_2 = 4, A_3 = 1; B_1 = 1, B_2 = 1, B_3 = 2; products smax(A_k) smax(B_k) = 8, 4, 2.
    private static Minimizer Chain() => Minimizer.OfProduct([Scalar(1), Scalar(2), Scalar(4)]);

    [Fact]
    [Trait("Claim", "EXACT-L3")]
    public void Lemma3_Hessian_IsTwoKTransposeK_AndEqualsTheOracle()
    {
        // K = [B_1^T (x) A_1, B_2^T (x) A_2, B_3^T (x) A_3] = [8, 4, 2]: H = 2 K^T K.
        var w = Chain();
        Assert.Equal(Matrix<double>.Build.DenseOfArray(new double[,] { { 8, 4, 2 } }), Lemma3.Jacobian(w));
        var expected = Matrix<double>.Build.DenseOfArray(new double[,] { { 128, 64, 32 }, { 64, 32, 16 }, { 32, 16, 8 } });
        Assert.Equal(expected, Lemma3.Hessian(w));
        Assert.True((new LossLandscape(w.Layers(), w.Target).DenseHessian() - expected).FrobeniusNorm() <= 1e-12 * expected.FrobeniusNorm());
    }

    [Fact]
    [Trait("Claim", "EXACT-L3")]
    public void Lemma3_Jacobian_OfAMatrixChain_HasOneKroneckerBlockPerLayer()
    {
        // Widths 2, 2, 1: K is 2 x 6 (d_L d_0 = 2, N = 4 + 2); its Gram K K^T is the Kronecker sum of Theorem 5.
        var w = Minimizer.OfProduct([Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2 }, { 3, 4 } }), Matrix<double>.Build.DenseOfArray(new double[,] { { 5, 6 } })]);
        var k = Lemma3.Jacobian(w);
        Assert.Equal(2, k.RowCount);
        Assert.Equal(6, k.ColumnCount);
        Assert.True((new LossLandscape(w.Layers(), w.Target).DenseHessian() - Lemma3.Hessian(w)).FrobeniusNorm() <= 1e-12 * Lemma3.Hessian(w).FrobeniusNorm());
        Assert.Equal(2 * (k * k.Transpose()).Evd().EigenValues.Real().Maximum(), Theorem5.LambdaMax(w), 9);
    }

    [Fact]
    [Trait("Claim", "EXACT-RANK")]
    public void HessianRank_ZeroEigenvalueFraction_IsOneMinusEndsProductOverN()
    {
        // Widths 2, 5, 3: N = 10 + 15 = 25, rank <= 6, so at least 19/25 of the eigenvalues vanish.
        Assert.Equal(6, HessianRank.UpperBound([2, 5, 3]));
        Assert.Equal(19.0 / 25.0, HessianRank.ZeroEigenvalueFraction([2, 5, 3]), 15);
        Assert.Equal(0, HessianRank.ZeroEigenvalueFraction([1, 1]), 15);
        // d_0 d_L can exceed N only through widths that are infeasible; at widths 3, 3 the bound is N = 9.
        Assert.Equal(9, HessianRank.UpperBound([3, 3]));
    }

    [Fact]
    [Trait("Claim", "EXACT-STAB")]
    public void LinearStability_MaxStableStep_IsTwoOverLambdaMax_OrInfinityAtZero()
    {
        Assert.Equal(0.5, LinearStability.MaxStableStep(4));
        Assert.Equal(double.PositiveInfinity, LinearStability.MaxStableStep(0));
        // -0 passes the non-negativity check, and 2 / -0 would be -Infinity: the zero branch is what keeps it +Infinity.
        Assert.Equal(double.PositiveInfinity, LinearStability.MaxStableStep(-0.0));
    }

    [Fact]
    [Trait("Claim", "EXACT-STAB")]
    public void LinearStability_IsStable_IncludesTheThreshold()
    {
        Assert.True(LinearStability.IsStable(4, 0.5));
        Assert.False(LinearStability.IsStable(4, Math.BitIncrement(0.5)));
        Assert.True(LinearStability.IsStable(0, 1e300));
    }

    [Fact]
    [Trait("Claim", "EXACT-STAB")]
    public void LinearStability_DeviationNorms_AreTheLinearizedGdIterates()
    {
        // H = diag(2, 6), eta = 0.25: x_(t+1) = (I - eta H) x_t = diag(0.5, -0.5) x_t from x_0 = (3, 4): norms 5, 2.5, 1.25.
        var norms = LinearStability.DeviationNorms(Matrix<double>.Build.DenseOfDiagonalArray([2, 6]), [3.0, 4.0], 0.25, 2);
        Assert.Equal([5.0, 2.5, 1.25], norms);
        Assert.Equal([5.0], LinearStability.DeviationNorms(Matrix<double>.Build.DenseOfDiagonalArray([2, 6]), [3.0, 4.0], 0.25, 0));
    }

    [Fact]
    [Trait("Claim", "EXACT-C7")]
    public void Corollary7_FlatProduct_IsAbsMToTheOneMinusOneOverL()
    {
        Assert.Equal(4, Corollary7.FlatProduct(-8, 3), 12);
        Assert.Equal(1, Corollary7.FlatProduct(-8, 1), 12);
        Assert.False(Corollary7.IsFlat(Chain()));
        Assert.True(Corollary7.IsFlat(Minimizer.OfProduct([Scalar(-2), Scalar(2), Scalar(-2)])));
    }

    [Fact]
    [Trait("Claim", "EXACT-C10")]
    public void Corollary10_UpperBound_IsTwiceTheSumOfSquaredProducts()
    {
        // 2 (8^2 + 4^2 + 2^2) = 168, above lambda_max = 2 (64 + 16 + 4) = 168 (scalar ends: equal, Theorem 4).
        Assert.Equal(168, Corollary10.UpperBound(Chain()), 12);
        Assert.Equal(168, Theorem4.LambdaMax(Chain()), 12);
        Assert.False(Corollary10.SatisfiesFlatnessCondition(Chain()));
        Assert.True(Corollary10.SatisfiesFlatnessCondition(Minimizer.OfProduct([Scalar(2), Scalar(2), Scalar(2)])));
    }

    [Fact]
    [Trait("Claim", "EXACT-C10")]
    public void Corollary10_SatisfiesFlatnessCondition_FailsWhenOnlyTheLastProductIsOff()
    {
        // w = (2, 4, 1): products smax(A_k) smax(B_k) = 4, 2, 8 against 8^(2/3) = 4 (only k = 1 matches).
        Assert.False(Corollary10.SatisfiesFlatnessCondition(Minimizer.OfProduct([Scalar(2), Scalar(4), Scalar(1)])));
        Assert.Equal([4.0, 2.0, 8.0], PartialProducts.SpectralNormProducts(Minimizer.OfProduct([Scalar(2), Scalar(4), Scalar(1)]).Point));
    }

    [Fact]
    [Trait("Claim", "EXACT-TRACE")]
    public void HessianTrace_IsTwiceTheSumOfSquaredFrobeniusProducts()
    {
        // 2 sum_i ||A_i||_F^2 ||B_i||_F^2 = 2 (64 + 16 + 4) = 168 for the scalar chain; = tr(2 K^T K).
        Assert.Equal(168, HessianTrace.Trace(Chain()), 12);
        Assert.Equal(Lemma3.Hessian(Chain()).Trace(), HessianTrace.Trace(Chain()), 12);
    }

    [Fact]
    [Trait("Claim", "EXACT-TRACE")]
    public void HessianTrace_DepthTwoTraceFlatValue_IsFourSqrtD0DLTimesTheNuclearNorm()
    {
        // M = diag(3, -1): 4 sqrt(2 * 2) (3 + 1) = 32; the 1x2 target [3 4] (nuclear norm 5): 4 sqrt(2) 5.
        Assert.Equal(32, HessianTrace.DepthTwoTraceFlatValue(Matrix<double>.Build.DenseOfDiagonalArray([3, -1])), 12);
        Assert.Equal(20 * Math.Sqrt(2), HessianTrace.DepthTwoTraceFlatValue(Matrix<double>.Build.DenseOfArray(new double[,] { { 3, 4 } })), 12);
    }

    [Fact]
    [Trait("Claim", "EXACT-TRACE")]
    public void HessianTrace_IsFrobeniusBalanced_ComparesTheTwoLayerNorms()
    {
        Assert.True(HessianTrace.IsFrobeniusBalanced(Minimizer.OfProduct([Scalar(2), Scalar(-2)])));
        Assert.False(HessianTrace.IsFrobeniusBalanced(Minimizer.OfProduct([Scalar(1), Scalar(4)])));
        Assert.False(HessianTrace.IsFrobeniusBalanced(Minimizer.OfProduct([Scalar(4), Scalar(1)])));
    }

    [Fact]
    [Trait("Claim", "EXACT-C8")]
    public void Corollary8_IsFlat_NeedsBothNormsAtSqrtSmaxM()
    {
        Assert.True(Corollary8.IsFlat(Minimizer.OfProduct([Scalar(2), Scalar(2)])));
        Assert.False(Corollary8.IsFlat(Minimizer.OfProduct([Scalar(1), Scalar(4)])));
        Assert.False(Corollary8.IsFlat(Minimizer.OfProduct([Scalar(4), Scalar(1)])));
    }

    [Fact]
    [Trait("Claim", "EXACT-C6")]
    public void Corollary6_LambdaMax_IsTwiceTheSumOfSquaredLayerNorms()
    {
        // 2 (smax(L)^2 + smax(R)^2) = 2 (16 + 1) = 34 for w = (1, 4).
        Assert.Equal(34, Corollary6.LambdaMax(Minimizer.OfProduct([Scalar(1), Scalar(4)])), 12);
        Assert.Equal(34, Corollary6.LambdaMax(Minimizer.OfProduct([Scalar(4), Scalar(1)])), 12);
    }

    [Fact]
    public void Direction_FromVector_IsTheInverseOfToVector()
    {
        // Blocks in layer order, each column-major: U_1 (2x1) = (1, 2), U_2 (1x2) = (3, 4).
        var u = Direction.FromVector([1, 2, 1], [1.0, 2.0, 3.0, 4.0]);
        Assert.Equal(2, u.Depth);
        Assert.Equal(Matrix<double>.Build.DenseOfArray(new double[,] { { 1 }, { 2 } }), u.Part(1));
        Assert.Equal(Matrix<double>.Build.DenseOfArray(new double[,] { { 3, 4 } }), u.Part(2));
        Assert.Equal([1.0, 2.0, 3.0, 4.0], u.ToVector());
        Assert.Equal(Math.Sqrt(30), u.Norm, 14);
        var ex = Assert.Throws<ArgumentException>(() => Direction.FromVector([1, 2, 1], [1.0, 2.0, 3.0]));
        Assert.Equal("vector", ex.ParamName);
        Assert.Contains("The vector has length 3 but the widths need 4", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Direction_Fits_ChecksDepthAndEveryBlockShape()
    {
        var point = new Factorization([Matrix<double>.Build.Dense(2, 1), Matrix<double>.Build.Dense(1, 2)]);
        Assert.True(Direction.FromVector([1, 2, 1], [1.0, 2.0, 3.0, 4.0]).Fits(point));
        Assert.False(new Direction([Matrix<double>.Build.Dense(2, 1, 1)]).Fits(point));
        Assert.False(new Direction([Matrix<double>.Build.Dense(2, 1, 1), Matrix<double>.Build.Dense(2, 1, 1)]).Fits(point));
        Assert.False(new Direction([Matrix<double>.Build.Dense(1, 2, 1), Matrix<double>.Build.Dense(1, 2, 1)]).Fits(point));
    }

    [Fact]
    public void Direction_Normalized_HasUnitNorm()
    {
        var u = new Direction([Scalar(3), Scalar(4)]).Normalized();
        Assert.Equal(1, u.Norm, 15);
        Assert.Equal(0.6, u.Part(1)[0, 0], 15);
    }
}

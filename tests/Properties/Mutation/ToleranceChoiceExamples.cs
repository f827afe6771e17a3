// The scale each flatness and balance test is judged at, and the caller's tolerance taking the place of the default:
// fixed scalar minimizers whose verdict flips between the documented scale (the larger of the two sides) and the smaller,
// and between a loose caller's rule and the default Tolerance.Flatness.
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Theory;
using Sharpness.Theory.Exact;
using Xunit;

namespace Sharpness.Tests.Properties.Mutation;

public sealed class ToleranceChoiceExamples
{
    // w = (W_1, W_2) = (1, 4), M = 4: smax(A_1) smax(B_1) = 4, smax(A_2) smax(B_2) = 1, the flat value sqrt(4) = 2.
    // |4 - 2| = 2 is within 0.6 of the larger side 4 (2.4) but not of the smaller 2 (1.2); |1 - 2| = 1 within 0.6 * 2.
    private static readonly Minimizer OneFour = Minimizer.OfProduct([Scalar(1), Scalar(4)]);

    private static readonly Tolerance Loose = new(0, 0.6);

    private static Matrix<double> Scalar(double x) => Matrix<double>.Build.Dense(1, 1, x);

    [Fact]
    public void Corollary10_SatisfiesFlatnessCondition_JudgesAtTheLargerOfValueAndProducts_WithTheCallersRule()
    {
        Assert.True(Corollary10.SatisfiesFlatnessCondition(OneFour, Loose));
        Assert.False(Corollary10.SatisfiesFlatnessCondition(OneFour));
    }

    [Fact]
    public void Corollary7_IsFlat_UsesTheCallersRule() =>
        Assert.True(Corollary7.IsFlat(OneFour, Loose));

    [Fact]
    public void Corollary8_IsFlat_JudgesAtTheLargestOfRootAndBothNorms_WithTheCallersRule()
    {
        // sL = 4, sR = 1, sqrt(smax(M)) = 2: the scale is max(2, 4, 1) = 4, not 2 (min of root and the larger norm)
        // nor max(2, min(4, 1)) = 2.
        Assert.True(Corollary8.IsFlat(OneFour, Loose));
        Assert.False(Corollary8.IsFlat(OneFour));
    }

    [Fact]
    public void Corollary8_IsFlat_NeedsBothNorms_NotEither()
    {
        // L = diag(2, 1), R = diag(2, 3): M = diag(4, 3), sqrt(smax(M)) = 2 = smax(L) but smax(R) = 3.
        var r = Matrix<double>.Build.DenseOfDiagonalArray([2.0, 3.0]);
        var l = Matrix<double>.Build.DenseOfDiagonalArray([2.0, 1.0]);
        Assert.False(Corollary8.IsFlat(Minimizer.OfProduct([r, l])));
        Assert.False(Corollary8.IsFlat(Minimizer.OfProduct([l, r])));
    }

    [Fact]
    public void MulayoffMichaeli_HasFlatPartialProductNorms_JudgesEachAtTheLargerSide_WithTheCallersRule()
    {
        // smax(A_1) = 4 against |m|^(1/2) = 2, smax(B_2) = 1 against 2: within 0.6 of 4 and of 2, not of 2 and of 1.
        Assert.True(MulayoffMichaeli.HasFlatPartialProductNorms(OneFour, Loose));
        Assert.False(MulayoffMichaeli.HasFlatPartialProductNorms(OneFour));
    }

    [Fact]
    public void HessianTrace_IsTraceFlat_UsesTheCallersRule()
    {
        // trace 2 (4^2 + 1^2) = 34 against 4 sqrt(1 * 1) * 4 = 16: |34 - 16| = 18 <= 0.6 * 34.
        Assert.Equal(34, HessianTrace.Trace(OneFour), 12);
        Assert.True(HessianTrace.IsTraceFlat(OneFour, Loose));
        Assert.False(HessianTrace.IsTraceFlat(OneFour));
    }

    [Fact]
    public void HessianTrace_IsFrobeniusBalanced_JudgesAtTheLargerNorm_WithTheCallersRule()
    {
        // ||L||_F = 4, ||R||_F = 1: |4 - 1| = 3 <= 0.8 * 4 but > 0.8 * 1.
        Assert.True(HessianTrace.IsFrobeniusBalanced(OneFour, new Tolerance(0, 0.8)));
        Assert.False(HessianTrace.IsFrobeniusBalanced(OneFour));
    }

    [Fact]
    public void Balancedness_IsBalanced_JudgesAtTheLargestSquaredLayerNorm_WithTheCallersRule()
    {
        // w = (1, sqrt(1.8)): imbalance |1 - 1.8| = 0.8 <= 0.5 * max(1, 1.8) = 0.9 but > 0.5 * min(1, 1.8) = 0.5.
        var point = new Factorization([Scalar(1), Scalar(Math.Sqrt(1.8))]);
        Assert.True(Balancedness.IsBalanced(point, new Tolerance(0, 0.5)));
        Assert.False(Balancedness.IsBalanced(point));
    }

    [Theory]
    [InlineData(nameof(Corollary8))]
    [InlineData(nameof(Corollary6))]
    [InlineData(nameof(HessianTrace.IsTraceFlat))]
    [InlineData(nameof(HessianTrace.IsFrobeniusBalanced))]
    public void DepthTwoStatements_RejectDepthThree_ByName(string statement)
    {
        var deep = Minimizer.OfProduct([Scalar(1), Scalar(1), Scalar(1)]);
        Action call = statement switch
        {
            nameof(Corollary8) => () => Corollary8.IsFlat(deep),
            nameof(Corollary6) => () => Corollary6.MaximizingDirection(deep),
            nameof(HessianTrace.IsTraceFlat) => () => HessianTrace.IsTraceFlat(deep),
            _ => () => HessianTrace.IsFrobeniusBalanced(deep),
        };
        var ex = Assert.Throws<ArgumentException>(call);
        Assert.Equal("minimizer", ex.ParamName);
        Assert.Contains("This depth-2 statement needs L = 2 but the minimizer has depth 3.", ex.Message, StringComparison.Ordinal);
    }
}

// Fixed examples of the regularized members' choices: which of two tied end-to-end minimizers each singular value takes
// (bit j of tieChoice), the caller's tolerances of the stationarity and value tests, and the checks and messages the
// suite's other regularized examples do not reach.
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Theory;
using Sharpness.Theory.Regularized;
using Xunit;
using static Sharpness.Tests.Properties.Mutation.ArgumentAssert;

namespace Sharpness.Tests.Properties.Mutation;

public sealed class RegularizedChoiceExamples
{
    private static Matrix<double> Scalar(double x) => Matrix<double>.Build.Dense(1, 1, x);

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(3, true)]
    [Trait("Claim", "ABS-UNIQ")]
    public void RegularizedMatrixMinimizer_FromTarget_BitJOfTieChoicePicksTheNonzeroMinimizerOfSingularValueJ(int tieChoice, bool spread)
    {
        // M = diag(2, 1), L = 3, lambda = lambda_c(1): s_2 = 1 is tied between rho = 0 and rho = 1/2 (REG eq. 10), s_1 = 2
        // is below its own lambda_c and has one minimizer. Bit 1 of tieChoice picks s_2's; bit 0 has no tie to break.
        var lambda = CriticalLambda.Of(1, 3);
        Assert.Equal([0, 0.5], ScalarEndToEnd.GlobalMinimizers(1, lambda, 3).Select(r => Math.Round(r, 9)));
        var rho1 = Assert.Single(ScalarEndToEnd.GlobalMinimizers(2, lambda, 3));
        var point = RegularizedMatrixMinimizer.FromTarget(Matrix<double>.Build.DenseOfDiagonalArray([2, 1]), [2, 2, 2, 2], lambda, new Random(7), tieChoice);
        var s = point.Product().Svd(computeVectors: false).S;
        Assert.Equal(rho1, s[0], 9);
        Assert.Equal(spread ? 0.5 : 0, s[1], 9);
    }

    [Fact]
    public void RegularizedMatrixMinimizer_FromTarget_ChecksTargetAndWidths()
    {
        AssertArgument<ArgumentException>("target", "The target M has a non-finite entry NaN",
            () => RegularizedMatrixMinimizer.FromTarget(Scalar(double.NaN), [1, 1, 1], 1, new Random(1)));
        AssertArgument<ArgumentException>("widths", "The target M is 1x1 but the widths need d_L x d_0 = 1x2.",
            () => RegularizedMatrixMinimizer.FromTarget(Scalar(1), [2, 1, 1], 1, new Random(1)));
    }

    [Fact]
    [Trait("Claim", "REG-T2")]
    public void RegularizedMinimum_IsStationaryAndIsGlobalMinimizer_UseTheCallersTolerances()
    {
        // m = 3, lambda = 2, L = 2: w = (1, 1) has gradient norm 2 sqrt 2 (not stationary); the origin is stationary with
        // loss 9 against the minimum 5. A rule wide enough accepts each.
        var moving = new Factorization([Scalar(1), Scalar(1)], Scalar(3), 2);
        var origin = new Factorization([Scalar(0), Scalar(0)], Scalar(3), 2);
        Assert.False(RegularizedMinimum.IsStationary(moving));
        Assert.True(RegularizedMinimum.IsStationary(moving, new Tolerance(3, 0)));
        Assert.False(RegularizedMinimum.IsGlobalMinimizer(origin));
        Assert.True(RegularizedMinimum.IsGlobalMinimizer(origin, valueTolerance: new Tolerance(4, 0)));
        Assert.False(RegularizedMinimum.IsGlobalMinimizer(origin, valueTolerance: new Tolerance(3.9, 0)));
    }

    [Fact]
    [Trait("Claim", "REG-T3")]
    public void RegularizedScalarSharpness_IsScalar_NeedsEveryWidthOne_AndTheMessageSaysWhenLambdaIsMissing()
    {
        // Widths (1, 2, 1): both ends are 1, the hidden width is not.
        var hidden = new Factorization([Matrix<double>.Build.Dense(2, 1, 1), Matrix<double>.Build.Dense(1, 2, 1)], Scalar(2), 1);
        Assert.False(RegularizedScalarSharpness.IsScalar(hidden));
        AssertArgument<ArgumentException>("point", "got widths (1, 1, 1), lambda none.",
            () => RegularizedScalarSharpness.MinimizerMagnitude(new Factorization([Scalar(1), Scalar(1)], Scalar(1))));
    }

    [Fact]
    public void Tolerance_InfinityIsNotCloseToAFiniteValue_EvenWhereTheBoundOverflows()
    {
        // 1e10 * 1e300 overflows to +Infinity: |Infinity - 1| <= Infinity would hold, the rule still says no.
        var rule = new Tolerance(0, 1e10);
        Assert.True(double.IsPositiveInfinity(rule.Bound(1e300)));
        Assert.False(rule.IsClose(double.PositiveInfinity, 1, 1e300));
        Assert.False(rule.IsClose(1, double.NegativeInfinity, 1e300));
        Assert.True(rule.IsClose(double.PositiveInfinity, double.PositiveInfinity, 1e300));
    }
}

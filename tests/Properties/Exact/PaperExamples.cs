// Fixed examples from the papers and the smallest counterexamples the suite found, beside the properties.
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Oracles;
using Sharpness.Theory;
using Sharpness.Theory.Constructions;
using Sharpness.Theory.Exact;
using Sharpness.Theory.Linear;
using Sharpness.Verification;
using Sharpness.Verification.Claims.Exact;
using Xunit;

namespace Sharpness.Tests.Properties.Exact;

public sealed class PaperExamples
{
    [Fact]
    [Trait("Claim", "EXACT-CE")]
    public void ExactCe_DiagElevenTwoOne_LambdaMaxIs44_NotBalanced()
    {
        var ce = Section6Counterexample.Minimizer();
        var dense = Oracle.Dense(ce);

        Assert.Equal(44, Corollary6.LambdaMax(ce), 12);
        Assert.Equal(44, Theorem5.LambdaMax(ce), 12);
        Assert.Equal(44, dense.LambdaMax, 10);
        Assert.Equal(44, MulayoffMichaeli.FlatValue(ce.Target, 2), 12);
        Assert.False(Balancedness.IsBalanced(ce.Point));
        Assert.Equal(112.0 / 9.0, Math.Pow(ce.Layer(2).FrobeniusNorm(), 2), 12);
        Assert.Equal(21, Math.Pow(ce.Layer(1).FrobeniusNorm(), 2), 12);
        Assert.False(HessianTrace.IsFrobeniusBalanced(ce));
    }

    [Fact]
    [Trait("Claim", "EXACT-TRACE")]
    public void ExactTrace_CounterexampleIsLambdaMaxFlatButNotTraceFlat()
    {
        var ce = Section6Counterexample.Minimizer();
        var balanced = Balanced.FromTarget(ce.Target, ce.Widths);

        // trace = 2 (d_0 ||L||^2 + d_L ||R||^2) = 6 (112/9 + 21) = 602/3 against the trace-flat 4 * 3 * 14 = 168.
        Assert.Equal(602.0 / 3.0, HessianTrace.Trace(ce), 10);
        Assert.Equal(168, HessianTrace.DepthTwoTraceFlatValue(ce.Target), 10);
        Assert.Equal(168, HessianTrace.Trace(balanced), 10);
        Assert.False(HessianTrace.IsTraceFlat(ce));
        Assert.True(Corollary8.IsFlat(ce));
    }

    [Fact]
    [Trait("Claim", "EXACT-TRACE")]
    public void ExactTrace_TraceFlatIsNotFrobeniusBalanced_SmallestCase()
    {
        // M = [1 0] (d_L = 1, d_0 = 2), k = 1: trace 2 (2 l^2 + r^2) with l r = 1 is smallest at l^4 = 1/2.
        var traceFlat = TraceFlat.DepthTwo(Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 0 } }), 1);

        Assert.Equal(Math.Sqrt(0.5), Math.Pow(traceFlat.Layer(2).FrobeniusNorm(), 2), 12);
        Assert.Equal(Math.Sqrt(2), Math.Pow(traceFlat.Layer(1).FrobeniusNorm(), 2), 12);
        Assert.False(HessianTrace.IsFrobeniusBalanced(traceFlat));
        Assert.Equal(4 * Math.Sqrt(2), Oracle.Landscape(traceFlat.Point).DenseHessian().Trace(), 10);
        Assert.Equal(6, HessianTrace.Trace(Balanced.FromTarget(traceFlat.Target, traceFlat.Widths)), 10);
    }

    [Fact]
    [Trait("Claim", "EXACT-MM")]
    public void ExactMm_Eq31Fails_AtZeroTarget_SmallestCase()
    {
        // L = 3, widths 1, w = (1, 0, 0): the loss (w_3 w_2 w_1)^2 has a zero Hessian here, so the point is flat,
        // but eq. 31 demands smax(B_2) = |w_1| = 0.
        var w = Minimizer.Of(new Factorization(
            [Matrix<double>.Build.Dense(1, 1, 1), Matrix<double>.Build.Dense(1, 1, 0), Matrix<double>.Build.Dense(1, 1, 0)],
            Matrix<double>.Build.Dense(1, 1, 0)));

        Assert.Equal(0, Oracle.Dense(w).LambdaMax);
        Assert.Equal(0, MulayoffMichaeli.FlatValue(w.Target, 3));
        Assert.True(Corollary7.IsFlat(w));
        Assert.Equal(1, w.RightProduct(2)[0, 0]);
        Assert.Equal(0, MulayoffMichaeli.FlatRightProductNorm(0, 3, 2));
        Assert.False(MulayoffMichaeli.HasFlatPartialProductNorms(w));
    }

    [Fact]
    [Trait("Claim", "EXACT-T5")]
    public void ExactT5_SwappedKroneckerOrder_IsAnEquivalentMutantForTheValue()
    {
        // sum_i Q_i (x) P_i and sum_i P_i (x) Q_i are similar through the perfect shuffle, so no property of the
        // value can reject the swap; the direction property does (ExactT5_Rejects_SwappedKroneckerEigenvector).
        var w = Unbalanced.Gaussian([3, 4, 2], new Random(7));

        Assert.Equal(Theorem5.LambdaMax(w), 2 * ExactT5.SwappedOperator(w).TopEigenpair().Value, 10);
    }

    [Fact]
    [Trait("Claim", "EXACT-T5")]
    public void ExactT5_LambdaMaxEqualsLanczos_AtOverHundredThousandParameters()
    {
        // N = 5*320 + 320*320 + 320*5 = 105,600: far beyond a dense Hessian; the Kronecker sum is only 25-dimensional.
        var w = Unbalanced.Gaussian([5, 320, 320, 5], new Random(11), scale: 1 / Math.Sqrt(320));
        Assert.True(w.ParameterCount >= 100_000);
        var lanczos = Lanczos.Largest(Oracle.Landscape(w.Point).HessianOperator());

        Assert.True(Tolerance.LanczosOracle.IsClose(Theorem5.LambdaMax(w), lanczos.Eigenvalue, lanczos.Eigenvalue),
            $"Theorem 5 {Theorem5.LambdaMax(w):R} vs Lanczos {lanczos.Eigenvalue:R} (residual {lanczos.Residual:G3})");
    }

    [Fact]
    [Trait("Claim", "EXACT-T5")]
    public void ExactT5_KrylovPath_MatchesLanczos_BeyondMaterializeLimit()
    {
        // d_0 d_L = 441 > 400: the theory applies the Kronecker sum matrix-free and iterates.
        var w = Unbalanced.Gaussian([21, 24, 21], new Random(3), scale: 0.3);
        Assert.True(KroneckerSumOperator.MaterializeLimit < 21 * 21);
        var lanczos = Lanczos.Largest(Oracle.Landscape(w.Point).HessianOperator());

        Assert.True(Tolerance.LanczosOracle.IsClose(Theorem5.LambdaMax(w), lanczos.Eigenvalue, lanczos.Eigenvalue),
            $"Theorem 5 {Theorem5.LambdaMax(w):R} vs Lanczos {lanczos.Eigenvalue:R}");
    }
}

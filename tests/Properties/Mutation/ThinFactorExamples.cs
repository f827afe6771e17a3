// Fixed examples for the closed form's thin-factor path (KroneckerSumOperator applies A_k A_k^T or B_k^T B_k through the
// factor when an end is more than twice as wide as the layer next to it) and Theorem 4's scalar-ends check: the Stryker run
// of 2026-12-02 found the thin path reached by no test at ten cases per property.
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Oracles;
using Sharpness.Theory;
using Sharpness.Theory.Constructions;
using Sharpness.Theory.Exact;
using Xunit;
using static Sharpness.Tests.Properties.Mutation.ArgumentAssert;

namespace Sharpness.Tests.Properties.Mutation;

public sealed class ThinFactorExamples
{
    [Theory]
    [InlineData(new[] { 1, 1, 3 })] // a wide output end: A_1 = W_2 (3 x 1) applied as A (A^T X)
    [InlineData(new[] { 3, 1, 1 })] // a wide input end: B_2 = W_1 (1 x 3) applied as (X B^T) B
    [InlineData(new[] { 1, 2, 5, 5 })] // depth 3: A_1 = W_3 W_2 (5 x 2) thin, A_2 = W_3 (5 x 5) as its Gram
    public void Theorem5_ThroughThinFactors_EqualsTheDenseOracle(int[] widths)
    {
        var minimizer = Unbalanced.Gaussian(widths, new Random(11));
        var oracle = DenseSpectrum.Eigenvalues(new LossLandscape(minimizer.Layers(), minimizer.Target).DenseHessian())[^1];
        Assert.Equal(oracle, Theorem5.LambdaMax(minimizer), 10);
    }

    [Fact]
    public void Theorem4_MaximizingDirection_NeedsScalarEnds()
    {
        var minimizer = Unbalanced.Gaussian([2, 2, 1], new Random(12));
        AssertArgument<ArgumentException>("minimizer", "Theorem 4 needs scalar ends d_0 = d_L = 1 but d_0 = 2 and d_L = 1.", () => Theorem4.MaximizingDirection(minimizer));
    }
}

// Fixed examples for the closed form's thin-factor path (KroneckerSumOperator applies A_k A_k^T or B_k^T B_k through the
// factor when an end is more than twice as wide as the layer next to it) and Theorem 4's scalar-ends check: the Stryker run
// of 2026-12-02 found the thin path reached by no test at ten cases per property.
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Oracles;
using Sharpness.Theory;
using Sharpness.Theory.Constructions;
using Sharpness.Theory.Exact;
using Sharpness.Theory.Linear;
using Xunit;
using static Sharpness.Tests.Properties.Mutation.ArgumentAssert;

namespace Sharpness.Tests.Properties.Mutation;

public sealed class ThinFactorExamples
{
    // Two ways of summing a few products of Gaussian matrices of width <= 220: rounding differs by ~220 * 2^-52 relative.
    private const double ProductRoundoff = 1e-12;

    // Up to d_0 d_L = 400 the operator is materialized (each side's Gram formed, thin or not); {2, 2, 220} and {220, 2, 2} (440) take the
    // Krylov path, where the thin factors are applied as A (A^T X) and (X B^T) B.
    [Theory]
    [InlineData(new[] { 1, 1, 3 })] // a wide output end: A_1 = W_2 (3 x 1) thin
    [InlineData(new[] { 3, 1, 1 })] // a wide input end: B_2 = W_1 (1 x 3) thin
    [InlineData(new[] { 1, 2, 5, 5 })] // depth 3: A_1 = W_3 W_2 (5 x 2) thin, A_2 = W_3 (5 x 5) as its Gram
    [InlineData(new[] { 2, 2, 220 })] // A_1 = W_2 (220 x 2) thin, through the Krylov iteration
    [InlineData(new[] { 220, 2, 2 })] // B_2 = W_1 (2 x 220) thin, through the Krylov iteration
    public void Theorem5_ThroughThinFactors_EqualsTheDenseOracle(int[] widths)
    {
        var minimizer = Unbalanced.Gaussian(widths, new Random(11));
        var oracle = DenseSpectrum.Eigenvalues(new LossLandscape(minimizer.Layers(), minimizer.Target).DenseHessian())[^1];
        Assert.Equal(oracle, Theorem5.LambdaMax(minimizer), 10);
    }

    // The matrix-free apply itself, X -> sum_i P_i X Q_i, against the sum formed densely from the partial products: the
    // Stryker run of 2026-12-02 (evening) found the thin left factor's A (A^T X) reached by no test at ten cases per property.
    [Theory]
    [InlineData(new[] { 1, 1, 3 })]
    [InlineData(new[] { 3, 1, 1 })]
    [InlineData(new[] { 1, 2, 5, 5 })]
    [InlineData(new[] { 2, 2, 220 })]
    [InlineData(new[] { 220, 2, 2 })]
    public void Theorem5_OperatorApply_ThroughThinFactors_IsTheSumOfTerms(int[] widths)
    {
        var minimizer = Unbalanced.Gaussian(widths, new Random(13));
        var x = Matrix<double>.Build.Random(widths[^1], widths[0], 14);
        var expected = Matrix<double>.Build.Dense(widths[^1], widths[0]);
        for (var i = 1; i < widths.Length; i++)
        {
            var a = minimizer.LeftProduct(i);
            var b = minimizer.RightProduct(i);
            expected += a * a.Transpose() * x * b.Transpose() * b;
        }

        var actual = KroneckerSumOperator.AtMinimizer(minimizer).Apply(x);
        Assert.True((actual - expected).FrobeniusNorm() <= ProductRoundoff * expected.FrobeniusNorm(), $"widths ({string.Join(", ", widths)}): {actual} vs {expected}");
    }

    [Fact]
    public void Theorem4_MaximizingDirection_NeedsScalarEnds()
    {
        var minimizer = Unbalanced.Gaussian([2, 2, 1], new Random(12));
        AssertArgument<ArgumentException>("minimizer", "Theorem 4 needs scalar ends d_0 = d_L = 1 but d_0 = 2 and d_L = 1.", () => Theorem4.MaximizingDirection(minimizer));
    }
}

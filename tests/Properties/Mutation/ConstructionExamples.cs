// Fixed examples of the constructions, the core argument checks and the messages they print, each at the input that
// separates the checked condition from a plausible wrong one (one end wrong instead of both, a boundary width or
// position, a random hidden basis against the identity columns).
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Theory;
using Sharpness.Theory.Constructions;
using Sharpness.Theory.Exact;
using Xunit;
using static Sharpness.Tests.Properties.Mutation.ArgumentAssert;

namespace Sharpness.Tests.Properties.Mutation;

public sealed class ConstructionExamples
{
    private static Matrix<double> Diagonal(params double[] values) => Matrix<double>.Build.DenseOfDiagonalArray(values);

    [Fact]
    public void Widths_RejectAWrongOutputEndAlone()
    {
        // d_0 = 1 matches the 1x1 target, d_L = 2 does not: one mismatched end is enough.
        AssertArgument<ArgumentException>("widths", "The target M is 1x1 but the widths need d_L x d_0 = 2x1.", () => Balanced.FromTarget(M(1, 1), [1, 2]));
        AssertArgument<ArgumentException>("widths", "The target M is 1x1 but the widths need d_L x d_0 = 1x2.", () => Balanced.FromTarget(M(1, 1), [2, 1]));
    }

    [Fact]
    public void Constructions_CheckTheirWidths()
    {
        AssertArgument<ArgumentException>("widths", "The target M is 1x1 but the widths need d_L x d_0 = 1x2.",
            () => ScalarFlat.WithComplementNoise(1, [2, 1], new Random(1), 0));
        AssertArgument<ArgumentException>("widths", "Infeasible widths (2, 1, 2): every d_i must be >= min(d_0, d_L) = 2",
            () => SpectralBalanced.DepthTwo(Diagonal(2, 1), 1, [0.5]));
        AssertArgument<ArgumentException>("widths", "Infeasible widths (2, 1, 2): every d_i must be >= min(d_0, d_L) = 2",
            () => TraceFlat.DepthTwo(Diagonal(2, 1), 1));
    }

    [Fact]
    public void Unbalanced_Gaussian_AcceptsDepthOneAndWidthOne()
    {
        // Two widths (L = 1) and widths of 1 are the smallest valid input.
        var w = Unbalanced.Gaussian([1, 1], new Random(3));
        Assert.Equal(1, w.Depth);
        Assert.Equal([1, 1], w.Widths);
    }

    [Fact]
    public void SpectralBalanced_AcceptsPositionsAtBothEndsOfTheInterval_AndNamesEveryPositionWhenOneIsOutside()
    {
        // M = diag(4, 2, 1), sqrt(s_1) = 2: t_2 in [1, 2] at position 0 is 1, t_3 in [1/2, 2] at position 1 is 2.
        var w = SpectralBalanced.DepthTwo(Diagonal(4, 2, 1), 3, [0, 1]);
        Assert.Equal(1, Math.Abs(w.Layer(1)[1, 1]), 12);
        Assert.Equal(2, Math.Abs(w.Layer(1)[2, 2]), 12);
        Assert.True(Corollary8.IsFlat(w));
        AssertArgument<ArgumentException>("positions", "Need 2 positions in [0, 1], one per singular value after the first; got (0.5, 2).",
            () => SpectralBalanced.DepthTwo(Diagonal(4, 2, 1), 3, [0.5, 2]));
    }

    [Fact]
    public void Constructions_WithARandom_DrawTheHiddenBasis()
    {
        // Without a random the hidden basis is the identity columns: W_1 = S^(1/2) is diagonal. With one it is a rotation.
        var target = Diagonal(4, 1);
        static bool IsDiagonal(Matrix<double> x) => Math.Abs(x[0, 1]) + Math.Abs(x[1, 0]) < 1e-12;
        Assert.True(IsDiagonal(Balanced.FromTarget(target, [2, 2, 2]).Layer(1)));
        Assert.False(IsDiagonal(Balanced.FromTarget(target, [2, 2, 2], new Random(5)).Layer(1)));
        Assert.True(IsDiagonal(TraceFlat.DepthTwo(target, 2).Layer(1)));
        Assert.False(IsDiagonal(TraceFlat.DepthTwo(target, 2, new Random(5)).Layer(1)));
        Assert.True(IsDiagonal(SpectralBalanced.DepthTwo(target, 2, [0.5]).Layer(1)));
        Assert.False(IsDiagonal(SpectralBalanced.DepthTwo(target, 2, [0.5], new Random(5)).Layer(1)));
    }

    [Fact]
    public void Gauge_Apply_RejectsAConditionNumberOfExactly1e12()
    {
        // G = diag(1e12, 1): its singular values are exact, so its condition number is 1e12, the first one refused.
        var w = Minimizer.OfProduct([Diagonal(1, 1), Diagonal(1, 1)]);
        AssertArgument<ArgumentException>("hidden", "G[1] is singular or nearly so (condition number 1E+12).", () => Gauge.Apply(w, [Diagonal(1e12, 1)]));
    }

    [Fact]
    public void Factorization_Messages_NameTheLayerAndTheWidths()
    {
        AssertArgument<ArgumentException>("layers", "A factorization needs at least one layer W[1].", () => _ = new Factorization([]));
        AssertArgument<ArgumentException>("layers", "W[2] is 1x3 but W[1] has 2 rows: W[2] needs 2 columns.", () => _ = new Factorization([M(2, 2), M(1, 3)]));
        AssertArgument<ArgumentException>("layers", "Infeasible widths (2, 1, 2): hidden width d_1 = 1 is below min(d_0, d_L) = 2",
            () => _ = new Factorization([M(1, 2), M(2, 1)]));
        Assert.Equal([2, 1, 2], new Factorization([M(1, 2), M(2, 1)], M(2, 2), 1).Widths);
        AssertArgument<ArgumentException>("target", "The target M has a non-finite entry NaN at row 1, column 1.",
            () => _ = new Factorization([M(1, 1)], M(1, 1, double.NaN)));
    }

    [Fact]
    public void Factorization_LayerIndexOutsideOneToL_IsRejected()
    {
        var point = new Factorization([M(1, 1), M(1, 1)]);
        AssertArgument<ArgumentOutOfRangeException>("k", "k must be a layer index in 1..2 but is 0.", () => point.Layer(0));
        AssertArgument<ArgumentOutOfRangeException>("k", "k must be a layer index in 1..2 but is 3.", () => point.LeftProduct(3));
        AssertArgument<ArgumentOutOfRangeException>("k", "k must be a layer index in 1..2 but is 0.", () => point.RightProduct(0));
    }

    [Fact]
    public void Preconditions_DescribeInfinityWithItsSign_AndFiniteValuesToSixDigits()
    {
        // eta = +Infinity fails eta <= 0, so only the finiteness check rejects it.
        AssertArgument<ArgumentException>("eta", "eta must be finite but is +Infinity.", () => LinearStability.IsStable(1, double.PositiveInfinity));
        AssertArgument<ArgumentException>("eta", "eta must be finite but is NaN.", () => LinearStability.IsStable(1, double.NaN));
        AssertArgument<ArgumentOutOfRangeException>("eta", "eta must be positive but is -1.23457.", () => LinearStability.IsStable(1, -1.234567891));
    }

    [Fact]
    public void Lemma3_Differential_IsTheSumOfTheLayerTerms_AndChecksTheDirection()
    {
        // w = (1, 2), U = (1, 1): A_1 U_1 B_1 + A_2 U_2 B_2 = 2 * 1 * 1 + 1 * 1 * 1 = 3.
        var w = Minimizer.OfProduct([M(1, 1), M(1, 1, 2)]);
        var u = new Direction([M(1, 1), M(1, 1)]);
        Assert.Equal(3, Lemma3.Differential(w, u)[0, 0], 12);
        Assert.Equal(18, Lemma3.SecondDirectionalDerivative(w, u), 12);
        var wrong = new Direction([M(2, 1), M(1, 2)]);
        AssertArgument<ArgumentException>("direction", "The direction's blocks (2x1, 1x2) do not match the layers (widths 1, 1, 1).", () => Lemma3.Differential(w, wrong));
        AssertArgument<ArgumentException>("direction", "The direction's blocks (2x1, 1x2) do not match the layers (widths 1, 1, 1).",
            () => Lemma3.SecondDirectionalDerivative(w, wrong));
    }

    [Fact]
    public void HessianRank_UpperBound_RejectsNoWidths() =>
        AssertArgument<ArgumentException>("widths", "got ().", () => HessianRank.UpperBound([]));
}

// Fixed examples for REGM-LMAX and REGM-CONST's formulas and the regularized minimum at any widths: values in the regimes ten
// random cases per property reach only sometimes (both singular values collapsed, a pair at depth 3, the ratio sum), the order
// of a pair's partners, and every argument check with the message a user reads (the Stryker run of 2026-12-02 left these
// undetected). Each value is compared with the dense oracle at the same point, or is small enough to check by hand.
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Oracles;
using Sharpness.Theory;
using Sharpness.Theory.Certified;
using Sharpness.Theory.Constructions;
using Sharpness.Theory.Regularized;
using Xunit;
using static Sharpness.Tests.Properties.Mutation.ArgumentAssert;

namespace Sharpness.Tests.Properties.Mutation;

public sealed class RegularizedMatrixExamples
{
    // None, one or both of the tied pair of diag(3, 2, 2) keep their nonzero rho (bits 1 and 2).
    private static readonly int[] TieChoices = [0, 2, 6];

    private static Matrix<double> Diagonal(params double[] s) => Matrix<double>.Build.DenseOfDiagonalArray(s);

    private static double[] Oracle(Factorization point) =>
        DenseSpectrum.Eigenvalues(new LossLandscape(point.Layers(), point.Target, point.Lambda!.Value).DenseHessian());

    private static void AssertSpectrum(Factorization point)
    {
        var oracle = Oracle(point);
        var formula = RegularizedMatrixSharpness.Eigenvalues(point);
        Assert.Equal(oracle.Length, formula.Count);
        Assert.All(oracle.Zip(formula), e => Assert.Equal(e.First, e.Second, 9));
        Assert.Equal(oracle[^1], RegularizedMatrixSharpness.LambdaMax(point), 9);
    }

    [Theory]
    [InlineData(2, 4.0)] // L = 2, lambda = 4 > 2 s_j: both collapsed, blocks lambda -+ 2 s_j and the pair lambda -+ 2 s_j, lambda -+ 2 s_p
    [InlineData(3, 9.0)] // L = 3 above both thresholds: the Hessian is (2 lambda/L) I
    public void BothSingularValuesCollapsed_SpectrumIsTheOracles(int depth, double lambda)
    {
        var widths = Enumerable.Repeat(2, depth + 1).ToArray();
        AssertSpectrum(RegularizedMatrixMinimizer.FromTarget(Diagonal(1.5, 0.5), widths, lambda, new Random(3)));
    }

    [Theory]
    [InlineData(3, 0.3)]
    [InlineData(4, 0.2)]
    public void DistinctNonzeroPair_AtDepthThreeAndFour_SpectrumIsTheOracles(int depth, double lambda)
    {
        // Both singular values kept (lambda below both thresholds), a_1 != a_2: the pair's 2x2 block carries the ratio sum.
        var widths = Enumerable.Repeat(2, depth + 1).ToArray();
        AssertSpectrum(RegularizedMatrixMinimizer.FromTarget(Diagonal(3, 1), widths, lambda, new Random(4)));
    }

    [Fact]
    public void OneCollapsedPartner_SpectrumIsTheOracles_WhicheverComesFirst()
    {
        // L = 2, M = diag(3, 0.5), lambda = 2: s_1 kept (rho = 2), s_2 collapsed (0.5 < lambda/2).
        AssertSpectrum(RegularizedMatrixMinimizer.FromTarget(Diagonal(3, 0.5), [2, 2, 2], 2, new Random(5)));
        var a = Math.Sqrt(2);
        Assert.Equal(RegularizedMatrixSharpness.PairLambdaMax(3, a, 0.5, 0, 2, 2), RegularizedMatrixSharpness.PairLambdaMax(0.5, 0, 3, a, 2, 2), 14);
        Assert.Equal((2 * 2) + 2 + (2 * 0.5), RegularizedMatrixSharpness.PairLambdaMax(0.5, 0, 3, a, 2, 2), 12);
    }

    [Fact]
    public void PairLambdaMax_BothCollapsedAtDepthTwo_TakesTheLargerSingularValue()
    {
        Assert.Equal(10 + (2 * 3), RegularizedMatrixSharpness.PairLambdaMax(1, 0, 3, 0, 10, 2), 12);
        Assert.Equal(10 + (2 * 3), RegularizedMatrixSharpness.PairLambdaMax(3, 0, 1, 0, 10, 2), 12);
    }

    [Fact]
    public void PairLambdaMax_RejectsBadArguments()
    {
        AssertArgument<ArgumentException>("singularValues", "must be finite but is NaN", () => RegularizedMatrixSharpness.PairLambdaMax(double.NaN, 1, 1, 1, 1, 2));
        AssertArgument<ArgumentOutOfRangeException>("singularValues", "must be non-negative but is -1", () => RegularizedMatrixSharpness.PairLambdaMax(1, -1, 1, 1, 1, 2));
        AssertArgument<ArgumentOutOfRangeException>("lambda", "lambda must be positive but is 0", () => RegularizedMatrixSharpness.PairLambdaMax(1, 1, 1, 1, 0, 2));
        Assert.Equal("depth", Assert.Throws<ArgumentOutOfRangeException>(() => RegularizedMatrixSharpness.PairLambdaMax(1, 1, 1, 1, 1, 1)).ParamName);
    }

    [Fact]
    public void LambdaMaxAndEigenvalues_RejectBadLists()
    {
        Assert.Equal("singularValues", Assert.Throws<ArgumentNullException>(() => RegularizedMatrixSharpness.LambdaMax(null!, [1.0], 1, 2)).ParamName);
        Assert.Equal("magnitudes", Assert.Throws<ArgumentNullException>(() => RegularizedMatrixSharpness.LambdaMax([1.0], null!, 1, 2)).ParamName);
        Assert.Equal("widths", Assert.Throws<ArgumentNullException>(() => RegularizedMatrixSharpness.Eigenvalues([1.0], [1.0], 1, null!)).ParamName);
        AssertArgument<ArgumentOutOfRangeException>("singularValues", "must be non-negative but is -1", () => RegularizedMatrixSharpness.LambdaMax([1.0], [-1.0], 1, 2));
        AssertArgument<ArgumentException>("singularValues", "must be finite but is +Infinity", () => RegularizedMatrixSharpness.LambdaMax([double.PositiveInfinity], [1.0], 1, 2));
        AssertArgument<ArgumentOutOfRangeException>("lambda", "lambda must be positive but is -1", () => RegularizedMatrixSharpness.Eigenvalues([1.0], [1.0], -1, [1, 1, 1]));
        AssertArgument<ArgumentException>("singularValues", "must be finite but is NaN", () => RegularizedMatrixSharpness.Eigenvalues([double.NaN], [1.0], 1, [1, 1, 1]));
        Assert.Equal("depth", Assert.Throws<ArgumentOutOfRangeException>(() => RegularizedMatrixSharpness.Eigenvalues([1.0], [1.0], 1, [1, 1])).ParamName);
        AssertArgument<ArgumentException>("widths", "need r = min(d_0, d_L) = 2 singular values", () => RegularizedMatrixSharpness.Eigenvalues([1.0], [1.0], 1, [2, 2, 3]));
        Assert.Equal("point", Assert.Throws<ArgumentNullException>(() => RegularizedMatrixSharpness.IsInDomain(null!)).ParamName);
        Assert.Equal("point", Assert.Throws<ArgumentNullException>(() => RegularizedMatrixSharpness.LambdaMax(null!)).ParamName);
        Assert.Equal("point", Assert.Throws<ArgumentNullException>(() => RegularizedMatrixSharpness.Eigenvalues(null!)).ParamName);
        Assert.Equal("widths", Assert.Throws<ArgumentNullException>(() => RegularizedMatrixSharpness.FittedCount(null!)).ParamName);
    }

    [Fact]
    public void OutsideTheDomain_TheMessageNamesWidthsAndLambda()
    {
        var layer = Matrix<double>.Build.DenseIdentity(2);
        AssertArgument<ArgumentException>("point", "got widths (2, 2, 2), lambda none.", () => RegularizedMatrixSharpness.LambdaMax(new Factorization([layer, layer], Diagonal(1, 1))));
        AssertArgument<ArgumentException>("point", "got widths (2, 2), lambda 0.5.", () => RegularizedMatrixSharpness.LambdaMax(new Factorization([layer], Diagonal(1, 1), 0.5)));
    }

    [Fact]
    public void MagnitudesAt_RejectsBadArguments_AndTakesTieBitsInOrder()
    {
        AssertArgument<ArgumentException>("target", "The target M has a non-finite entry NaN", () => RegularizedMatrixSharpness.MagnitudesAt(Diagonal(double.NaN, 1), [2, 2, 2], 1, 0));
        AssertArgument<ArgumentOutOfRangeException>("lambda", "lambda must be positive but is 0", () => RegularizedMatrixSharpness.MagnitudesAt(Diagonal(1, 1), [2, 2, 2], 0, 0));
        AssertArgument<ArgumentException>("widths", "The target M is 2x2 but the widths need d_L x d_0 = 3x2", () => RegularizedMatrixSharpness.MagnitudesAt(Diagonal(1, 1), [2, 2, 3], 1, 0));
        Assert.Equal("widths", Assert.Throws<ArgumentOutOfRangeException>(() => RegularizedMatrixSharpness.MagnitudesAt(Diagonal(1, 1), [2, 2], 1, 0)).ParamName);

        // M = diag(2, 2), L = 3, lambda = 3: each singular value on its tie (rho = 0 or 1); bit j keeps rho_j = 1.
        Assert.Equal([0.0, 1.0], RegularizedMatrixSharpness.MagnitudesAt(Diagonal(2, 2), [2, 2, 2, 2], 3, 2).Select(x => Math.Round(x, 12)));
        Assert.Equal([1.0, 0.0], RegularizedMatrixSharpness.MagnitudesAt(Diagonal(2, 2), [2, 2, 2, 2], 3, 1).Select(x => Math.Round(x, 12)));
        Assert.Equal([1.0], RegularizedMatrixSharpness.MagnitudesAt(Diagonal(2, 2), [2, 1, 2, 2], 3, -1).Select(x => Math.Round(x, 12)));
        var point = RegularizedMatrixMinimizer.FromTarget(Diagonal(2, 2), [2, 2, 2, 2], 3, new Random(6), 2);
        Assert.Equal([0.0, 1.0], RegularizedMatrixSharpness.Magnitudes(point).Order().Select(x => Math.Round(x, 12)));
    }

    [Fact]
    public void FlatValue_OnTheTieSet_IsTheLeastOverTheChoices()
    {
        // M = diag(3, 2, 2), L = 3, lambda = 3 = lambda_c(2, 3): s_1 kept, the tied pair each 0 or 1: the flat value against the
        // dense oracle at all three choices (none, one or both of the tied pair kept).
        var target = Diagonal(3, 2, 2);
        var least = TieChoices.Min(choice => Oracle(RegularizedMatrixMinimizer.FromTarget(target, [3, 3, 3, 3], 3, new Random(7), choice))[^1]);
        Assert.Equal(least, RegularizedMatrixSharpness.FlatValue(target, [3, 3, 3, 3], 3), 9);
    }

    [Fact]
    public void RegularizedMinimum_Value_ChecksItsArguments()
    {
        AssertArgument<ArgumentOutOfRangeException>("lambda", "lambda must be positive but is 0", () => RegularizedMinimum.Value(Diagonal(1, 1), 1, 0));
        Assert.Contains("'1'", Assert.Throws<ArgumentOutOfRangeException>(() => RegularizedMinimum.Value(Diagonal(1, 1), 0, 1)).Message, StringComparison.Ordinal);
        AssertArgument<ArgumentException>("target", "The target M has a non-finite entry NaN", () => RegularizedMinimum.Value(Diagonal(double.NaN, 1), [2, 1, 2], 1));
        AssertArgument<ArgumentException>("widths", "The target M is 2x2 but the widths need d_L x d_0 = 3x2", () => RegularizedMinimum.Value(Diagonal(1, 1), [2, 1, 3], 1));
        Assert.Equal(0.5 / 1.5 * 5, RegularizedMinimum.Value(Diagonal(2, 1), [2, 2], 0.5), 12);
    }

    [Fact]
    public void RegularizedMinimum_ValueScale_SumsOverSingularValues_AndUsesLambdaAtZero()
    {
        // diag(3, 1), L = 2, lambda = 2: (9 + 2 * 3) + (1 + 2 * 1) = 18; M = 0, L = 3: lambda^(3/2).
        Assert.Equal(18, RegularizedMinimum.ValueScale(Diagonal(3, 1), 2, 2), 12);
        Assert.Equal(Math.Pow(4, 1.5), RegularizedMinimum.ValueScale(Diagonal(0, 0), 3, 4), 12);
        Assert.Equal(0, RegularizedMinimum.ValueScale(Diagonal(0, 0), 1, 4));
        AssertArgument<ArgumentException>("target", "The target M has a non-finite entry NaN", () => RegularizedMinimum.ValueScale(Diagonal(double.NaN), 2, 1));
        AssertArgument<ArgumentOutOfRangeException>("lambda", "lambda must be positive but is 0", () => RegularizedMinimum.ValueScale(Diagonal(1), 2, 0));
        Assert.Equal("depth", Assert.Throws<ArgumentOutOfRangeException>(() => RegularizedMinimum.ValueScale(Diagonal(1), 0, 1)).ParamName);
    }

    [Fact]
    public void RegularizedMatrixMinimizer_ChecksItsArguments()
    {
        AssertArgument<ArgumentOutOfRangeException>("lambda", "lambda must be positive but is 0", () => RegularizedMatrixMinimizer.FromTarget(Diagonal(1, 1), [2, 2, 2], 0, new Random(1)));
        Assert.Equal("random", Assert.Throws<ArgumentNullException>(() => RegularizedMatrixMinimizer.FromTarget(Diagonal(1, 1), [2, 2, 2], 1, null!)).ParamName);
        AssertArgument<ArgumentOutOfRangeException>("lambda", "lambda must be positive but is 0", () => RegularizedMatrixMinimizer.IsOnExceptionalSet(Diagonal(1, 1), 3, 0));
        Assert.Equal("depth", Assert.Throws<ArgumentOutOfRangeException>(() => RegularizedMatrixMinimizer.IsOnExceptionalSet(Diagonal(1, 1), 1, 1)).ParamName);
        AssertArgument<ArgumentOutOfRangeException>("lambda", "lambda must be positive but is 0", () => RegularizedMatrixMinimizer.LayerFrobeniusSquared(Diagonal(1, 1), 3, 0));
        Assert.Equal("depth", Assert.Throws<ArgumentOutOfRangeException>(() => RegularizedMatrixMinimizer.LayerFrobeniusSquared(Diagonal(1, 1), 1, 1)).ParamName);

        // Bit 1 alone keeps the second tied singular value: layers with singular values (0, 1).
        var point = RegularizedMatrixMinimizer.FromTarget(Diagonal(2, 2), [2, 2, 2, 2], 3, new Random(2), 2);
        Assert.Equal([1.0, 0.0], point.Layer(1).Svd(false).S.Select(x => Math.Round(x, 12)));
    }

    [Fact]
    public void ScalarEndToEnd_GlobalMinimizers_AtDepthThree_IsTheStationaryRoot()
    {
        // L = 3, m = 2, lambda = 1 (below lambda_c = 3): the nonzero minimizer solves rho - m + (lambda/L) rho^(-1/3) = 0.
        var rho = ScalarEndToEnd.GlobalMinimizers(2, 1, 3).Single();
        Assert.Equal(0, rho - 2 + (Math.Pow(rho, -1.0 / 3) / 3), 14);
        AssertArgument<ArgumentException>("m", "m must be finite but is NaN", () => ScalarEndToEnd.GlobalMinimizers(double.NaN, 1, 3));
        Assert.Equal([0.0], ScalarEndToEnd.GlobalMinimizers(0, 1, 3));
    }

    [Fact]
    public void EnclosedClosedForms_CriticalLambdaAndTheorem3_CheckTheirArguments()
    {
        Assert.True(EnclosedClosedForms.CriticalLambda(1, 2).Contains(2));
        Assert.True(EnclosedClosedForms.CriticalLambda(2, 3).Contains(3));
        AssertArgument<ArgumentException>("m", "m must be finite but is NaN", () => EnclosedClosedForms.CriticalLambda(double.NaN, 3));
        Assert.Equal("depth", Assert.Throws<ArgumentOutOfRangeException>(() => EnclosedClosedForms.CriticalLambda(1, 1)).ParamName);
        AssertArgument<ArgumentException>("m", "m must be finite but is NaN", () => EnclosedClosedForms.Theorem3Eigenvalues(double.NaN, 0, 1, 3));
    }

    [Fact]
    public void SpectralBalanced_RankDeficientTarget_PutsTheZeroSingularValueWhereThePositionSays()
    {
        // M = diag(4, 0): top = sqrt 4 = 2 on both layers; the zero singular value goes to W_1 at position 0.5 of top, W_2 gets 0.
        var w = SpectralBalanced.DepthTwo(Diagonal(4, 0), 2, [0.5], new Random(8));
        Assert.Equal([2.0, 1.0], w.Layer(1).Svd(false).S.Select(x => Math.Round(x, 12)));
        Assert.Equal([2.0, 0.0], w.Layer(2).Svd(false).S.Select(x => Math.Round(x, 12)));
    }

    [Fact]
    public void Constructions_RejectANullRandom()
    {
        Assert.Equal("random", Assert.Throws<ArgumentNullException>(() => ScalarFlat.WithComplementNoise(1, [1, 2, 1], null!, 0.1)).ParamName);
        Assert.Equal("random", Assert.Throws<ArgumentNullException>(() => Unbalanced.Gaussian([1, 2, 1], null!)).ParamName);
        Assert.Equal(3, RandomMatrices.Orthonormal(3, 0, new Random(1)).RowCount);
    }
}

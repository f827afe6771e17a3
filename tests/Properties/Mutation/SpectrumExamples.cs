// Fixed examples for the spectrum formulas of EXACT-SPEC, GHOSH-BAL and SINGH-RANK: the order they promise, the caller's
// tolerance, and every argument check with the message a user reads (the 2026-12-02 Stryker run left these undetected).
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Theory;
using Sharpness.Theory.Exact;
using Xunit;
using static Sharpness.Tests.Properties.Mutation.ArgumentAssert;

namespace Sharpness.Tests.Properties.Mutation;

public sealed class SpectrumExamples
{
    // M = diag(2, 1) at the balanced depth-2 minimizer W_1 = W_2 = diag(sqrt 2, 1).
    private static Minimizer DiagonalTwoOne()
    {
        var layer = Matrix<double>.Build.DenseOfDiagonalArray([Math.Sqrt(2), 1]);
        return Minimizer.OfProduct([layer, layer]);
    }

    [Fact]
    public void HessianSpectrum_KroneckerSumEigenvalues_AreDescending()
    {
        var values = HessianSpectrum.KroneckerSumEigenvalues(DiagonalTwoOne());
        Assert.Equal(values.OrderDescending(), values);
        Assert.True(values[0] > values[^1]);
    }

    [Fact]
    public void HessianSpectrum_NonzeroEigenvalues_UseTheCallersTolerance()
    {
        var all = HessianSpectrum.NonzeroEigenvalues(DiagonalTwoOne());
        var strict = HessianSpectrum.NonzeroEigenvalues(DiagonalTwoOne(), new Tolerance(0, 0.5));
        Assert.True(strict.Count < all.Count, $"{strict.Count} vs {all.Count}");
        Assert.Equal(all[0], strict[0]);
    }

    [Fact]
    public void BalancedSpectrum_Eigenvalues_AreDescending()
    {
        // GHOSH-BAL at s = (4, 1), widths (2, 2, 2): the pair values 2 (s_i + s_j) and the diagonal 2 L s_i^(2(L-1)/L).
        var values = BalancedSpectrum.Eigenvalues([4, 1], [2, 2, 2]);
        Assert.Equal(values.OrderDescending(), values);
        Assert.Equal([16.0, 10.0, 10.0, 4.0], values.Select(x => Math.Round(x, 12)));
    }

    [Fact]
    public void BalancedSpectrum_RejectsBadWidthsAndSingularValues()
    {
        Assert.Equal("singularValues", Assert.Throws<ArgumentNullException>(() => BalancedSpectrum.Eigenvalues(null!, [1, 1])).ParamName);
        Assert.Equal("widths", Assert.Throws<ArgumentNullException>(() => BalancedSpectrum.Eigenvalues([1], null!)).ParamName);
        AssertArgument<ArgumentException>("widths", "Need widths d_0..d_L (L >= 1), all positive; got (2).", () => BalancedSpectrum.Eigenvalues([1], [2]));
        AssertArgument<ArgumentException>("widths", "Infeasible widths (2, 1, 2): every d_i must be >= min(d_0, d_L) = 2 (EXACT eq. 17).",
            () => BalancedSpectrum.Eigenvalues([1], [2, 1, 2]));
        AssertArgument<ArgumentException>("singularValues", "Need at most min(d_0, d_L) = 2 finite non-negative singular values; got (1, -1).",
            () => BalancedSpectrum.Eigenvalues([1, -1], [2, 2]));
        AssertArgument<ArgumentException>("singularValues", "got (1, 1, 1).", () => BalancedSpectrum.Eigenvalues([1, 1, 1], [2, 2]));
        AssertArgument<ArgumentException>("singularValues", "min(d_0, d_L) = 2 finite", () => BalancedSpectrum.Eigenvalues([1, 1, 1], [2, 3]));
        Assert.Equal([2.0, 2.0, 2.0, 2.0], BalancedSpectrum.Eigenvalues([1], [2, 2]).Select(x => Math.Round(x, 12)));
    }

    [Fact]
    public void BalancedSpectrum_SingularValues_RejectNonFiniteTargets()
    {
        AssertArgument<ArgumentException>("target", "The target M has a non-finite entry NaN",
            () => BalancedSpectrum.SingularValues(Matrix<double>.Build.DenseOfArray(new[,] { { 1, double.NaN } })));
        Assert.Equal([5.0], BalancedSpectrum.SingularValues(Matrix<double>.Build.DenseOfArray(new double[,] { { 3, 4 } })).Select(x => Math.Round(x, 12)));
    }

    [Fact]
    public void ZeroResidualRank_GeneralPosition_RejectsBadWidths()
    {
        Assert.Equal("widths", Assert.Throws<ArgumentNullException>(() => ZeroResidualRank.GeneralPosition(null!)).ParamName);
        AssertArgument<ArgumentException>("widths", "Need widths d_0..d_L (L >= 1), all positive; got (3).", () => ZeroResidualRank.GeneralPosition([3]));
        AssertArgument<ArgumentException>("widths", "got (3, 0, 3).", () => ZeroResidualRank.GeneralPosition([3, 0, 3]));
        Assert.Equal(5, ZeroResidualRank.GeneralPosition([3, 1, 3]));
        Assert.Equal(6, HessianRank.UpperBound([2, 3]));
    }
}

// GHOSH-BAL: the catalogue's properties, the wrong formulas they must reject, and the smallest counterexamples of the
// printed two-case form.
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Theory;
using Sharpness.Theory.Exact;
using Sharpness.Verification;
using Xunit;

namespace Sharpness.Tests.Properties.Exact;

[Trait("Claim", "GHOSH-BAL")]
public sealed class GhoshBalTests
{
    [Fact]
    public void GhoshBal_SumFormEqualsDenseOracle_AtBalancedMinimizers() => ClaimAssert.Holds("GHOSH-BAL", "SumFormEqualsDenseOracle");

    [Fact]
    public void GhoshBal_PrintedFormUndefinedAtTies() => ClaimAssert.Holds("GHOSH-BAL", "PrintedFormUndefinedAtTies");

    [Fact]
    public void GhoshBal_Rejects_PrintedTwoCaseForm() => ClaimAssert.Rejects("GHOSH-BAL", "PrintedTwoCaseForm");

    [Fact]
    public void GhoshBal_Rejects_SingularValuesNotSquared() => ClaimAssert.Rejects("GHOSH-BAL", "SingularValuesNotSquared");

    [Fact]
    public void GhoshBal_Rejects_DiagonalPairsOnly() => ClaimAssert.Rejects("GHOSH-BAL", "DiagonalPairsOnly");

    [Fact]
    public void GhoshBal_Rejects_ZeroToTheZeroIsZero() => ClaimAssert.Rejects("GHOSH-BAL", "ZeroToTheZeroIsZero");

    [Fact]
    public void GhoshBal_Rejects_DroppedFactorTwo() => ClaimAssert.Rejects("GHOSH-BAL", "DroppedFactorTwo");

    /// <summary>M = I_2, L = 2, W_1 = W_2 = I_2: Hessian eigenvalues 4 (four times) and 0; the printed form is 0/0 at (1,2), (2,1).</summary>
    [Fact]
    public void GhoshBal_IdentityTwoByTwo_PrintedFormIsZeroOverZeroAtTheTie()
    {
        var identity = Matrix<double>.Build.DenseIdentity(2);
        var dense = Oracle.Dense(Minimizer.OfProduct([identity, identity]));
        Assert.Equal([0, 0, 0, 0, 4, 4, 4, 4], dense.Eigenvalues.Select(e => Math.Round(e, 12) + 0.0));
        Assert.Equal([4.0, 4, 4, 4], BalancedSpectrum.Eigenvalues([1, 1], [2, 2, 2]));
        var printed = BalancedSpectrum.PrintedEigenvalues([1, 1], [2, 2, 2]);
        Assert.Equal(4, printed[0]);
        Assert.True(double.IsNaN(printed[1]) && double.IsNaN(printed[2]), $"printed (1,2), (2,1): {printed[1]}, {printed[2]}");
        Assert.Equal(4, printed[3]);
    }

    /// <summary>Depth 1, M = [0 0]: the Hessian is 2 I_2; the sum form gives 2 at both pairs (0^0 = 1), the printed form 0/0 at (1, 2).</summary>
    [Fact]
    public void GhoshBal_DepthOneZeroRow_PrintedFormLosesTheEigenvalueTwo()
    {
        Assert.Equal([2.0, 2], BalancedSpectrum.Eigenvalues([0], [2, 1]));
        var printed = BalancedSpectrum.PrintedEigenvalues([0], [2, 1]);
        Assert.Equal(2, printed[0]);
        Assert.True(double.IsNaN(printed[1]));
    }

    [Fact]
    public void BalancedSpectrum_RejectsInfeasibleWidthsAndBadSingularValues()
    {
        Assert.Contains("EXACT eq. 17", Assert.Throws<ArgumentException>(() => BalancedSpectrum.Eigenvalues([1], [2, 1, 2])).Message, StringComparison.Ordinal);
        Assert.Equal("singularValues", Assert.Throws<ArgumentException>(() => BalancedSpectrum.Eigenvalues([1, 1, 1], [2, 2, 2])).ParamName);
        Assert.Equal("singularValues", Assert.Throws<ArgumentException>(() => BalancedSpectrum.Eigenvalues([-1], [1, 1])).ParamName);
    }
}

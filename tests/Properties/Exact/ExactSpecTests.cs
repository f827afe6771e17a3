// EXACT-SPEC: the catalogue's property and the wrong formulas it must reject, and its boundary H = 0.
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Theory;
using Sharpness.Theory.Exact;
using Sharpness.Verification;
using Sharpness.Verification.Generators;
using Xunit;

namespace Sharpness.Tests.Properties.Exact;

[Trait("Claim", "EXACT-SPEC")]
public sealed class ExactSpecTests
{
    [Fact]
    public void ExactSpec_NonzeroSpectrumEqualsDenseOracle_AtAnyMinimizer() => ClaimAssert.Holds("EXACT-SPEC", "NonzeroSpectrumEqualsDenseOracle");

    [Fact]
    public void ExactSpec_Rejects_DroppedFactorTwo() => ClaimAssert.Rejects("EXACT-SPEC", "DroppedFactorTwo");

    [Fact]
    public void ExactSpec_Rejects_BlockDiagonalSpectrum() => ClaimAssert.Rejects("EXACT-SPEC", "BlockDiagonalSpectrum");

    [Fact]
    public void ExactSpec_Rejects_SumOfSortedTermSpectra() => ClaimAssert.Rejects("EXACT-SPEC", "SumOfSortedTermSpectra");

    [Fact]
    public void ExactSpec_Rejects_DistinctEigenvalues() => ClaimAssert.Rejects("EXACT-SPEC", "DistinctEigenvalues");

    /// <summary>
    /// The balanced minimizer of M = 0 at depth 2 has all layers zero and H = 0: both spectra are empty, and the case is
    /// checked (trace 0, rank 0), not vacuous, so a formula that reports an eigenvalue there fails it.
    /// </summary>
    [Fact]
    public void ExactSpec_ZeroHessian_IsCheckedAndRejectsANonzeroEigenvalue()
    {
        var zero = Matrix<double>.Build.Dense(2, 3);
        Assert.Empty(HessianSpectrum.NonzeroEigenvalues(Minimizer.OfProduct([Matrix<double>.Build.Dense(2, 3), Matrix<double>.Build.Dense(2, 2)])));
        Assert.Equal(6, HessianSpectrum.KroneckerSumEigenvalues(Minimizer.OfProduct([zero, Matrix<double>.Build.Dense(2, 2)])).Count(e => e == 0));
        var property = (ClaimProperty<MinimizerRecipe>)Catalogue.Claim("EXACT-SPEC").Property("NonzeroSpectrumEqualsDenseOracle");
        var recipe = new MinimizerRecipe(MinimizerKind.Balanced, TargetKind.Zero, [3, 2, 2], 0, 1);
        var outcome = property.CheckCase(recipe, Formulas.Theory);
        Assert.True(outcome.Holds && outcome.Kind == OutcomeKind.Checked, outcome.Evidence);
        Assert.Contains("H = 0", outcome.Regime, StringComparison.Ordinal);
        var wrong = property.CheckCase(recipe, Formulas.Theory with { HessianNonzeroEigenvalues = _ => [1.0] });
        Assert.False(wrong.Holds, wrong.Evidence);
    }

    /// <summary>Depth 1: the Hessian is 2 I_N whatever W_1 is, and S = I, so the formula gives 2 with multiplicity d_0 d_L.</summary>
    [Fact]
    public void ExactSpec_DepthOne_IsTwiceTheIdentity()
    {
        var minimizer = Minimizer.OfProduct([Matrix<double>.Build.Dense(3, 2, (i, j) => i - j)]);
        Assert.Equal([2.0, 2, 2, 2, 2, 2], HessianSpectrum.NonzeroEigenvalues(minimizer).Select(e => Math.Round(e, 12)));
    }
}

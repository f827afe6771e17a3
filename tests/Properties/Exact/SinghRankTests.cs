// SINGH-RANK: the catalogue's properties, the wrong formulas they must reject, and the zero-residual point type whose
// domain includes bottleneck widths outside EXACT eq. 17.
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Theory;
using Sharpness.Theory.Exact;
using Sharpness.Verification;
using Sharpness.Verification.Generators;
using Xunit;

namespace Sharpness.Tests.Properties.Exact;

[Trait("Claim", "SINGH-RANK")]
public sealed class SinghRankTests
{
    [Fact]
    public void SinghRank_RankEqualsFormulaInGeneralPosition() => ClaimAssert.Holds("SINGH-RANK", "RankEqualsFormulaInGeneralPosition");

    [Fact]
    public void SinghRank_RankAtMostFormulaOutsideGeneralPosition() => ClaimAssert.Holds("SINGH-RANK", "RankAtMostFormulaOutsideGeneralPosition");

    [Fact]
    public void SinghRank_Rejects_EndsProduct() => ClaimAssert.Rejects("SINGH-RANK", "EndsProduct");

    [Fact]
    public void SinghRank_Rejects_HiddenBottleneckOnly() => ClaimAssert.Rejects("SINGH-RANK", "HiddenBottleneckOnly");

    [Fact]
    public void SinghRank_Rejects_ParametersMinusGauge() => ClaimAssert.Rejects("SINGH-RANK", "ParametersMinusGauge");

    [Fact]
    public void SinghRank_Rejects_BottleneckTimesSum() => ClaimAssert.Rejects("SINGH-RANK", "BottleneckTimesSum");

    [Fact]
    public void ZeroResidualRank_BottleneckAndFeasibleValues()
    {
        Assert.Equal(5, ZeroResidualRank.GeneralPosition([3, 1, 3]));
        Assert.Equal(6, ZeroResidualRank.GeneralPosition([2, 3, 3]));
        Assert.Equal("widths", Assert.Throws<ArgumentException>(() => ZeroResidualRank.GeneralPosition([3])).ParamName);
        Assert.Equal("widths", Assert.Throws<ArgumentException>(() => ZeroResidualRank.GeneralPosition([3, 0, 3])).ParamName);
    }

    /// <summary>A bottleneck point is a zero-residual point but not a Minimizer (EXACT eq. 17); a feasible one is both.</summary>
    [Fact]
    public void ZeroResidualPoint_BottleneckIsNoMinimizer()
    {
        var bottleneck = ZeroResidualPoint.OfLayers([Matrix<double>.Build.Dense(1, 3, 1), Matrix<double>.Build.Dense(3, 1, 2)]);
        Assert.False(bottleneck.IsFeasible);
        Assert.Equal(1, bottleneck.Bottleneck);
        Assert.Equal([3, 1, 3], bottleneck.Widths);
        Assert.Equal(2, bottleneck.Product()[0, 0]);
        Assert.Contains("EXACT eq. 17", Assert.Throws<ArgumentException>(bottleneck.ToMinimizer).Message, StringComparison.Ordinal);
        var feasible = ZeroResidualPoint.OfLayers([Matrix<double>.Build.Dense(2, 1, 1), Matrix<double>.Build.Dense(1, 2, 1)]);
        Assert.True(feasible.IsFeasible);
        Assert.Equal(4, feasible.ToMinimizer().ParameterCount);
    }

    /// <summary>The point copies its layers in and out, the product at depth 1 included.</summary>
    [Fact]
    public void ZeroResidualPoint_CopiesItsLayersAndProduct()
    {
        var w = Matrix<double>.Build.Dense(2, 2, 1);
        var point = ZeroResidualPoint.OfLayers([w]);
        w[0, 0] = 5;
        point.Product()[0, 0] = 7;
        point.Layers()[0][0, 0] = 9;
        Assert.Equal(1, point.Product()[0, 0]);
        Assert.Equal(1, point.Layers()[0][0, 0]);
    }

    [Fact]
    public void ZeroResidualPoint_RejectsUnchainedAndNonFiniteLayers()
    {
        Assert.Contains("needs 2 columns", Assert.Throws<ArgumentException>(() => ZeroResidualPoint.OfLayers([Matrix<double>.Build.Dense(2, 1), Matrix<double>.Build.Dense(1, 3)])).Message, StringComparison.Ordinal);
        Assert.Equal("layers", Assert.Throws<ArgumentException>(() => ZeroResidualPoint.OfLayers([Matrix<double>.Build.Dense(1, 1, double.NaN)])).ParamName);
        Assert.Equal("layers", Assert.Throws<ArgumentException>(() => ZeroResidualPoint.OfLayers([])).ParamName);
    }

    /// <summary>
    /// The smallest bottleneck case, widths (2,1,2): rank q (d_0 + d_L - q) = 3, below EXACT-RANK's d_0 d_L = 4, decided by
    /// exact elimination; a degenerate point with a zero layer there has rank 2 (only the other layer's block survives).
    /// </summary>
    [Fact]
    public void SinghRank_SmallestBottleneck_ExactRankThreeBelowEndsProduct()
    {
        var claim = Catalogue.Claim("SINGH-RANK");
        var general = (ClaimProperty<ZeroResidualRecipe>)claim.Property("RankEqualsFormulaInGeneralPosition");
        var outcome = general.CheckCase(new ZeroResidualRecipe([2, 1, 2], LayerDegeneracy.GeneralPosition, 3), Formulas.Theory);
        Assert.True(outcome.Holds && outcome.Kind == OutcomeKind.Checked, outcome.Evidence);
        Assert.Contains("exact rank 3, formula 3", outcome.Evidence, StringComparison.Ordinal);
        Assert.False(general.CheckCase(new ZeroResidualRecipe([2, 1, 2], LayerDegeneracy.GeneralPosition, 3), claim.Mutant("EndsProduct").Apply(Formulas.Theory)).Holds);
        var degenerate = (ClaimProperty<ZeroResidualRecipe>)claim.Property("RankAtMostFormulaOutsideGeneralPosition");
        var zeroLayer = degenerate.CheckCase(new ZeroResidualRecipe([2, 1, 2], LayerDegeneracy.ZeroLayer, 3), Formulas.Theory);
        Assert.True(zeroLayer.Holds, zeroLayer.Evidence);
        Assert.Contains("exact rank 2, formula 3", zeroLayer.Evidence, StringComparison.Ordinal);
    }
}

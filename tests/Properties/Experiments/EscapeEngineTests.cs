// The escape experiment engine: the paper's configurations as printed, GD's bookkeeping and blow-up handling, the
// contour grid of eq. 91, and argument validation.
using Sharpness.Verification.Experiments;
using Xunit;

namespace Sharpness.Tests.Properties.Experiments;

[Trait("Claim", "EXACT-ESC")]
public sealed class EscapeEngineTests
{
    [Theory]
    [InlineData("Fig1", 600, 2)]
    [InlineData("Fig2", 15, 15)]
    [InlineData("Fig3", 15, 15)]
    [InlineData("Fig4", 900, 2)]
    [InlineData("Fig5", 1350, 2)]
    [InlineData("Fig6", 2421, 20)]
    [InlineData("Fig7", 293, 5)]
    [InlineData("Fig7-printed", 85, 4)]
    public void EscapeConfiguration_PaperShapes_HaveThePrintedParameterCounts(string id, int parameters, int depth)
    {
        var configuration = EscapeConfiguration.Find(id);

        Assert.Equal(parameters, configuration.ParameterCount);
        Assert.Equal(depth, configuration.Depth);
        Assert.Equal(parameters, configuration.Build().ParameterCount);
    }

    [Fact]
    public void EscapeConfiguration_Figure1_IsLTimesRTransposeWithL10x20AndR20x20()
    {
        var minimizer = EscapeConfiguration.Fig1.Build();

        Assert.Equal((20, 20), (minimizer.Layer(1).RowCount, minimizer.Layer(1).ColumnCount)); // W_1 = R^T
        Assert.Equal((10, 20), (minimizer.Layer(2).RowCount, minimizer.Layer(2).ColumnCount)); // W_2 = L
        Assert.Equal(ClosedForm.Corollary6, EscapeConfiguration.Fig1.ClosedForm);
        Assert.Equal(ClosedForm.Theorem4, EscapeConfiguration.Fig6.ClosedForm);
    }

    [Fact]
    public void EscapeConfiguration_ScaledDown_KeepsDepthAndScalarEnds()
    {
        var small = EscapeConfiguration.Fig6.ScaledDown(5);

        Assert.Equal("Fig6/5", small.Id);
        Assert.Equal(EscapeConfiguration.Fig6.Depth, small.Depth);
        Assert.Equal([1, 2, 1, 2, 5, 4, 4, 3, 5, 1, 5, 1, 1, 3, 1, 4, 4, 4, 1, 3, 1], small.Widths);
        Assert.Throws<ArgumentOutOfRangeException>(() => EscapeConfiguration.Fig6.ScaledDown(0));
    }

    [Fact]
    public void EscapeConfiguration_UnknownId_NamesTheKnownOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => EscapeConfiguration.Find("Fig9"));
        Assert.Equal("id", error.ParamName);
        Assert.Contains("Known: Fig1, Fig2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GradientDescent_RecordsEveryIterateFromTheStart()
    {
        var minimum = EscapeMinimum.Of(EscapeConfiguration.Fig7AsPrinted);
        var start = minimum.AlongTop(1e-6);
        var run = GradientDescent.Run(minimum, start, 0.5 / minimum.LambdaMax, new DescentOptions(10));

        Assert.Equal(10, run.Iterations);
        Assert.Equal(DescentStop.IterationLimit, run.Stop);
        Assert.Equal(1e-6 / minimum.PointNorm, run.NormalizedDistance[0], 1e-15);
        Assert.Equal(1e-6, run.TopProjection[0], 1e-15);
        Assert.Equal(minimum.Landscape.Loss(start) / minimum.TargetNormSquared, run.NormalizedLoss[0]);
        Assert.True(run.NormalizedDistance[^1] < run.NormalizedDistance[0]);
    }

    [Fact]
    public void GradientDescent_HugeStep_StopsAsDivergedWithoutThrowing()
    {
        var minimum = EscapeMinimum.Of(EscapeConfiguration.Fig7AsPrinted);
        var run = GradientDescent.Run(minimum, minimum.AlongTop(1e-3), 1e3 / minimum.LambdaMax, new DescentOptions(10_000));

        Assert.Equal(DescentStop.Diverged, run.Stop);
        Assert.True(run.Iterations < 10_000);
        Assert.False(double.IsFinite(run.FinalNormalizedLoss) && run.FinalNormalizedLoss <= GradientDescent.DivergedNormalizedLoss);
        Assert.Equal(EscapeOutcome.Diverged, EscapeExperiment.Classify(run));
    }

    [Fact]
    public void GradientDescent_StopsOnceTheOutcomeIsDecided()
    {
        var minimum = EscapeMinimum.Of(EscapeConfiguration.Fig7AsPrinted);
        var start = minimum.AlongTop(1e-4 * minimum.PointNorm);
        var eta = 2 / minimum.LambdaMax;

        var back = GradientDescent.Run(minimum, start, 0.9 * eta, new DescentOptions(5000, StopBelowNormalizedLoss: 1e-12));
        var away = GradientDescent.Run(minimum, start, 1.1 * eta, new DescentOptions(5000, StopBeyondNormalizedDistance: 1e-2));

        Assert.Equal(DescentStop.ReachedLoss, back.Stop);
        Assert.True(back.FinalNormalizedLoss <= 1e-12);
        Assert.Equal(DescentStop.LeftBall, away.Stop);
        Assert.True(away.FinalNormalizedDistance > 1e-2);
    }

    [Fact]
    public void GradientDescent_BadArguments_Throw()
    {
        var minimum = EscapeMinimum.Of(EscapeConfiguration.Fig7AsPrinted);
        var start = minimum.Point;
        var options = new DescentOptions(5);

        AssertArgument("start", "length 3 but the minimizer has N = 85", () => GradientDescent.Run(minimum, new double[3], 1, options));
        start[4] = double.NaN;
        AssertArgument("start", "start[4] is NaN", () => GradientDescent.Run(minimum, start, 1, options));
        AssertArgument("eta", "finite and positive but is 0", () => GradientDescent.Run(minimum, minimum.Point, 0, options));
        AssertArgument("options", "MaxIterations must be >= 0", () => GradientDescent.Run(minimum, minimum.Point, 1, new DescentOptions(-1)));
        AssertArgument("options", "StopBelowNormalizedLoss", () => GradientDescent.Run(minimum, minimum.Point, 1, new DescentOptions(5, StopBelowNormalizedLoss: double.NaN)));
    }

    [Fact]
    public void ContourGrid_IsTheLossOnThePlaneThroughTheMinimum()
    {
        var minimum = EscapeMinimum.Of(EscapeConfiguration.Fig7AsPrinted);
        double[] xs = [-0.01, 0, 0.02];
        double[] ys = [-0.03, 0.05];
        var grid = ContourGrid.OnEigenvectors(minimum, xs, ys);

        var w = minimum.Point;
        var v1 = minimum.TopEigenvector;
        var vN = minimum.BottomEigenvector;
        for (var n = 0; n < w.Length; n++)
        {
            w[n] = w[n] + (0.02 * v1[n]) + (-0.03 * vN[n]);
        }

        Assert.Equal(minimum.Landscape.Loss(w), grid[2, 0]);
        Assert.Equal(xs, grid.Xs);
        Assert.Equal(ys, grid.Ys);
    }

    [Fact]
    public void ContourGrid_BadArguments_Throw()
    {
        var minimum = EscapeMinimum.Of(EscapeConfiguration.Fig7AsPrinted);
        var v = minimum.TopEigenvector;

        AssertArgument("zeta", "length 2 but the minimizer has N = 85", () => ContourGrid.Of(minimum, [1, 0], v, [0], [0]));
        AssertArgument("xs", "strictly ascending; entry 1 is 0 after 1", () => ContourGrid.Of(minimum, v, v, [1, 0], [0]));
        AssertArgument("ys", "non-empty and finite", () => ContourGrid.Of(minimum, v, v, [0], []));
        AssertArgument("extent", "finite and positive", () => ContourGrid.Symmetric(double.PositiveInfinity, 5));
        AssertArgument("count", "at least 2 points", () => ContourGrid.Symmetric(1, 1));
    }

    [Fact]
    public void EscapeMinimum_ReturnsCopies()
    {
        var minimum = EscapeMinimum.Of(EscapeConfiguration.Fig2);
        minimum.Point[0] = 99;
        minimum.TopEigenvector[0] = 99;

        Assert.NotEqual(99, minimum.Point[0]);
        Assert.NotEqual(99, minimum.TopEigenvector[0]);
    }

    [Fact]
    public void EscapeExperiment_BadOptions_Throw()
    {
        AssertArgument("options", "At least one step multiple", () => EscapeExperiment.Run(EscapeConfiguration.Fig2, new EscapeOptions { StepMultiples = [] }));
        AssertArgument("options", "finite and positive; got -1", () => EscapeExperiment.Run(EscapeConfiguration.Fig2, new EscapeOptions { StepMultiples = [-1] }));
        AssertArgument("options", "at least 3 points", () => EscapeExperiment.Run(EscapeConfiguration.Fig2, new EscapeOptions { ContourResolution = 2 }));
    }

    private static void AssertArgument(string paramName, string fragment, Action call)
    {
        var error = Assert.Throws<ArgumentException>(call);
        Assert.Equal(paramName, error.ParamName);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }
}

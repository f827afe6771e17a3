using System.Globalization;
using ScottPlot;
using Sharpness.Verification.Experiments;

namespace Sharpness.Cli.Escape;

/// <summary>
/// The paper's panels for one escape experiment (EXACT Section 7, Appendix D): (a) normalized loss and (b) normalized distance
/// against the iteration on log scales, and (c) the contour map of <c>p</c> on <c>(v_1, v_N)</c> with the runs projected on it.
/// </summary>
internal static class EscapePlots
{
    /// <summary>Image size in pixels.</summary>
    public const int Width = 900;

    /// <summary>Image size in pixels.</summary>
    public const int Height = 650;

    /// <summary>Decades of the loss shown on a contour map below its largest value: deeper levels are all drawn as the floor.</summary>
    private const double ContourDecades = 12;

    private static readonly ScottPlot.Palettes.Category10 Colors = new();

    /// <summary>Panel (a): <c>L(w_k) / ||M||_F^2</c> against <c>k</c>, log y-scale, one line per step size.</summary>
    public static Plot Loss(EscapeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return LogLines(
            result,
            run => run.Trace.NormalizedLoss,
            $"{result.Configuration.Id} (EXACT-ESC): normalized loss",
            "L(w_k) / ||M||_F^2");
    }

    /// <summary>Panel (b): <c>||w_k - w*|| / ||w*||</c> against <c>k</c>, log y-scale, one line per step size.</summary>
    public static Plot Distance(EscapeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return LogLines(
            result,
            run => run.Trace.NormalizedDistance,
            $"{result.Configuration.Id} (EXACT-ESC): normalized distance from w*",
            "||w_k - w*|| / ||w*||");
    }

    /// <summary>
    /// Panel (c): contour lines of <c>log10(p(x, y) / ||M||_F^2)</c> over a heat map of the same values, with each run's
    /// projection <c>(x_k, y_k)</c>, its start (open circle) and its end (filled diamond).
    /// </summary>
    public static Plot Contour(EscapeResult result, EscapeContour contour)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(contour);
        var plot = new Plot();
        var grid = contour.Grid;
        var levels = LogLevels(grid, result.Minimum.TargetNormSquared);

        var heat = plot.Add.Heatmap(HeatmapRows(levels));
        heat.Colormap = new ScottPlot.Colormaps.Viridis();
        heat.Extent = new CoordinateRect(grid.Xs[0], grid.Xs[^1], grid.Ys[0], grid.Ys[^1]);
        heat.Opacity = 0.6;
        plot.Add.ColorBar(heat).Label = "log10 p(x, y) / ||M||_F^2";

        var points = new Coordinates3d[grid.Ys.Count, grid.Xs.Count];
        for (var j = 0; j < grid.Ys.Count; j++)
        {
            for (var i = 0; i < grid.Xs.Count; i++)
            {
                points[j, i] = new Coordinates3d(grid.Xs[i], grid.Ys[j], levels[i, j]);
            }
        }

        var lines = plot.Add.ContourLines(points, (int)ContourDecades);
        lines.LineColor = ScottPlot.Colors.Black.WithAlpha(0.45);
        lines.LineWidth = 1;
        lines.LabelStyle.IsVisible = false;

        // Larger steps wander farther: drawn first, so the shorter paths stay visible on top of them.
        foreach (var run in contour.Runs.OrderByDescending(r => r.Multiple))
        {
            var color = ColorOf(result, run);
            var (xs, ys) = FinitePoints(run.Trace.TopProjection, run.Trace.BottomProjection);
            if (xs.Length == 0)
            {
                continue;
            }

            var path = plot.Add.ScatterLine(xs, ys, color);
            path.LineWidth = 1.5f;
            path.LegendText = StepLegend(run);
            plot.Add.Marker(xs[0], ys[0], MarkerShape.OpenCircle, 12, color);
            plot.Add.Marker(xs[^1], ys[^1], MarkerShape.FilledDiamond, 12, color);
        }

        plot.Axes.SetLimits(grid.Xs[0], grid.Xs[^1], grid.Ys[0], grid.Ys[^1]);

        // Three significant digits: the default labels repeat themselves on windows as small as 1e-10.
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = Coordinate };
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = Coordinate };
        plot.Title($"{result.Configuration.Id} (EXACT-CONTOUR): p(x, y) = L(w* + x v_1 + y v_N), {contour.Caption}");
        plot.XLabel("x: coordinate along v_1 (top Hessian eigenvector)");
        plot.YLabel("y: coordinate along v_N (bottom Hessian eigenvector)");
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    /// <summary>"eta = 1.05 x 2/lambda_max (escaped)": the legend entry of a run.</summary>
    public static string StepLegend(EscapeRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return string.Create(CultureInfo.InvariantCulture, $"eta = {run.Multiple:G4} x 2/lambda_max ({run.Outcome.ToString().ToLowerInvariant()})");
    }

    private static string Coordinate(double x) => Math.Abs(x) < 1e-300 ? "0" : x.ToString("G3", CultureInfo.InvariantCulture);

    private static Plot LogLines(EscapeResult result, Func<EscapeRun, IReadOnlyList<double>> values, string title, string label)
    {
        var plot = new Plot();
        foreach (var run in result.Runs)
        {
            // Log scale: zeros (a loss that rounds to exactly 0) and non-finite values (a diverged run's last point) are left out.
            var series = values(run);
            var iterations = new List<double>();
            var logs = new List<double>();
            for (var k = 0; k < series.Count; k++)
            {
                if (double.IsFinite(series[k]) && series[k] > 0)
                {
                    iterations.Add(k);
                    logs.Add(Math.Log10(series[k]));
                }
            }

            var line = plot.Add.ScatterLine(iterations.ToArray(), logs.ToArray(), ColorOf(result, run));
            line.LineWidth = 1.5f;
            line.LegendText = StepLegend(run);
        }

        var ticks = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = y => string.Create(CultureInfo.InvariantCulture, $"1e{y:0}"),
        };
        plot.Axes.Left.TickGenerator = ticks;
        plot.Grid.MajorLineColor = ScottPlot.Colors.Black.WithOpacity(0.15);
        plot.Grid.MinorLineColor = ScottPlot.Colors.Black.WithOpacity(0.05);
        plot.Title(string.Create(CultureInfo.InvariantCulture, $"{title}, r = {result.Configuration.Radius:G3}, N = {result.Configuration.ParameterCount}"));
        plot.XLabel("iteration k");
        plot.YLabel($"{label} (log scale)");
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    // log10(p / ||M||^2) with a floor ContourDecades below the largest finite value (p = 0 at w* itself, and overflowed
    // values far out, would otherwise have no finite logarithm).
    private static double[,] LogLevels(ContourGrid grid, double scale)
    {
        var levels = new double[grid.Xs.Count, grid.Ys.Count];
        var top = double.NegativeInfinity;
        for (var i = 0; i < grid.Xs.Count; i++)
        {
            for (var j = 0; j < grid.Ys.Count; j++)
            {
                levels[i, j] = Math.Log10(grid[i, j] / scale);
                if (double.IsFinite(levels[i, j]))
                {
                    top = Math.Max(top, levels[i, j]);
                }
            }
        }

        if (!double.IsFinite(top))
        {
            top = 0;
        }

        var floor = top - ContourDecades;
        for (var i = 0; i < grid.Xs.Count; i++)
        {
            for (var j = 0; j < grid.Ys.Count; j++)
            {
                levels[i, j] = double.IsNaN(levels[i, j]) || levels[i, j] > top ? top : Math.Max(levels[i, j], floor);
            }
        }

        return levels;
    }

    // A heat map's first row is drawn at the top, so rows run from the largest y down.
    private static double[,] HeatmapRows(double[,] levels)
    {
        var columns = levels.GetLength(0);
        var rows = levels.GetLength(1);
        var image = new double[rows, columns];
        for (var j = 0; j < rows; j++)
        {
            for (var i = 0; i < columns; i++)
            {
                image[rows - 1 - j, i] = levels[i, j];
            }
        }

        return image;
    }

    private static (double[] Xs, double[] Ys) FinitePoints(IReadOnlyList<double> xs, IReadOnlyList<double> ys)
    {
        var keep = Enumerable.Range(0, xs.Count).Where(k => double.IsFinite(xs[k]) && double.IsFinite(ys[k])).ToArray();
        return ([.. keep.Select(k => xs[k])], [.. keep.Select(k => ys[k])]);
    }

    // The same step multiple has the same color in every panel of a figure.
    private static Color ColorOf(EscapeResult result, EscapeRun run) =>
        Colors.GetColor(result.Runs.ToList().IndexOf(run));
}

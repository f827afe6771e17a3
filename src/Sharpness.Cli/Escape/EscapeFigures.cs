using System.Globalization;
using Sharpness.Verification.Experiments;

namespace Sharpness.Cli.Escape;

/// <summary>
/// Writes computed escape experiments to a directory: per figure the PNG panels (a) loss, (b) distance, (c) contour map of the
/// runs at or above <c>2/lambda_max</c> and (d) of those below; per run a CSV trace; and <c>escape-summary.csv</c>.
/// Each file is written to a temporary name and moved into place, so an interrupted run leaves no half-written file.
/// The <c>escape</c> verb calls this, and so can any verb that needs the figures (the executable appendix).
/// </summary>
internal static class EscapeFigures
{
    /// <summary>The summary file's name.</summary>
    public const string SummaryFile = "escape-summary.csv";

    /// <summary>
    /// The names of the files <see cref="Write"/> may write for these figures and step multiples (both contour panels,
    /// though a figure gets only those its multiples need): what is checked for obstacles before a run.
    /// </summary>
    public static IEnumerable<string> Names(IEnumerable<string> figureIds, IReadOnlyList<double> multiples)
    {
        ArgumentNullException.ThrowIfNull(figureIds);
        ArgumentNullException.ThrowIfNull(multiples);
        foreach (var figure in figureIds)
        {
            var id = FileSafe(figure);
            yield return $"{id}_a_loss.png";
            yield return $"{id}_b_distance.png";
            yield return $"{id}_c_contour_at_or_above.png";
            yield return $"{id}_d_contour_below.png";
            foreach (var multiple in multiples)
            {
                yield return TraceName(figure, multiple);
            }
        }

        yield return SummaryFile;
    }

    /// <summary>The trace file of the run of figure <paramref name="figureId"/> at <paramref name="multiple"/> x 2/lambda_max:
    /// the multiple to four significant digits, as the table's column.</summary>
    public static string TraceName(string figureId, double multiple) =>
        string.Create(CultureInfo.InvariantCulture, $"{FileSafe(figureId)}_eta{multiple:G4}.csv");

    /// <summary>Writes every figure and trace of <paramref name="results"/> into <paramref name="directory"/> (created if
    /// missing, its parent not: see <see cref="AtomicFile.CreateDirectory"/>).</summary>
    /// <returns>The written paths, in writing order (summary last).</returns>
    public static IReadOnlyList<string> Write(string directory, IReadOnlyList<EscapeResult> results)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(results);
        AtomicFile.CreateDirectory(directory);
        var written = new List<string>();
        foreach (var result in results)
        {
            var id = FileSafe(result.Configuration.Id);
            written.Add(Png(Path.Combine(directory, $"{id}_a_loss.png"), EscapePlots.Loss(result)));
            written.Add(Png(Path.Combine(directory, $"{id}_b_distance.png"), EscapePlots.Distance(result)));
            foreach (var contour in result.Contours)
            {
                var panel = contour.Runs.Any(r => r.Multiple >= 1) ? "c_contour_at_or_above" : "d_contour_below";
                written.Add(Png(Path.Combine(directory, $"{id}_{panel}.png"), EscapePlots.Contour(result, contour)));
            }

            foreach (var run in result.Runs)
            {
                var path = Path.Combine(directory, TraceName(result.Configuration.Id, run.Multiple));
                written.Add(AtomicFile.Write(path, temporary => File.WriteAllText(temporary, EscapeCsv.Trace(run.Trace))));
            }
        }

        written.Add(AtomicFile.Write(Path.Combine(directory, SummaryFile), temporary => File.WriteAllText(temporary, EscapeCsv.Summary(results))));
        return written;
    }

    private static string Png(string path, ScottPlot.Plot plot)
    {
        using (plot)
        {
            return AtomicFile.Write(path, temporary => plot.SavePng(temporary, EscapePlots.Width, EscapePlots.Height));
        }
    }

    // Scaled-down configurations are named like "Fig6/5"; a slash cannot be part of a file name.
    private static string FileSafe(string id) => id.Replace('/', '-');
}

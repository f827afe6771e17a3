using Sharpness.Cli.Escape;
using Sharpness.Verification.Experiments;
using Spectre.Console;

namespace Sharpness.Cli.Appendix;

/// <summary>The figures the appendix shows, by claim ID, as paths relative to the appendix directory.</summary>
internal static class AppendixFigures
{
    /// <summary>The folder of the figures, inside the appendix directory.</summary>
    public const string Folder = "figures";

    /// <summary>
    /// Reruns the escape experiments of every paper configuration with the <c>escape</c> verb's defaults, writes their
    /// panels and traces into <c>DIRECTORY/figures</c>, and returns the PNGs by claim: loss and distance panels under
    /// EXACT-ESC, contour maps under EXACT-CONTOUR.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Write(string directory, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(console);
        var options = new EscapeOptions();
        var results = EscapeConfiguration.Paper.Select(c => EscapeExperiment.Run(c, options)).ToList();
        var pngs = EscapeFigures.Write(Path.Combine(directory, Folder), results)
            .Where(p => p.EndsWith(".png", StringComparison.Ordinal))
            .Select(p => $"{Folder}/{Path.GetFileName(p)}")
            .ToList();
        return new Dictionary<string, IReadOnlyList<string>>
        {
            ["EXACT-ESC"] = [.. pngs.Where(p => p.Contains("_a_loss", StringComparison.Ordinal) || p.Contains("_b_distance", StringComparison.Ordinal))],
            ["EXACT-CONTOUR"] = [.. pngs.Where(p => p.Contains("_contour", StringComparison.Ordinal))],
        };
    }
}

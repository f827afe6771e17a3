using Spectre.Console;

namespace Sharpness.Tests.Snapshots;

/// <summary>A console for snapshotting a verb's output: no colours, not interactive (so no progress bar), a fixed width.</summary>
internal static class PlainConsole
{
    public static IAnsiConsole Over(TextWriter writer, int width = 200)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = width;
        console.Profile.Capabilities.Unicode = true;
        return console;
    }
}

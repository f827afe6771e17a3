using Spectre.Console;

namespace Sharpness.Tests.Snapshots;

/// <summary>A console for snapshotting a verb's output: the command's own plain console (no colours, not interactive, so no
/// progress bar, a fixed width), with Unicode box drawing whatever the test host's locale says.</summary>
internal static class PlainConsole
{
    public static IAnsiConsole Over(TextWriter writer, int width = 200)
    {
        var console = global::Program.Plain(writer, width);
        console.Profile.Capabilities.Unicode = true;
        return console;
    }
}

using System.Globalization;
using Spectre.Console;
using Xunit;

namespace Sharpness.Tests.Snapshots;

/// <summary>
/// No escape code off a terminal or under <c>NO_COLOR</c> (no-color.org: set and not empty), and no progress bar there:
/// the console the verbs write to, built for each case. The terminal case is checked too, so the test can fail.
/// </summary>
public sealed class PlainOutputTests
{
    [Theory]
    [InlineData(false, null)]
    [InlineData(false, "1")]
    [InlineData(true, "1")]
    [InlineData(true, "anything")]
    public void OffATerminalOrUnderNoColor_NoEscapeCode_NoProgressBar(bool terminal, string? noColor)
    {
        var (text, console) = Write(terminal, noColor);
        Assert.DoesNotContain('\u001b', text);
        Assert.Contains("claim", text, StringComparison.Ordinal);
        Assert.False(console.Profile.Capabilities.Interactive);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void OnATerminalWithoutNoColor_Colours(string? noColor)
    {
        var (text, console) = Write(terminal: true, noColor);
        Assert.Contains('\u001b', text);
        Assert.True(console.Profile.Capabilities.Interactive);
    }

    private static (string Text, IAnsiConsole Console) Write(bool terminal, string? noColor)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var console = global::Program.Console(writer, terminal, noColor);
        console.MarkupLine("[red]claim[/] [bold]holds[/]");
        return (writer.ToString(), console);
    }
}

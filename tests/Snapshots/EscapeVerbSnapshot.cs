using Sharpness.Cli.Escape;
using Sharpness.Verification.Experiments;
using System.Text.RegularExpressions;
using Snapshooter.Xunit;
using Xunit;

namespace Sharpness.Tests.Snapshots;

/// <summary>The escape verb in-process: what it writes (names, CSV shapes, PNG signatures), its outcomes, and how it refuses bad arguments.</summary>
[Trait("Claim", "EXACT-ESC")]
public sealed partial class EscapeVerbSnapshot : IDisposable
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"sharpness-escape-{Guid.NewGuid():N}");

    [Fact]
    public void Escape_Figure2_WritesPanelsTracesAndSummary()
    {
        // Figure 2's chain (N = 15) at 400 steps: enough for 1.05 x 2/lambda_max to escape from r = 1e-12 (about 230 steps).
        using var output = new StringWriter();
        var exit = EscapeCommand.Run(_directory, ["Fig2"], 400, [], PlainConsole.Over(output), output);

        var files = Directory.GetFiles(_directory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.All(files.Where(f => f!.EndsWith(".png", StringComparison.Ordinal)), f => Assert.Equal(PngSignature, File.ReadAllBytes(Path.Combine(_directory, f!)).Take(8)));
        var trace = File.ReadAllLines(Path.Combine(_directory, "Fig2_eta1.05.csv"));
        var summary = File.ReadAllLines(Path.Combine(_directory, EscapeFigures.SummaryFile));
        Snapshot.Match(
            new
            {
                ExitCode = exit,
                Files = files,
                TraceHeader = trace[0],
                TraceRows = trace.Length - 1,
                SummaryHeader = summary[0],
                Outcomes = summary.Skip(1).Select(row => row.Split(',')).Select(c => $"{c[0]} x{c[9]}: {c[13]}").ToArray(),
                Table = Timing().Replace(output.ToString(), "<timing>").Split('\n').Select(line => line.TrimEnd()).ToArray(),
            },
            "EscapeVerb");
    }

    [Theory]
    [InlineData("Fig9", 100, 1.05)]
    [InlineData("Fig1", 0, 1.05)]
    [InlineData("Fig1", 100, -1.0)]
    [InlineData("Fig1", 100, double.NaN)]
    public void Escape_BadArguments_ExitTwoAndWriteNothing(string figure, int iterations, double step)
    {
        using var output = new StringWriter();
        Assert.Equal(2, EscapeCommand.Run(_directory, [figure], iterations, [step], PlainConsole.Over(output), output));
        Assert.StartsWith("error: ", output.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(_directory));
    }

    [Fact]
    public void Escape_Figures_NoTemporaryFileLeftBehind()
    {
        var result = EscapeExperiment.Run(EscapeConfiguration.Fig7AsPrinted, new EscapeOptions { Iterations = 50, StepMultiples = [0.9, 1.1], ContourResolution = 5 });
        var written = EscapeFigures.Write(_directory, [result]);

        Assert.Equal(written.Order(StringComparer.Ordinal), Directory.GetFiles(_directory).Order(StringComparer.Ordinal));
    }

    // Seconds and the temporary directory's name change from run to run.
    [GeneratedRegex(@"Computed in .*$", RegexOptions.Singleline)]
    private static partial Regex Timing();

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}

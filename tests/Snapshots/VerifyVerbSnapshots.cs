using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sharpness.Cli.Verify;
using Snapshooter.Xunit;
using Xunit;

namespace Sharpness.Tests.Snapshots;

/// <summary>
/// The <c>verify</c> verb's outputs: the table, the JSON and the Markdown report of a small run, and the message and
/// exit code of each bad argument. Relative errors are masked (their values are the claims' business, covered by
/// Summary.snap); what is pinned here is the shape users and scripts read.
/// </summary>
public sealed partial class VerifyVerbSnapshots : IDisposable
{
    // Pinned rather than read from SHARPNESS_SEED, so the snapshot holds under any seed the suite is run with.
    private static readonly string Replay = new Sharpness.Verification.RunSettings(1, Sharpness.Verification.RunSettings.DefaultSeed, Sharpness.Verification.RunSettings.DefaultGamma).Replay;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"sharpness-verify-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Verify_TableJsonAndMarkdown()
    {
        var json = Path.Combine(_directory, "report.json");
        var markdown = Path.Combine(_directory, "nested", "report.md");
        Directory.CreateDirectory(Path.GetDirectoryName(markdown)!);
        var (code, output) = Run(new VerifyOptions(["EXACT-L2", "REG-T3"], Cases: 5, Seed: Replay, JsonPath: json, MarkdownPath: markdown));
        Snapshot.Match(
            new
            {
                ExitCode = code,
                Table = Lines(output),
                Json = Lines(File.ReadAllText(json)),
                Markdown = Lines(File.ReadAllText(markdown)),
                Written = Directory.EnumerateFiles(_directory, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_directory, f)).Order(StringComparer.Ordinal).ToArray(),
            },
            "verify-verb-report");
    }

    [Fact]
    public void Verify_MaxDepthPassesOverDeepCases()
    {
        var json = Path.Combine(_directory, "depth.json");
        Directory.CreateDirectory(_directory);
        var (code, _) = Run(new VerifyOptions(["EXACT-C7", "EXACT-L2"], Cases: 20, Seed: Replay, MaxDepth: 2, JsonPath: json));
        var report = JsonNode.Parse(File.ReadAllText(json))!;
        var cases = report["claims"]!.AsArray().ToDictionary(c => c!["id"]!.GetValue<string>(), c => c!["cases"]!.GetValue<int>());
        Assert.Equal(0, code);
        Assert.Equal(2, report["maxDepth"]!.GetValue<int>());

        // Lemma 2's cases are all of depth 2 or more and some deeper; Corollary 7's scalar-ended ones mostly deeper.
        Assert.InRange(cases["EXACT-L2"], 1, 19);
        Assert.InRange(cases["EXACT-C7"], 0, 19);
    }

    [Fact]
    public void Verify_BadArguments_ExitTwoWithOneLine()
    {
        var cases = new (string Name, VerifyOptions Options)[]
        {
            ("unknown claim", new VerifyOptions(["EXACT-T99"])),
            ("zero cases", new VerifyOptions(["EXACT-L2"], Cases: 0)),
            ("bad seed", new VerifyOptions(["EXACT-L2"], Seed: "twelve")),
            ("even gamma", new VerifyOptions(["EXACT-L2"], Seed: "(1,2)")),
            ("zero depth", new VerifyOptions(["EXACT-L2"], MaxDepth: 0)),
            ("report path is a directory", new VerifyOptions(["EXACT-L2"], JsonPath: ".")),
        };
        Snapshot.Match(
            cases.Select(c =>
            {
                var (code, output) = Run(c.Options);
                return new { c.Name, ExitCode = code, Output = output.Trim() };
            }).ToArray(),
            "verify-verb-errors");
    }

    /// <summary>Usage errors the parser finds (before any verb runs) exit 2 too, one line each.</summary>
    [Theory]
    [InlineData("verify --cases abc")]
    [InlineData("verify --bogus")]
    [InlineData("lambda-max")]
    [InlineData("escape --iterations x")]
    [InlineData("nonsense")]
    public async Task UsageErrors_ExitTwo(string commandLine)
    {
        using var error = new StringWriter();
        var code = await global::Program.InvokeAsync(commandLine.Split(' '), error);
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", error.ToString(), StringComparison.Ordinal);
    }

    private static (int Code, string Output) Run(VerifyOptions options)
    {
        using var writer = new StringWriter();
        var console = PlainConsole.Over(writer);
        var code = VerifyCommand.Run(options, console, writer);
        return (code, writer.ToString());
    }

    private static string[] Lines(string text) =>
        [.. ErrorPattern().Replace(text, "<error>").Split('\n').Select(line => line.TrimEnd())];

    [GeneratedRegex(@"\d\.\de[+-]\d+|(?<=""worstRelativeError"": )[^,\r\n]+")]
    private static partial Regex ErrorPattern();
}

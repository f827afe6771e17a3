using Xunit;

namespace Sharpness.Tests.Snapshots;

/// <summary>
/// Same seed, same bytes: the built command run as a user runs it (a child process, since the runtime reads
/// <c>DOTNET_PROCESSOR_COUNT</c> at start), once with the default processor count and once with one processor, must write
/// byte-identical JSON, Markdown, CSV and PNG files. The test project references the command's project, so the
/// command's dll is beside this assembly in every build, a clean clone's <c>dotnet test -c Release</c> included.
/// </summary>
public sealed class DeterminismTests : IDisposable
{
    private readonly DirectoryInfo _workspace = Directory.CreateTempSubdirectory("sharpness-determinism-");

    [Fact]
    public async Task SameSeed_ByteIdenticalReports_DefaultAgainstOneProcessor()
    {
        var runs = new[] { ("default", (string?)null), ("one-processor", "1") };
        foreach (var (name, processors) in runs)
        {
            var directory = Directory.CreateDirectory(Path.Combine(_workspace.FullName, name)).FullName;
            await Run(processors, directory, "verify", "--claim", "EXACT-C6", "--cases", "20", "--seed", "(20261123,11400714819323198485)", "--json", "report.json", "--markdown", "report.md");
            await Run(processors, directory, "escape", "--figure", "Fig2", "--iterations", "200", "--steps", "0.9", "1.05", "--out", "escape");
        }

        var (reference, other) = (Files(runs[0].Item1), Files(runs[1].Item1));
        Assert.Equal(reference.Keys, other.Keys);
        Assert.Contains("report.json", reference.Keys);
        Assert.Contains("report.md", reference.Keys);
        Assert.Contains(reference.Keys, k => k.EndsWith(".csv", StringComparison.Ordinal));
        Assert.Contains(reference.Keys, k => k.EndsWith(".png", StringComparison.Ordinal));
        Assert.All(reference, file => Assert.True(file.Value.AsSpan().SequenceEqual(other[file.Key]), $"{file.Key} differs between the default and DOTNET_PROCESSOR_COUNT=1"));
    }

    public void Dispose() => _workspace.Delete(recursive: true);

    private SortedDictionary<string, byte[]> Files(string run)
    {
        var root = Path.Combine(_workspace.FullName, run);
        return new SortedDictionary<string, byte[]>(
            Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllBytes),
            StringComparer.Ordinal);
    }

    // Runs the command in `directory` with DOTNET_PROCESSOR_COUNT set to `processors` (or unset), and fails with its
    // stderr when it ends other than with a verdict (0, or 1 for an unexpected one: a short run may see one, and this test
    // is about bytes, not verdicts). The seed and case count are given, so SHARPNESS_* in the environment do not matter.
    private static async Task Run(string? processors, string directory, params string[] args)
    {
        var (code, output, error) = await ChildProcess.Run("sharpness.dll", directory, args, new Dictionary<string, string?> { ["DOTNET_PROCESSOR_COUNT"] = processors });
        Assert.True(code is 0 or 1, $"sharpness {string.Join(' ', args)} (DOTNET_PROCESSOR_COUNT={processors ?? "unset"}) exited {code}: {error}{output}");
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using Sharpness.Cli.Verify;
using Snapshooter.Xunit;
using Xunit;

namespace Sharpness.Tests.Snapshots;

/// <summary>
/// <c>verify --shard k/n</c> and <c>merge</c>: the shards of n = 1, 3 and 7 local processes merge into the unsharded
/// run's JSON, Markdown and LaTeX byte for byte; every way a set of files can fail to be one run is refused with one
/// line and exit 2; <c>--shard auto</c> reads Slurm's and Kubernetes' variables; <c>--latex</c> is a booktabs table.
/// </summary>
public sealed partial class ShardMergeTests : IDisposable
{
    // Few claims and cases (each process costs about 0.6 s of processor time), but a counterexample claim with three
    // properties and a certificate on both, so that the shards split claims, properties and certificates.
    private static readonly string[] Run = ["verify", "--claim", "EXACT-C6", "EXACT-MM", "--cases", "3", "--seed", "(20261123,11400714819323198485)"];

    private static readonly int[] ShardCounts = [1, 3, 7];

    private static readonly string[] Extensions = ["json", "md", "tex"];

    private static readonly long[] Offsets = [0, 5, 13];

    private static readonly string[] Small = ["verify", "--claim", "EXACT-C6", "--cases", "3", "--seed", "7"];

    private readonly DirectoryInfo _workspace = Directory.CreateTempSubdirectory("sharpness-shards-");

    public void Dispose() => _workspace.Delete(recursive: true);

    [Fact]
    public async Task ShardsOfOneThreeAndSeven_MergeIntoTheUnshardedReport_ByteForByte()
    {
        var ws = _workspace.FullName;
        var (whole, _, wholeError) = await Invoke([.. Run, "--json", P("whole.json"), "--markdown", P("whole.md"), "--latex", P("whole.tex")]);
        Assert.True(whole == 0, wholeError);

        // Every shard of every n as its own process, all at once (the machine's cores share them).
        var shards = ShardCounts.SelectMany(n => Enumerable.Range(1, n).Select(k => (n, k))).ToList();
        var exits = await Task.WhenAll(shards.Select(s => Process(ws, [.. Run, "--shard", $"{s.k}/{s.n}", "--json", P($"shard-{s.n}-{s.k}.json")])));
        Assert.All(exits, e => Assert.True(e.Code == 0, e.Error));

        foreach (var n in ShardCounts)
        {
            var files = Enumerable.Range(1, n).Reverse().Select(k => P($"shard-{n}-{k}.json"));
            var (code, _, error) = await Invoke(["merge", .. files, "--json", P($"merged-{n}.json"), "--markdown", P($"merged-{n}.md"), "--latex", P($"merged-{n}.tex")]);
            Assert.True(code == 0, error);
            foreach (var extension in Extensions)
            {
                Assert.True(
                    File.ReadAllBytes(P($"whole.{extension}")).AsSpan().SequenceEqual(File.ReadAllBytes(P($"merged-{n}.{extension}"))),
                    $"the merge of {n} shards differs from the unsharded run in its .{extension}");
            }
        }
    }

    /// <summary>Each set of files that is not one run exactly: one line naming what is wrong, exit 2, nothing written.</summary>
    [Fact]
    public async Task Merge_RefusesFilesThatAreNotOneRun()
    {
        for (var k = 1; k <= 2; k++)
        {
            Assert.Equal(0, (await Invoke([.. Small, "--shard", $"{k}/2", "--json", P($"s{k}.json")])).Code);
        }

        Assert.Equal(0, (await Invoke(["verify", "--claim", "EXACT-C6", "--cases", "3", "--seed", "8", "--shard", "2/2", "--json", P("other-seed.json")])).Code);
        Assert.Equal(0, (await Invoke([.. Small, "--json", P("report.json")])).Code);
        File.WriteAllText(P("old.json"), File.ReadAllText(P("s2.json")).Replace($"\"suiteVersion\":\"{ShardReport.CurrentSuiteVersion}\"", "\"suiteVersion\":\"0.9\"", StringComparison.Ordinal));
        File.WriteAllText(P("cut.json"), File.ReadAllText(P("s2.json"))[..100]);
        var out1 = P("merged.json");
        var rows = new (string Name, string[] Args)[]
        {
            ("a shard missing", ["merge", P("s1.json"), "--json", out1]),
            ("a shard twice", ["merge", P("s1.json"), P("s2.json"), P("s1.json"), "--json", out1]),
            ("another seed", ["merge", P("s1.json"), P("other-seed.json"), "--json", out1]),
            ("another suite version", ["merge", P("s1.json"), P("old.json"), "--json", out1]),
            ("an unsharded report", ["merge", P("s1.json"), P("report.json"), "--json", out1]),
            ("a truncated file", ["merge", P("s1.json"), P("cut.json"), "--json", out1]),
            ("no such file", ["merge", P("s1.json"), P("nothing.json"), "--json", out1]),
            ("a directory", ["merge", P("s1.json"), _workspace.FullName, "--json", out1]),
            ("no output", ["merge", P("s1.json"), P("s2.json")]),
            ("the same output twice", ["merge", P("s1.json"), P("s2.json"), "--json", out1, "--latex", out1]),
        };
        var results = new List<object>();
        foreach (var (name, args) in rows)
        {
            var (code, output, error) = await Invoke(args);
            Assert.Equal(string.Empty, output);
            Assert.Single(error.TrimEnd('\n').Split('\n'));
            results.Add(new { Name = name, ExitCode = code, Error = error.TrimEnd().Replace(_workspace.FullName, "{ws}", StringComparison.Ordinal).Replace(ShardReport.CurrentSuiteVersion, "{this version}", StringComparison.Ordinal) });
        }

        Assert.False(File.Exists(out1));
        Snapshot.Match(results, "merge-refusals");
    }

    /// <summary>The shard options that cannot run: one line, exit 2.</summary>
    [Theory]
    [InlineData("--shard 0/3 --json {ws}/s.json", "error: --shard takes k/n with whole numbers 1 <= k <= n (1-based), or auto, not '0/3'")]
    [InlineData("--shard 4/3 --json {ws}/s.json", "error: --shard takes k/n with whole numbers 1 <= k <= n (1-based), or auto, not '4/3'")]
    [InlineData("--shard 1/3", "error: --shard 1/3 needs --json FILE for the shard's report (sharpness merge joins them)")]
    [InlineData("--shard 1/3 --json {ws}/s.json --markdown {ws}/s.md", "error: a shard writes only its --json report; sharpness merge SHARDS... writes --markdown and --latex")]
    [InlineData("--shard-count 3", "error: --shard-count is for --shard auto")]
    [InlineData("--shard 1/3 --shard-count 3 --json {ws}/s.json", "error: --shard-count is for --shard auto; --shard 1/3 gives its own count")]
    [InlineData("--shard 1/3 --seed (1,3,5) --json {ws}/s.json", "error: a case's seed (seed,gamma,size) replays one case alone; it is not sharded")]
    [InlineData("--json {ws}/a.json --latex {ws}/a.json", "error: --json {ws}/a.json and --latex {ws}/a.json name the same file; one report would replace the other")]
    public async Task Verify_BadShardArguments_ExitTwo(string arguments, string expected)
    {
        var ws = _workspace.FullName;
        var (code, output, error) = await Invoke(["verify", "--claim", "EXACT-C6", "--cases", "1", .. arguments.Replace("{ws}", ws, StringComparison.Ordinal).Split(' ')]);
        Assert.Equal(expected.Replace("{ws}", ws, StringComparison.Ordinal) + "\n", error);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Empty(_workspace.EnumerateFileSystemInfos());
    }

    [Theory]
    [InlineData("SLURM_ARRAY_TASK_ID=0 SLURM_ARRAY_TASK_COUNT=7 SLURM_ARRAY_TASK_MIN=0", null, "1/7")]
    [InlineData("SLURM_ARRAY_TASK_ID=6 SLURM_ARRAY_TASK_COUNT=7 SLURM_ARRAY_TASK_MIN=0", null, "7/7")]
    [InlineData("SLURM_ARRAY_TASK_ID=1 SLURM_ARRAY_TASK_COUNT=3 SLURM_ARRAY_TASK_MIN=1", null, "1/3")]
    [InlineData("SLURM_ARRAY_TASK_ID=3 SLURM_ARRAY_TASK_COUNT=3 SLURM_ARRAY_TASK_MIN=1", 3, "3/3")]
    [InlineData("SLURM_ARRAY_TASK_ID=8 SLURM_ARRAY_TASK_COUNT=4 SLURM_ARRAY_TASK_MIN=2 SLURM_ARRAY_TASK_STEP=2", null, "4/4")]
    [InlineData("JOB_COMPLETION_INDEX=0", 5, "1/5")]
    [InlineData("JOB_COMPLETION_INDEX=4", 5, "5/5")]
    public void ShardAuto_ReadsTheSchedulersVariables(string variables, int? count, string expected)
    {
        Assert.Equal(expected, Shard.Parse("auto", count, Environment(variables)).ToString());
    }

    [Theory]
    [InlineData("", null, "--shard auto needs SLURM_ARRAY_TASK_ID (a Slurm job array) or JOB_COMPLETION_INDEX (a Kubernetes Indexed Job); neither is set")]
    [InlineData("JOB_COMPLETION_INDEX=2", null, "JOB_COMPLETION_INDEX is set but --shard-count is not: give the Job's completions as --shard-count N")]
    [InlineData("JOB_COMPLETION_INDEX=5", 5, "JOB_COMPLETION_INDEX 5 is not below --shard-count 5 (it counts from 0)")]
    [InlineData("SLURM_ARRAY_TASK_ID=7 SLURM_ARRAY_TASK_COUNT=7 SLURM_ARRAY_TASK_MIN=0", null, "SLURM_ARRAY_TASK_ID 7 is not one of 7 tasks from SLURM_ARRAY_TASK_MIN 0 in steps of 1 (use --array=A-B or A-B:S)")]
    [InlineData("SLURM_ARRAY_TASK_ID=1 SLURM_ARRAY_TASK_COUNT=3 SLURM_ARRAY_TASK_MIN=1", 4, "--shard-count 4 but SLURM_ARRAY_TASK_COUNT is 3")]
    [InlineData("SLURM_ARRAY_TASK_ID=x SLURM_ARRAY_TASK_COUNT=3", null, "SLURM_ARRAY_TASK_ID must be a whole number, not 'x'")]
    public void ShardAuto_RefusesWhatNamesNoShard(string variables, int? count, string expected)
    {
        Assert.Equal(expected, Assert.Throws<ArgumentException>(() => Shard.Parse("auto", count, Environment(variables))).Message);
    }

    /// <summary>Round-robin over (claim, property, case): every position in exactly one shard, whatever the property's offset.</summary>
    [Fact]
    public void Shards_CoverEveryCaseOnce()
    {
        foreach (var n in ShardCounts)
        {
            foreach (var first in Offsets)
            {
                var dealt = Enumerable.Range(1, n).SelectMany(k => new Shard(k, n).Cases(first, 10).Select(i => (k, i))).ToList();
                Assert.Equal(Enumerable.Range(0, 10), dealt.Select(d => d.i).Order());
                Assert.All(dealt, d => Assert.Equal(d.k - 1, (first + d.i) % n));
            }
        }
    }

    [Fact]
    public void Latex_EscapesTheSpecialCharacters()
    {
        Assert.Equal(
            "a\\_b \\% \\& \\# \\$ \\{x\\} \\textbackslash{} \\textasciitilde{}\\textasciicircum{} $\\leq$ 2, $\\geq$ \\textless{}",
            ReportFormats.Latex("a_b % & # $ {x} \\ ~^ <= 2, >= <"));
    }

    [Fact]
    public void Verify_Latex_IsABooktabsTable()
    {
        var tex = P("report.tex");
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var code = VerifyCommand.Run(new VerifyOptions(["EXACT-L2", "EXACT-MM"], Cases: 5, Seed: "(20261123,11400714819323198485)", LatexPath: tex), PlainConsole.Over(writer), writer);
        Assert.Equal(0, code);
        Snapshot.Match(ErrorPattern().Replace(File.ReadAllText(tex), "<error>").Split('\n'), "verify-verb-latex");
    }

    private string P(string name) => Path.Combine(_workspace.FullName, name);

    private static Func<string, string?> Environment(string variables)
    {
        var set = variables.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => v.Split('=')).ToDictionary(v => v[0], v => v[1]);
        return name => set.GetValueOrDefault(name);
    }

    private static async Task<(int Code, string Output, string Error)> Invoke(string[] args)
    {
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var code = await global::Program.InvokeAsync(args, stdout, stderr);
        var output = stdout.ToString();

        // A successful verify or merge prints its table; only refusals are compared on stdout.
        return (code, code == 2 ? output : string.Empty, stderr.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    private static async Task<(int Code, string Error)> Process(string directory, string[] args)
    {
        var (code, output, error) = await ChildProcess.Run("sharpness.dll", directory, args);
        return (code, $"sharpness {string.Join(' ', args)} exited {code}: {error}{output}");
    }

    [GeneratedRegex(@"\$\d\.\d \\times 10\^\{-?\d+\}\$")]
    private static partial Regex ErrorPattern();
}

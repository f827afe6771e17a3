using System.Globalization;
using Sharpness.Verification;
using Sharpness.Verification.Experiments;
using Xunit;

namespace Sharpness.Tests.Snapshots;

/// <summary>
/// Every verb (and the root command) through the real parser, in-process, on a table of bad arguments and bad files:
/// unknown verbs and options, missing values, huge, empty and malformed values, a file or directory in the way, paths that
/// cannot be written, the same report path twice. Each must exit 2 with exactly the expected line on stderr, print nothing
/// on stdout, and leave the file system as it was. Unwritable paths are ones that stay unwritable as root (CI and this
/// machine run as root, so permission bits prove nothing): paths under a regular file, <c>/proc</c>, a device.
/// </summary>
public sealed class CliFuzzTests : IDisposable
{
    // The workspace every row may name as {ws}: a regular file, an empty file, an empty directory, and directories with
    // an obstacle where a verb would write.
    private readonly DirectoryInfo _workspace = Directory.CreateTempSubdirectory("sharpness-fuzz-");

    public CliFuzzTests()
    {
        var ws = _workspace.FullName;
        File.WriteAllText(Path.Combine(ws, "file"), "x");
        File.WriteAllText(Path.Combine(ws, "empty.json"), string.Empty);
        Directory.CreateDirectory(Path.Combine(ws, "dir"));
        Directory.CreateDirectory(Path.Combine(ws, "out", "Fig2_a_loss.png"));
        Directory.CreateDirectory(Path.Combine(ws, "appx"));
        File.WriteAllText(Path.Combine(ws, "appx", "figures"), "a file where the figures folder goes");
        Directory.CreateDirectory(Path.Combine(ws, "appx2", "APPENDIX.md"));
    }

    private const string Verbs = "the verbs are verify, lambda-max, escape, appendix, merge (sharpness --help)";

    // Rows that do pass validation by mistake would run a verb: each row asks for the least work (one claim, one case, one
    // figure, one step) so that such a failure is quick, and names an output directory in the workspace.
    private const string V = "verify --claim EXACT-C6 --cases 1";
    private const string E = "escape --figure Fig2 --iterations 1 --out {ws}/new";

    /// <summary>Command line (tokens split at spaces; <c>''</c> is an empty argument; <c>{ws}</c> the workspace) and the
    /// one line expected on stderr.</summary>
    public static TheoryData<string, string> BadArguments { get; } = new()
    {
        // The root command.
        { "", $"error: no verb given; {Verbs}" },
        { "frobnicate", $"error: unknown verb 'frobnicate'; {Verbs}" },
        { "frobnicate --json {ws}/x.json", $"error: unknown verb 'frobnicate'; {Verbs}" },
        { "--bogus", $"error: unknown option '--bogus'; {Verbs}" },
        { "''", $"error: unknown verb ''; {Verbs}" },

        // verify: the parser.
        { "verify --bogus", "error: unknown option '--bogus' for verify (sharpness verify --help)" },
        { "verify EXACT-C6", "error: unknown argument 'EXACT-C6' for verify (sharpness verify --help)" },
        { "verify --cases", "error: Required argument missing for option: '--cases'." },
        { "verify --claim", "error: Required argument missing for option: '--claim'." },
        { "verify --seed", "error: Required argument missing for option: '--seed'." },
        { "verify --json", "error: Required argument missing for option: '--json'." },
        { "verify --markdown", "error: Required argument missing for option: '--markdown'." },
        { "verify --max-depth", "error: Required argument missing for option: '--max-depth'." },
        { $"{V} --json {{ws}}/a.json --json {{ws}}/b.json", "error: Option '--json' expects a single argument but 2 were provided." },

        // verify: values.
        { "verify --cases 0", "error: --cases must be a whole number from 1 to 2147483647, not '0'" },
        { "verify --cases -1", "error: --cases must be a whole number from 1 to 2147483647, not '-1'" },
        { "verify --cases 99999999999", "error: --cases must be a whole number from 1 to 2147483647, not '99999999999'" },
        { "verify --cases 1.5", "error: --cases must be a whole number from 1 to 2147483647, not '1.5'" },
        { "verify --cases ''", "error: --cases must be a whole number from 1 to 2147483647, not ''" },
        { "verify --max-depth 0", "error: --max-depth must be a whole number from 1 to 2147483647, not '0'" },
        { "verify --max-depth deep", "error: --max-depth must be a whole number from 1 to 2147483647, not 'deep'" },
        { "verify --certify-cases 0", "error: --certify-cases must be a whole number from 1 to 100000, not '0'" },
        { "verify --certify-cases 100001", "error: --certify-cases must be a whole number from 1 to 100000, not '100001'" },
        { $"{V} --seed twelve", "error: A seed is 'seed' or '(seed,gamma)' with whole numbers, not 'twelve'." },
        { $"{V} --seed ''", "error: --seed needs a seed or a (seed,gamma) pair, not an empty string" },
        { $"{V} --seed -5", "error: A seed is 'seed' or '(seed,gamma)' with whole numbers, not '-5'." },
        { $"{V} --seed 99999999999999999999999", "error: A seed is 'seed' or '(seed,gamma)' with whole numbers, not '99999999999999999999999'." },
        { $"{V} --seed (1,2)", "error: The gamma of '(1,2)' must be an odd whole number." },
        { $"{V} --seed (1,3,5,7)", "error: A seed is 'seed' or '(seed,gamma)' with whole numbers, not '(1,3,5,7)'." },
        { $"{V} --seed (1,3,0)", "error: The size of '(1,3,0)' must be a whole number from 1 to 100." },
        { "verify --claim EXACT-C6 --seed (1,3,5) --cases 2", "error: the seed (1,3,5) is one case's (seed,gamma,size), which replays that case alone; --cases must be 1 or absent" },
        { "verify --claim EXACT-T99 --cases 1", $"error: No claim 'EXACT-T99'. Known: {string.Join(", ", Catalogue.Claims.Select(c => c.Id))}." },

        // verify: report paths, checked before the run.
        { $"{V} --json ''", "error: --json needs a file name, not an empty string" },
        { $"{V} --markdown ''", "error: --markdown needs a file name, not an empty string" },
        { $"{V} --json {{ws}}/dir", "error: --json {ws}/dir is a directory, not a file" },
        { $"{V} --markdown {{ws}}/dir", "error: --markdown {ws}/dir is a directory, not a file" },
        { $"{V} --json {{ws}}/file/x.json", "error: --json {ws}/file/x.json: {ws}/file is a file, not a directory" },
        { $"{V} --markdown {{ws}}/file/sub/x.md", "error: --markdown {ws}/file/sub/x.md: {ws}/file is a file, not a directory" },
        { $"{V} --json {{ws}}/missing/x.json", "error: --json {ws}/missing/x.json: the directory {ws}/missing does not exist (it is not created)" },
        { $"{V} --markdown {{ws}}/missing/deeper/x.md", "error: --markdown {ws}/missing/deeper/x.md: the directory {ws}/missing/deeper does not exist (it is not created)" },
        { $"{V} --json /proc/sharpness.json", "error: --json /proc/sharpness.json cannot be written: /proc does not take new files" },
        { $"{V} --json /dev/null", "error: --json /dev/null is a device or pipe, not a regular file" },
        { $"{V} --json {{ws}}/r.json --markdown {{ws}}/r.json", "error: --json {ws}/r.json and --markdown {ws}/r.json name the same file; one report would replace the other" },
        { $"{V} --json {{ws}}/r.json --markdown {{ws}}/dir/../r.json", "error: --json {ws}/r.json and --markdown {ws}/dir/../r.json name the same file; one report would replace the other" },

        // lambda-max.
        { "lambda-max", "error: Required argument missing for command: 'lambda-max'." },
        { "lambda-max --json", "error: Required argument missing for command: 'lambda-max'." },
        { "lambda-max --bogus {ws}/file", "error: unknown option '--bogus' for lambda-max (sharpness lambda-max --help)" },
        { "lambda-max {ws}/file {ws}/empty.json", "error: unknown argument '{ws}/empty.json' for lambda-max (sharpness lambda-max --help)" },
        { "lambda-max ''", "error: FILE needs a file name, not an empty string" },
        { "lambda-max {ws}/dir", "error: cannot read {ws}/dir: it is a directory" },
        { "lambda-max {ws}/missing.json", "error: cannot read {ws}/missing.json: no such file" },
        { "lambda-max {ws}/file/x.json", "error: cannot read {ws}/file/x.json: no such file" },
        { "lambda-max {ws}/empty.json --json", "error: the file is empty: it needs {\"layers\": [W_1, ..., W_L]}" },
        { "lambda-max {ws}/file", "error: not valid JSON at line 1, column 1: 'x' is an invalid start of a value." },
        { "lambda-max /dev/zero", "error: cannot read /dev/zero: it is a device, not a file" },
        { "lambda-max /dev/null --json", "error: cannot read /dev/null: it is a device, not a file" },
        { "lambda-max /proc/self/mem", "error: cannot read /proc/self/mem: Input/output error : '/proc/self/mem'" },

        // escape: the parser and values.
        { "escape --bogus", "error: unknown option '--bogus' for escape (sharpness escape --help)" },
        { "escape --out", "error: Required argument missing for option: '--out'." },
        { "escape --figure", "error: Required argument missing for option: '--figure'." },
        { "escape --steps", "error: Required argument missing for option: '--steps'." },
        { "escape --iterations", "error: Required argument missing for option: '--iterations'." },
        { $"{E} --figure Fig9", $"error: --figure: no escape configuration 'Fig9'; known: {string.Join(", ", EscapeConfiguration.Paper.Select(c => c.Id))}" },
        { "escape --iterations 0 --out {ws}/new", "error: --iterations must be a whole number from 1 to 100000, not '0'" },
        { "escape --iterations -1 --out {ws}/new", "error: --iterations must be a whole number from 1 to 100000, not '-1'" },
        { "escape --iterations 100001 --out {ws}/new", "error: --iterations must be a whole number from 1 to 100000, not '100001'" },
        { "escape --iterations 99999999999 --out {ws}/new", "error: --iterations must be a whole number from 1 to 100000, not '99999999999'" },
        { "escape --iterations many --out {ws}/new", "error: --iterations must be a whole number from 1 to 100000, not 'many'" },
        { $"{E} --steps 1e308", "error: --steps must be multiples of 2/lambda_max from 1e-6 to 1e6; got 1E+308" },
        { $"{E} --steps 1e400", "error: --steps must be multiples of 2/lambda_max from 1e-6 to 1e6; got Infinity" },
        { $"{E} --steps 1e-7", "error: --steps must be multiples of 2/lambda_max from 1e-6 to 1e6; got 1E-07" },
        { $"{E} --steps -1", "error: --steps must be multiples of 2/lambda_max from 1e-6 to 1e6; got -1" },
        { $"{E} --steps 0", "error: --steps must be multiples of 2/lambda_max from 1e-6 to 1e6; got 0" },
        { $"{E} --steps NaN", "error: --steps must be multiples of 2/lambda_max from 1e-6 to 1e6; got NaN" },
        { $"{E} --steps 1.05 abc", "error: --steps takes numbers, not 'abc'" },
        { $"{E} --steps ''", "error: --steps takes numbers, not ''" },
        { $"{E} --steps 1.00001 1.00002", "error: --steps 1.00001 and 1.00002 agree to four digits, so their traces would have the same file name" },

        // escape: the output directory, checked before the run.
        { "escape --figure Fig2 --iterations 1 --out ''", "error: --out needs a directory name, not an empty string" },
        { "escape --figure Fig2 --iterations 1 --out {ws}/file", "error: --out {ws}/file is a file, not a directory" },
        { "escape --figure Fig2 --iterations 1 --out {ws}/file/sub", "error: --out {ws}/file/sub: {ws}/file is a file, not a directory" },
        { "escape --figure Fig2 --iterations 1 --out {ws}/missing/sub", "error: --out {ws}/missing/sub: the directory {ws}/missing does not exist (it is not created)" },
        { "escape --figure Fig2 --iterations 1 --out {ws}/out", "error: --out {ws}/out: {ws}/out/Fig2_a_loss.png is in the way (a directory or special file where an output file goes)" },
        { "escape --figure Fig2 --iterations 1 --out /proc/sharpness-escape", "error: --out /proc/sharpness-escape cannot be written: /proc does not take new files" },

        // appendix.
        { "appendix --bogus", "error: unknown option '--bogus' for appendix (sharpness appendix --help)" },
        { "appendix --out", "error: Required argument missing for option: '--out'." },
        { "appendix --cases 0 --out {ws}/new", "error: --cases must be a whole number from 1 to 2147483647, not '0'" },
        { "appendix --cases 99999999999 --out {ws}/new", "error: --cases must be a whole number from 1 to 2147483647, not '99999999999'" },
        { "appendix --cases 1 --seed twelve --out {ws}/new", "error: A seed is 'seed' or '(seed,gamma)' with whole numbers, not 'twelve'." },
        { "appendix --cases 1 --out ''", "error: --out needs a directory name, not an empty string" },
        { "appendix --cases 1 --out {ws}/file", "error: --out {ws}/file is a file, not a directory" },
        { "appendix --cases 1 --out {ws}/missing/sub", "error: --out {ws}/missing/sub: the directory {ws}/missing does not exist (it is not created)" },
        { "appendix --cases 1 --out {ws}/appx", "error: --out {ws}/appx: {ws}/appx/figures is a file, not a directory" },
        { "appendix --cases 1 --out {ws}/appx2", "error: --out {ws}/appx2: {ws}/appx2/APPENDIX.md is in the way (a directory or special file where an output file goes)" },
        { "appendix --cases 1 --out /proc/sharpness-appendix", "error: --out /proc/sharpness-appendix cannot be written: /proc does not take new files" },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public async Task BadArgument_ExitsTwo_OneLineOnStderr_NothingOnStdout_NothingWritten(string commandLine, string expected)
    {
        if (!OperatingSystem.IsLinux() && (commandLine.Contains("/proc", StringComparison.Ordinal) || commandLine.Contains("/dev", StringComparison.Ordinal)))
        {
            // Those rows name Linux's special files; every other row holds on any system.
            return;
        }

        var ws = _workspace.FullName;
        var args = commandLine.Length == 0 ? [] : commandLine.Split(' ').Select(t => t == "''" ? string.Empty : t.Replace("{ws}", ws, StringComparison.Ordinal)).ToArray();
        var before = Listing();
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);

        var code = await global::Program.InvokeAsync(args, stdout, stderr);

        Assert.Equal(expected.Replace("{ws}", ws, StringComparison.Ordinal) + "\n", stderr.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout.ToString());
        Assert.Equal(before, Listing());
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal("x /dev/null is a device or pipe, not a regular file", Sharpness.Cli.AtomicFile.ProblemWithFile("x", "/dev/null"));
        }
        Assert.False(Directory.Exists(Path.Combine(Directory.GetCurrentDirectory(), "escape-output")), "escape wrote to its default directory");
    }

    /// <summary>The probe that checks a report path leaves nothing behind, and a report path that passes is written.</summary>
    [Fact]
    public void ReportPathProbe_LeavesNothingBehind()
    {
        var before = Listing();
        Assert.Null(Sharpness.Cli.AtomicFile.ProblemWithFile("--json", Path.Combine(_workspace.FullName, "dir", "r.json")));
        Assert.Null(Sharpness.Cli.AtomicFile.ProblemWithDirectory("--out", Path.Combine(_workspace.FullName, "new"), ["a.csv"]));
        Assert.Null(Sharpness.Cli.AtomicFile.ProblemWithDirectory("--out", Path.Combine(_workspace.FullName, "dir"), ["a.csv", "figures/b.png"]));
        Assert.Equal(before, Listing());
    }

    /// <summary>The other side of the table: paths that can be written are, a report reached through a symbolic link
    /// updates the link's target, and <c>--out</c> creates its own directory (one level) and nothing else.</summary>
    [Fact]
    public async Task GoodPaths_AreWritten_AndOnlyTheNamedDirectoryIsCreated()
    {
        var ws = _workspace.FullName;
        var target = Path.Combine(ws, "dir", "target.md");
        File.WriteAllText(target, "old");
        File.CreateSymbolicLink(Path.Combine(ws, "link.md"), target);
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);

        var verify = await global::Program.InvokeAsync(["verify", "--claim", "EXACT-C6", "--cases", "1", "--json", Path.Combine(ws, "dir", "r.json"), "--markdown", Path.Combine(ws, "link.md")], stdout, stderr);
        var escape = await global::Program.InvokeAsync(["escape", "--figure", "Fig2", "--iterations", "1", "--steps", "1.05", "--out", Path.Combine(ws, "new")], stdout, stderr);

        Assert.Equal(string.Empty, stderr.ToString());
        Assert.InRange(verify, 0, 1);
        Assert.InRange(escape, 0, 1);
        Assert.StartsWith("{", File.ReadAllText(Path.Combine(ws, "dir", "r.json")), StringComparison.Ordinal);
        Assert.StartsWith("#", File.ReadAllText(target), StringComparison.Ordinal);
        Assert.Equal(target, new FileInfo(Path.Combine(ws, "link.md")).LinkTarget);
        Assert.Empty(Directory.GetDirectories(Path.Combine(ws, "new")));
        Assert.Contains(Path.Combine(ws, "new", "escape-summary.csv"), Directory.GetFiles(Path.Combine(ws, "new")));
        Assert.Equal(["appx", "appx2", "dir", "new", "out"], Directory.GetDirectories(ws).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(Directory.EnumerateFiles(ws, "*", SearchOption.AllDirectories), f => Path.GetFileName(f).StartsWith('.'));
    }

    public void Dispose() => _workspace.Delete(recursive: true);

    // Every entry under the workspace, files with their size and time of last write (not directories: creating and
    // deleting the probe file changes a directory's time and nothing else).
    private string[] Listing() =>
        [.. _workspace.EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Select(e => $"{Path.GetRelativePath(_workspace.FullName, e.FullName)} {(e is FileInfo f ? string.Create(CultureInfo.InvariantCulture, $"{f.Length} {f.LastWriteTimeUtc.Ticks}") : "dir")}")
            .Order(StringComparer.Ordinal)];
}

using System.Collections.Concurrent;
using System.CommandLine;
using System.Globalization;
using Sharpness.Verification;
using Sharpness.Verification.Certificates;
using Spectre.Console;

namespace Sharpness.Cli.Verify;

/// <summary>What <c>verify</c> was asked to do.</summary>
internal sealed record VerifyOptions(
    IReadOnlyList<string> ClaimIds,
    int? Cases = null,
    string? Seed = null,
    int? MaxDepth = null,
    string? JsonPath = null,
    string? MarkdownPath = null,
    int CertifyCases = 0,
    string? LatexPath = null,
    string? Shard = null,
    int? ShardCount = null);

/// <summary>
/// The <c>verify</c> verb (the main job): runs claims through the catalogue's properties (the definitions the tests
/// run), shows a progress bar, then the verdict table; <c>--json</c>, <c>--markdown</c> and <c>--latex</c> write the same
/// report. With <c>--shard k/n</c> it runs one n-th of the cases and <c>--json</c> writes a shard report for <c>merge</c>.
/// Exit code 1 when a claim has a new counterexample or a suite error, 2 for bad arguments, 0 otherwise (an incomplete
/// or not-run verdict says what is missing but is no failure).
/// </summary>
internal static class VerifyCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var claimOption = new Option<string[]>("--claim") { Description = "Claim IDs to verify (default: all), e.g. EXACT-T5.", AllowMultipleArgumentsPerToken = true };
        var casesOption = CasesOption();
        var seedOption = SeedOption();
        var depthOption = new Option<int?>("--max-depth")
        {
            Description = "Check only cases of depth L at most this (deeper cases are passed over).",
            CustomParser = result => Program.WholeNumber(result, 1, int.MaxValue),
        };
        var certifyOption = new Option<int?>("--certify-cases")
        {
            Description = "Also certify EXACT-T4, T5 and C6 at this many random minimizers each (proven enclosures; slower).",
            CustomParser = result => Program.WholeNumber(result, 1, 100000),
        };
        var jsonOption = new Option<string?>("--json") { Description = "Also write the report as JSON to this file (its directory must exist)." };
        var markdownOption = new Option<string?>("--markdown") { Description = "Also write the report as Markdown to this file (its directory must exist)." };
        var latexOption = new Option<string?>("--latex") { Description = "Also write the verdict table as a booktabs LaTeX table to this file (its directory must exist)." };
        var shardOption = new Option<string?>("--shard")
        {
            Description = "Run shard k of n (k/n, 1-based) of the cases, or auto (Slurm job array, Kubernetes Indexed Job); --json then writes a shard report for merge.",
        };
        var shardCountOption = new Option<int?>("--shard-count")
        {
            Description = "With --shard auto under JOB_COMPLETION_INDEX: the number of shards (the Job's completions).",
            CustomParser = result => Program.WholeNumber(result, 1, int.MaxValue),
        };
        var verify = new Command("verify", "Run every claim's properties against the oracles and print the verdicts.")
        {
            claimOption,
            casesOption,
            seedOption,
            depthOption,
            certifyOption,
            jsonOption,
            markdownOption,
            latexOption,
            shardOption,
            shardCountOption,
        };
        verify.SetAction(parse => Run(
            new VerifyOptions(
                parse.GetValue(claimOption) ?? [],
                parse.GetValue(casesOption),
                parse.GetValue(seedOption),
                parse.GetValue(depthOption),
                parse.GetValue(jsonOption),
                parse.GetValue(markdownOption),
                parse.GetValue(certifyOption) ?? 0,
                parse.GetValue(latexOption),
                parse.GetValue(shardOption),
                parse.GetValue(shardCountOption)),
            Program.Console(output),
            error));
        return verify;
    }

    /// <summary><c>--cases N</c>, shared with <c>appendix</c>.</summary>
    public static Option<int?> CasesOption() => new("--cases")
    {
        Description = "Cases per property (default: SHARPNESS_MAX_TEST or 200).",
        CustomParser = result => Program.WholeNumber(result, 1, int.MaxValue),
    };

    /// <summary><c>--seed S</c>, shared with <c>appendix</c>.</summary>
    public static Option<string?> SeedOption() => new("--seed") { Description = "Seed, or the (seed,gamma) pair a failure printed, to replay it." };

    /// <summary>
    /// Checked before a run: each report path can take a file (AtomicFile.ProblemWithFile), and no two name the same file
    /// (one report would silently replace the other). <c>merge</c> checks its outputs the same way.
    /// </summary>
    public static string? ProblemWithReports(params (string Option, string? Path)[] reports)
    {
        var given = reports.Where(r => r.Path is not null).Select(r => (r.Option, Path: r.Path!)).ToList();
        var problem = given.Select(r => AtomicFile.ProblemWithFile(r.Option, r.Path)).OfType<string>().FirstOrDefault();
        if (problem is not null)
        {
            return problem;
        }

        for (var i = 0; i < given.Count; i++)
        {
            for (var j = i + 1; j < given.Count; j++)
            {
                if (AtomicFile.PathComparer.Equals(AtomicFile.Resolve(given[i].Path), AtomicFile.Resolve(given[j].Path)))
                {
                    return $"{given[i].Option} {given[i].Path} and {given[j].Option} {given[j].Path} name the same file; one report would replace the other";
                }
            }
        }

        return null;
    }

    /// <summary>Writes each report format that was asked for.</summary>
    public static void WriteReports(VerificationRun run, string? jsonPath, string? markdownPath, string? latexPath)
    {
        if (jsonPath is not null)
        {
            AtomicFile.WriteAllText(jsonPath, ReportFormats.Json(run));
        }

        if (markdownPath is not null)
        {
            AtomicFile.WriteAllText(markdownPath, ReportFormats.Markdown(run));
        }

        if (latexPath is not null)
        {
            AtomicFile.WriteAllText(latexPath, ReportFormats.Latex(run));
        }
    }

    /// <summary>Runs the verb, writing the report to <paramref name="console"/> and a bad argument's one line to
    /// <paramref name="error"/>; returns the exit code.</summary>
    public static int Run(VerifyOptions options, IAnsiConsole console, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (!TryResolve(options, Environment.GetEnvironmentVariable, out var settings, out var claims, out var shard, out var problem))
        {
            error.WriteLine($"error: {problem}");
            return 2;
        }

        if (shard is not null)
        {
            return RunShard(ExecuteShard(settings, claims, shard, console, options.CertifyCases), options.JsonPath!, console);
        }

        var run = Execute(settings, claims, console, options.CertifyCases);
        var code = Render(run, console);
        WriteReports(run, options.JsonPath, options.MarkdownPath, options.LatexPath);
        return code;
    }

    /// <summary>
    /// Runs shard <paramref name="shard"/> of the cases of <paramref name="claims"/> (every property's cases in turn, dealt
    /// round-robin) and the certificates dealt to it, with a progress bar on an interactive terminal.
    /// </summary>
    public static ShardReport ExecuteShard(RunSettings settings, IReadOnlyList<Claim> claims, Shard shard, IAnsiConsole console, int certifyCases = 0)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(shard);
        var properties = new List<ShardProperty>();
        var certificates = new Dictionary<string, CertificateOutcome>();
        WithProgress(console, claims.Sum(c => c.Properties.Count), step =>
        {
            long position = 0;
            foreach (var claim in claims)
            {
                foreach (var property in claim.Properties)
                {
                    step(claim.Id);
                    properties.Add(new ShardProperty(claim.Id, property.Name, ClaimRunner.RunCases(claim, property, settings, shard.Cases(position, settings.Cases))));
                    position += settings.Cases;
                }
            }
        });

        var certified = claims.Where(c => CertificateCatalogue.For(c.Id) is not null).ToList();
        foreach (var (claim, i) in certified.Select((c, i) => (c, i)).Where(c => shard.RunsCertificate(c.i)))
        {
            certificates[claim.Id] = VerificationRun.Certify([claim], certifyCases, settings.Seed)[claim.Id];
        }

        return new ShardReport(ShardReport.CurrentSuiteVersion, shard, settings, certifyCases, [.. claims.Select(c => c.Id)], properties, certificates);
    }

    // A shard writes its report and says in one line what it ran, then each failure's report (a shard has no verdicts:
    // merge computes them). Exit 1 when a case or certificate failed, as verify does.
    private static int RunShard(ShardReport report, string jsonPath, IAnsiConsole console)
    {
        AtomicFile.WriteAllText(jsonPath, report.Json());
        var cases = report.Properties.SelectMany(p => p.Cases).ToList();
        var failures = cases.Where(c => !c.Holds).ToList();
        var unproven = report.Certificates.Where(c => !c.Value.Proven).ToList();
        console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"shard {report.Shard}, seed {report.Settings.Replay}: {cases.Count} cases ({failures.Count} failed), {report.Certificates.Count} certificates ({unproven.Count} not proven)"));
        console.WriteLine($"shard report: {jsonPath} (join the shards with: sharpness merge SHARDS... --json OUT)");
        foreach (var failure in failures)
        {
            console.WriteLine(failure.Failure ?? string.Empty);
        }

        foreach (var (id, certificate) in unproven)
        {
            console.WriteLine($"{id} certificate not proven: {certificate.Evidence}");
        }

        return failures.Count + unproven.Count == 0 ? 0 : 1;
    }

    // A progress bar over `total` steps on an interactive terminal (each step names its claim); elsewhere none: Spectre's
    // fallback would print percentages at moments that depend on timing, and the report is the output.
    private static void WithProgress(IAnsiConsole console, int total, Action<Action<string>> work)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (!console.Profile.Capabilities.Interactive)
        {
            work(_ => { });
            return;
        }

        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("claims", maxValue: total);
                var started = false;
                work(id =>
                {
                    task.Increment(started ? 1 : 0);
                    started = true;
                    task.Description = Markup.Escape(id);
                });
                task.Value = task.MaxValue;
            });
    }

    /// <summary>
    /// Writes a finished run to <paramref name="console"/>: the table, each reproduced counterexample's finding, what
    /// each incomplete claim lacks, every failure's report, and the closing line. Returns the exit code: 1 when a claim
    /// has a new counterexample or a suite error, else 0.
    /// </summary>
    public static int Render(VerificationRun run, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(console);
        console.Write(Table(run));
        foreach (var report in run.Claims.Where(r => r.Verdict == Verdict.KnownCounterexampleReproduced))
        {
            console.MarkupLineInterpolated($"[yellow]{report.Claim.Id}[/]: {report.Claim.Finding}");
            if (run.Certificates.TryGetValue(report.Claim.Id, out var certificate))
            {
                console.MarkupLineInterpolated($"  certificate ({run.CertificateWord(report)}): {certificate.Evidence}");
            }
        }

        foreach (var (id, certificate) in run.Certificates.Where(c => !c.Value.Proven))
        {
            console.MarkupLineInterpolated($"[red]{id}[/] certificate not proven: {certificate.Evidence}");
        }

        foreach (var report in run.Claims.Where(r => r.Gaps.Count > 1))
        {
            console.MarkupLineInterpolated($"[grey]{report.Claim.Id}[/] {Verifier.Describe(report.Verdict)}: {string.Join("; ", report.Gaps)}");
        }

        foreach (var failure in run.Claims.SelectMany(r => r.Properties).Where(p => !p.Passed))
        {
            console.WriteLine(failure.Failure ?? string.Empty);
        }

        console.WriteLine(run.Summary);
        return run.Failed == 0 ? 0 : 1;
    }

    /// <summary>Runs the claims, with a progress bar on an interactive terminal.</summary>
    /// <param name="settings">Cases, seed and depth limit.</param>
    /// <param name="claims">The claims to run.</param>
    /// <param name="console">Where the progress bar goes (on a terminal).</param>
    /// <param name="certifyCases">With <c>--certify-cases N</c>, the closed-form certificates also run at N random minimizers.</param>
    public static VerificationRun Execute(RunSettings settings, IReadOnlyList<Claim> claims, IAnsiConsole console, int certifyCases = 0)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(console);
        var reports = new List<ClaimReport>();
        WithProgress(console, claims.Sum(c => c.Properties.Count), step => reports.AddRange(VerifyAll(claims, settings, step)));
        return new VerificationRun(settings, reports) { Certificates = VerificationRun.Certify(claims, certifyCases, settings.Seed) };
    }

    // Every property run is independent (each case draws from its own seed), so the runs share the processors, taken one
    // at a time; the reports keep the catalogue's order and are judged per claim as Verifier.Verify does, so the result is
    // byte for byte that of one run after another. MathNet's own threads would only contend with these. `step` (the
    // progress bar) is called under a lock, one property at a time.
    private static List<ClaimReport> VerifyAll(IReadOnlyList<Claim> claims, RunSettings settings, Action<string> step)
    {
        var gate = new object();
        MathNet.Numerics.Control.UseSingleThread();
        var work = claims.SelectMany(claim => claim.Properties.Select(property => (Claim: claim, Property: property))).ToArray();
        var results = new PropertyReport[work.Length];
        Parallel.ForEach(
            Partitioner.Create(Enumerable.Range(0, work.Length), EnumerablePartitionerOptions.NoBuffering),
            i =>
            {
                results[i] = ClaimRunner.Run(work[i].Claim, work[i].Property, settings);
                lock (gate)
                {
                    step(work[i].Claim.Id);
                }
            });
        var reports = new List<ClaimReport>(claims.Count);
        var next = 0;
        foreach (var claim in claims)
        {
            reports.Add(Verifier.Judge(claim, results[next..(next + claim.Properties.Count)], settings.MaxDepth));
            next += claim.Properties.Count;
        }

        return reports;
    }

    /// <summary>The run settings and claims of a whole (unsharded) run the options ask for, or the one-line reason they are invalid.</summary>
    public static bool TryResolve(VerifyOptions options, out RunSettings settings, out IReadOnlyList<Claim> claims, out string problem) =>
        TryResolve(options with { Shard = null, ShardCount = null }, _ => null, out settings, out claims, out _, out problem);

    /// <summary>
    /// The run settings, claims and shard (null for a whole run) the options ask for, reading <c>--shard auto</c>'s
    /// variables from <paramref name="environment"/>, or the one-line reason they are invalid.
    /// </summary>
    public static bool TryResolve(VerifyOptions options, Func<string, string?> environment, out RunSettings settings, out IReadOnlyList<Claim> claims, out Shard? shard, out string problem)
    {
        ArgumentNullException.ThrowIfNull(options);
        settings = RunSettings.FromEnvironment();
        claims = [];
        shard = null;
        problem = string.Empty;
        try
        {
            if (options.Seed is { } given && given.Trim().Length == 0)
            {
                // ParseSeed reads an empty SHARPNESS_SEED as "the default"; an empty --seed is a mistake.
                throw new ArgumentException("--seed needs a seed or a (seed,gamma) pair, not an empty string");
            }

            var (seed, gamma, caseSize) = options.Seed is null ? (settings.Seed, settings.Gamma, settings.CaseSize) : RunSettings.ParseReplay(options.Seed);
            if (options.Cases is <= 0)
            {
                throw new ArgumentException($"--cases must be a whole number from 1 to {int.MaxValue}, not {options.Cases}");
            }

            if (caseSize is not null && options.Cases is > 1)
            {
                throw new ArgumentException($"the seed {options.Seed ?? "of SHARPNESS_SEED"} is one case's (seed,gamma,size), which replays that case alone; --cases must be 1 or absent");
            }

            if (options.ShardCount is not null && options.Shard is null)
            {
                throw new ArgumentException("--shard-count is for --shard auto");
            }

            if (options.Shard is not null)
            {
                shard = Shard.Parse(options.Shard, options.ShardCount, environment);
                if (caseSize is not null)
                {
                    throw new ArgumentException("a case's seed (seed,gamma,size) replays one case alone; it is not sharded");
                }

                if (options.JsonPath is null)
                {
                    throw new ArgumentException($"--shard {options.Shard} needs --json FILE for the shard's report (sharpness merge joins them)");
                }

                if (options.MarkdownPath is not null || options.LatexPath is not null)
                {
                    throw new ArgumentException("a shard writes only its --json report; sharpness merge SHARDS... writes --markdown and --latex");
                }
            }

            if (options.MaxDepth is < 1)
            {
                throw new ArgumentException($"--max-depth must be a whole number from 1 to {int.MaxValue}, not {options.MaxDepth}");
            }

            var unwritable = ProblemWithReports(("--json", options.JsonPath), ("--markdown", options.MarkdownPath), ("--latex", options.LatexPath));
            if (unwritable is not null)
            {
                throw new ArgumentException(unwritable);
            }

            settings = new RunSettings(caseSize is null ? options.Cases ?? settings.Cases : 1, seed, gamma, options.MaxDepth) { CaseSize = caseSize };
            var unknown = options.ClaimIds.Where(id => !Catalogue.Claims.Any(c => string.Equals(c.Id, id, StringComparison.OrdinalIgnoreCase))).ToList();
            if (unknown.Count > 0)
            {
                throw new ArgumentException($"No claim {string.Join(", ", unknown.Select(id => $"'{id}'"))}. Known: {string.Join(", ", Catalogue.Claims.Select(c => c.Id))}.");
            }

            // A claim named twice runs once, as a step size given twice does in escape.
            claims = options.ClaimIds.Count == 0 ? Catalogue.Claims : [.. options.ClaimIds.Select(Catalogue.Claim).Distinct()];
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            problem = ex.Message;
            return false;
        }
    }

    private static Table Table(VerificationRun run)
    {
        var depth = run.Settings.MaxDepth is int d ? $", depth <= {d}" : string.Empty;
        var table = new Table().Border(TableBorder.Rounded).Title($"Sharpness verify ({run.Settings.Cases} cases per property, seed {run.Settings.Replay}{depth})");
        table.AddColumns("Claim", "Source", "Cases", "Worst rel. error", "Verdict", "Certificate", "Replay: --seed");
        foreach (var report in run.Claims)
        {
            var color = report.Verdict switch
            {
                Verdict.Holds => "green",
                Verdict.KnownCounterexampleReproduced => "yellow",
                Verdict.Incomplete or Verdict.NotRun => "grey",
                _ => "red",
            };
            table.AddRow(
                Markup.Escape(report.Claim.Id),
                Markup.Escape(report.Claim.Source),
                report.Cases.ToString(CultureInfo.InvariantCulture),
                ReportFormats.WorstError(report),
                $"[{color}]{Markup.Escape(Verifier.Describe(report))}[/]",
                Markup.Escape(run.CertificateWord(report)),
                Markup.Escape(run.Settings.Replay));
        }

        return table;
    }
}

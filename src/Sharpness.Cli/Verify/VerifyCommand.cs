using System.Collections.Concurrent;
using System.CommandLine;
using System.Globalization;
using Sharpness.Verification;
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
    int CertifyCases = 0);

/// <summary>
/// The <c>verify</c> verb (the main job): runs claims through the catalogue's properties (the definitions the tests
/// run), shows a progress bar, then the verdict table; <c>--json</c> and <c>--markdown</c> write the same report.
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
        var verify = new Command("verify", "Run every claim's properties against the oracles and print the verdicts.")
        {
            claimOption,
            casesOption,
            seedOption,
            depthOption,
            certifyOption,
            jsonOption,
            markdownOption,
        };
        verify.SetAction(parse => Run(
            new VerifyOptions(
                parse.GetValue(claimOption) ?? [],
                parse.GetValue(casesOption),
                parse.GetValue(seedOption),
                parse.GetValue(depthOption),
                parse.GetValue(jsonOption),
                parse.GetValue(markdownOption),
                parse.GetValue(certifyOption) ?? 0),
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

    // Checked before the run: each report path can take a file (AtomicFile.ProblemWithFile), and the two are not the same
    // file (one report would silently replace the other).
    private static string? ProblemWithReports(VerifyOptions options)
    {
        var reports = new[] { ("--json", options.JsonPath), ("--markdown", options.MarkdownPath) }
            .Where(r => r.Item2 is not null)
            .Select(r => (Option: r.Item1, Path: r.Item2!))
            .ToList();
        var problem = reports.Select(r => AtomicFile.ProblemWithFile(r.Option, r.Path)).OfType<string>().FirstOrDefault();
        if (problem is not null || reports.Count < 2)
        {
            return problem;
        }

        return AtomicFile.PathComparer.Equals(AtomicFile.Resolve(reports[0].Path), AtomicFile.Resolve(reports[1].Path))
            ? $"--json {reports[0].Path} and --markdown {reports[1].Path} name the same file; one report would replace the other"
            : null;
    }

    /// <summary>Runs the verb, writing the report to <paramref name="console"/> and a bad argument's one line to
    /// <paramref name="error"/>; returns the exit code.</summary>
    public static int Run(VerifyOptions options, IAnsiConsole console, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (!TryResolve(options, out var settings, out var claims, out var problem))
        {
            error.WriteLine($"error: {problem}");
            return 2;
        }

        var run = Execute(settings, claims, console, options.CertifyCases);
        var code = Render(run, console);
        if (options.JsonPath is not null)
        {
            AtomicFile.WriteAllText(options.JsonPath, ReportFormats.Json(run));
        }

        if (options.MarkdownPath is not null)
        {
            AtomicFile.WriteAllText(options.MarkdownPath, ReportFormats.Markdown(run));
        }

        return code;
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
        if (!console.Profile.Capabilities.Interactive)
        {
            // Redirected output (CI logs, files, tests): Spectre's fallback would print percentages at moments that
            // depend on timing; the table alone is the report.
            reports.AddRange(VerifyAll(claims, settings, null));
            return new VerificationRun(settings, reports) { Certificates = VerificationRun.Certify(claims, certifyCases, settings.Seed) };
        }

        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("claims", maxValue: claims.Sum(c => c.Properties.Count));
                reports.AddRange(VerifyAll(claims, settings, claim =>
                {
                    task.Description = claim.Id;
                    task.Increment(1);
                }));

                task.Value = task.MaxValue;
            });
        return new VerificationRun(settings, reports) { Certificates = VerificationRun.Certify(claims, certifyCases, settings.Seed) };
    }

    // Every property run is independent (it draws its cases from the run's seed alone), so the runs share the processors,
    // taken one at a time; the reports keep the catalogue's order and are judged per claim as Verifier.Verify does, so the
    // result is byte for byte that of one run after another. MathNet's own threads would only contend with these.
    private static List<ClaimReport> VerifyAll(IReadOnlyList<Claim> claims, RunSettings settings, Action<Claim>? finished)
    {
        MathNet.Numerics.Control.UseSingleThread();
        var work = claims.SelectMany(claim => claim.Properties.Select(property => (Claim: claim, Property: property))).ToArray();
        var results = new PropertyReport[work.Length];
        Parallel.ForEach(
            Partitioner.Create(Enumerable.Range(0, work.Length), EnumerablePartitionerOptions.NoBuffering),
            i =>
            {
                results[i] = ClaimRunner.Run(work[i].Claim, work[i].Property, settings);
                finished?.Invoke(work[i].Claim);
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

    /// <summary>The run settings and claims the options ask for, or the one-line reason they are invalid.</summary>
    public static bool TryResolve(VerifyOptions options, out RunSettings settings, out IReadOnlyList<Claim> claims, out string problem)
    {
        ArgumentNullException.ThrowIfNull(options);
        settings = RunSettings.FromEnvironment();
        claims = [];
        problem = string.Empty;
        try
        {
            if (options.Seed is { } given && given.Trim().Length == 0)
            {
                // ParseSeed reads an empty SHARPNESS_SEED as "the default"; an empty --seed is a mistake.
                throw new ArgumentException("--seed needs a seed or a (seed,gamma) pair, not an empty string");
            }

            var (seed, gamma) = options.Seed is null ? (settings.Seed, settings.Gamma) : RunSettings.ParseSeed(options.Seed);
            if (options.Cases is <= 0)
            {
                throw new ArgumentException($"--cases must be a whole number from 1 to {int.MaxValue}, not {options.Cases}");
            }

            if (options.MaxDepth is < 1)
            {
                throw new ArgumentException($"--max-depth must be a whole number from 1 to {int.MaxValue}, not {options.MaxDepth}");
            }

            var unwritable = ProblemWithReports(options);
            if (unwritable is not null)
            {
                throw new ArgumentException(unwritable);
            }

            settings = new RunSettings(options.Cases ?? settings.Cases, seed, gamma, options.MaxDepth);
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

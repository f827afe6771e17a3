using System.CommandLine;
using System.Globalization;
using Sharpness.Cli.Verify;
using Sharpness.Verification;
using Sharpness.Verification.Certificates;
using Spectre.Console;

namespace Sharpness.Cli.Merge;

/// <summary>
/// The <c>merge</c> verb: joins the shard reports of <c>verify --shard k/n --json FILE</c> into the report of the
/// unsharded run, byte for byte. It checks that the files come from one suite version and one run (seed, cases, depth
/// limit, certification sweep, claims) and hold every (claim, property, case) exactly once, then recomputes every
/// verdict from the cases, prints the verdict table as <c>verify</c> does and writes <c>--json</c>, <c>--markdown</c>,
/// <c>--latex</c>. A refusal is one line on stderr and exit 2; otherwise the exit code is <c>verify</c>'s.
/// </summary>
internal static class MergeCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var shards = new Argument<string[]>("shards") { Description = "The shard reports (verify --shard k/n --json FILE), in any order.", Arity = ArgumentArity.OneOrMore };
        var jsonOption = new Option<string?>("--json") { Description = "Write the merged report as JSON to this file (its directory must exist)." };
        var markdownOption = new Option<string?>("--markdown") { Description = "Write the merged report as Markdown to this file (its directory must exist)." };
        var latexOption = new Option<string?>("--latex") { Description = "Write the verdict table as a booktabs LaTeX table to this file (its directory must exist)." };
        var merge = new Command("merge", "Join the shard reports of verify --shard into the unsharded run's report.") { shards, jsonOption, markdownOption, latexOption };
        merge.SetAction(parse => Run(
            parse.GetValue(shards) ?? [],
            parse.GetValue(jsonOption),
            parse.GetValue(markdownOption),
            parse.GetValue(latexOption),
            Program.Console(output),
            error));
        return merge;
    }

    /// <summary>Runs the verb; returns the exit code (2 on a refusal, else <c>verify</c>'s).</summary>
    public static int Run(IReadOnlyList<string> files, string? jsonPath, string? markdownPath, string? latexPath, IAnsiConsole console, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            if (jsonPath is null && markdownPath is null && latexPath is null)
            {
                throw new ArgumentException("merge needs an output: --json OUT, --markdown OUT or --latex OUT");
            }

            if (VerifyCommand.ProblemWithReports(("--json", jsonPath), ("--markdown", markdownPath), ("--latex", latexPath)) is { } unwritable)
            {
                throw new ArgumentException(unwritable);
            }

            var run = Merge([.. files.Select(f => (f, Read(f)))]);
            var code = VerifyCommand.Render(run, console);
            VerifyCommand.WriteReports(run, jsonPath, markdownPath, latexPath);
            return code;
        }
        catch (ArgumentException ex)
        {
            error.WriteLine($"error: {ex.Message}");
            return 2;
        }
    }

    /// <summary>
    /// The run the shards make up: the same settings, every claim's properties summarized from their cases (up to the
    /// first failure by case index) and judged, the certificates in the claims' order.
    /// </summary>
    /// <exception cref="ArgumentException">The shards do not make up one run exactly, with the first reason.</exception>
    public static VerificationRun Merge(IReadOnlyList<(string File, ShardReport Report)> shards)
    {
        ArgumentNullException.ThrowIfNull(shards);
        var (file0, first) = shards[0];
        foreach (var (file, report) in shards.Skip(1))
        {
            Same(file0, file, "suite version", first.SuiteVersion, report.SuiteVersion);
            Same(file0, file, "seed", first.Settings.Replay, report.Settings.Replay);
            Same(file0, file, "cases per property", Text(first.Settings.Cases), Text(report.Settings.Cases));
            Same(file0, file, "--max-depth", Text(first.Settings.MaxDepth), Text(report.Settings.MaxDepth));
            Same(file0, file, "--certify-cases", Text(first.CertifyCases), Text(report.CertifyCases));
            Same(file0, file, "claims", string.Join(" ", first.ClaimIds), string.Join(" ", report.ClaimIds));
        }

        if (first.SuiteVersion != ShardReport.CurrentSuiteVersion)
        {
            throw new ArgumentException($"{file0} was written by suite version {first.SuiteVersion}, this is {ShardReport.CurrentSuiteVersion}: merge with the sharpness that ran the shards");
        }

        var settings = first.Settings;
        var claims = first.ClaimIds.Select(id => Catalogue.Claims.FirstOrDefault(c => c.Id == id)
            ?? throw new ArgumentException($"{file0} names claim {id}, which this suite does not have")).ToList();
        var cases = new Dictionary<(string Claim, string Property), Dictionary<int, (CaseResult Case, string File)>>();
        foreach (var claim in claims)
        {
            foreach (var property in claim.Properties)
            {
                cases[(claim.Id, property.Name)] = [];
            }
        }

        foreach (var (file, report) in shards)
        {
            foreach (var property in report.Properties)
            {
                if (!cases.TryGetValue((property.ClaimId, property.Property), out var found))
                {
                    throw new ArgumentException($"{file} has cases of {property.ClaimId} {property.Property}, which is no property of the run's claims");
                }

                foreach (var c in property.Cases)
                {
                    if (c.Index < 0 || c.Index >= settings.Cases)
                    {
                        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{file} has case {c.Index} of {property.ClaimId} {property.Property}, outside 0 to {settings.Cases - 1}"));
                    }

                    if (!found.TryAdd(c.Index, (c, file)))
                    {
                        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{property.ClaimId} {property.Property} case {c.Index} is in both {found[c.Index].File} and {file}"));
                    }
                }
            }
        }

        var reports = new List<ClaimReport>();
        foreach (var claim in claims)
        {
            var properties = new List<PropertyReport>();
            foreach (var property in claim.Properties)
            {
                var found = cases[(claim.Id, property.Name)];

                // A shard stops a property at its first failing case, and so does the report: cases after the first
                // failure by index may be missing, the ones before it may not.
                var failure = found.Values.Where(c => !c.Case.Holds).Select(c => c.Case.Index).DefaultIfEmpty(settings.Cases - 1).Min();
                for (var i = 0; i <= failure; i++)
                {
                    if (!found.ContainsKey(i))
                    {
                        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{claim.Id} {property.Name} case {i} is in none of the {shards.Count} files: is a shard missing?"));
                    }
                }

                properties.Add(ClaimRunner.Summarize(claim, property, settings, found.Values.Select(c => c.Case)));
            }

            reports.Add(Verifier.Judge(claim, properties, settings.MaxDepth));
        }

        return new VerificationRun(settings, reports) { Certificates = Certificates(shards, claims) };
    }

    // Each certified claim's certificate exactly once, in the claims' order (the order verify adds them in).
    private static Dictionary<string, CertificateOutcome> Certificates(IReadOnlyList<(string File, ShardReport Report)> shards, IReadOnlyList<Claim> claims)
    {
        var certified = claims.Where(c => CertificateCatalogue.For(c.Id) is not null).Select(c => c.Id).ToList();
        var unexpected = shards.SelectMany(s => s.Report.Certificates.Keys.Select(id => (s.File, Id: id))).FirstOrDefault(c => !certified.Contains(c.Id));
        if (unexpected.Id is not null)
        {
            throw new ArgumentException($"{unexpected.File} has a certificate of {unexpected.Id}, which is no certified claim of the run");
        }

        var outcomes = new Dictionary<string, CertificateOutcome>();
        foreach (var id in certified)
        {
            var holders = shards.Where(s => s.Report.Certificates.ContainsKey(id)).ToList();
            outcomes[id] = holders.Count switch
            {
                0 => throw new ArgumentException($"the certificate of {id} is in none of the {shards.Count} files: is a shard missing?"),
                1 => holders[0].Report.Certificates[id],
                _ => throw new ArgumentException($"the certificate of {id} is in both {holders[0].File} and {holders[1].File}"),
            };
        }

        return outcomes;
    }

    private static void Same(string file0, string file, string what, string value0, string value)
    {
        if (value0 != value)
        {
            throw new ArgumentException($"{file} was run with {what} {value}, {file0} with {value0}: they are shards of different runs");
        }
    }

    private static string Text(int? value) => value is int v ? v.ToString(CultureInfo.InvariantCulture) : "none";

    // One shard report, or the one-line reason it cannot be one.
    private static ShardReport Read(string path)
    {
        string text;
        try
        {
            var full = AtomicFile.Resolve(path);
            if (Directory.Exists(full))
            {
                throw new ArgumentException($"cannot read {path}: it is a directory");
            }

            if (File.Exists(full) && AtomicFile.IsDevice(full))
            {
                throw new ArgumentException($"cannot read {path}: it is a device, not a file");
            }

            text = File.ReadAllText(full);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ArgumentException($"cannot read {path}: no such file", ex);
        }
        catch (Exception ex) when (ex is not ArgumentException && AtomicFile.IsPathException(ex))
        {
            throw new ArgumentException($"cannot read {path}: {AtomicFile.OneLine(ex.Message)}", ex);
        }

        try
        {
            return ShardReport.Parse(text);
        }
        catch (FormatException ex)
        {
            throw new ArgumentException($"{path} is {ex.Message}", ex);
        }
    }
}

using System.CommandLine;
using System.Globalization;
using Sharpness.Verification;
using Spectre.Console;

namespace Sharpness.Cli;

/// <summary>The <c>verify</c> verb: runs claims through the catalogue's properties and renders the verdicts.</summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var claimOption = new Option<string[]>("--claim") { Description = "Claim IDs to verify (default: all), e.g. EXACT-T5.", AllowMultipleArgumentsPerToken = true };
        var casesOption = new Option<int?>("--cases") { Description = "Cases per property (default: SHARPNESS_MAX_TEST or 200)." };
        var seedOption = new Option<string?>("--seed") { Description = "Seed, or the (seed,gamma) pair a failure printed, to replay it." };
        var verify = new Command("verify", "Run every claim's properties against the oracles and print the verdicts.")
        {
            claimOption,
            casesOption,
            seedOption,
        };
        verify.SetAction(parse => Run(parse.GetValue(claimOption) ?? [], parse.GetValue(casesOption), parse.GetValue(seedOption)));
        return verify;
    }

    public static int Run(IReadOnlyList<string> claimIds, int? cases, string? seed)
    {
        RunSettings settings;
        IReadOnlyList<Claim> claims;
        try
        {
            var defaults = RunSettings.FromEnvironment();
            var (s, g) = seed is null ? (defaults.Seed, defaults.Gamma) : RunSettings.ParseSeed(seed);
            settings = new RunSettings(cases ?? defaults.Cases, s, g);
            claims = claimIds.Count == 0 ? Catalogue.Claims : [.. claimIds.Select(Catalogue.Claim)];
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
            return 2;
        }

        var reports = new List<ClaimReport>();
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("claims", maxValue: claims.Sum(c => c.Properties.Count));
                foreach (var claim in claims)
                {
                    task.Description = claim.Id;
                    reports.Add(Verifier.Verify(claim, settings, new Progress<PropertyReport>(_ => task.Increment(1))));
                }

                task.Value = task.MaxValue;
            });

        AnsiConsole.Write(Table(reports, settings));
        foreach (var report in reports.Where(r => r.Verdict == Verdict.KnownCounterexampleReproduced))
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]{report.Claim.Id}[/]: {report.Claim.Finding}");
        }

        foreach (var failure in reports.SelectMany(r => r.Properties).Where(p => !p.Passed))
        {
            AnsiConsole.WriteLine(failure.Failure ?? string.Empty);
        }

        var unexpected = reports.Count(r => !r.IsAsExpected);
        AnsiConsole.MarkupLineInterpolated(
            $"{reports.Count} claims: {reports.Count(r => r.Verdict == Verdict.Holds)} hold, {reports.Count(r => r.Verdict == Verdict.KnownCounterexampleReproduced)} with known counterexamples reproduced, {unexpected} unexpected failures.");
        return unexpected == 0 ? 0 : 1;
    }

    private static Table Table(IReadOnlyList<ClaimReport> reports, RunSettings settings)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"Sharpness verify ({settings.Cases} cases per property, seed {settings.Replay})");
        table.AddColumns("Claim", "Source", "Cases", "Worst rel. error", "Verdict");
        foreach (var report in reports)
        {
            var color = report.Verdict switch
            {
                Verdict.Holds => "green",
                Verdict.KnownCounterexampleReproduced => "yellow",
                _ => "red",
            };
            table.AddRow(
                Markup.Escape(report.Claim.Id),
                Markup.Escape(report.Claim.Source),
                report.Cases.ToString(CultureInfo.InvariantCulture),
                report.WorstRelativeError.ToString("0.0e+0", CultureInfo.InvariantCulture),
                $"[{color}]{Markup.Escape(Verifier.Describe(report.Verdict))}[/]");
        }

        return table;
    }
}

using System.Globalization;
using System.Text;
using Sharpness.Cli.Verify;
using Sharpness.Verification;

namespace Sharpness.Cli.Appendix;

/// <summary>
/// APPENDIX.md: every claim with its statement, source, the code that implements it, the properties that check it,
/// the wrong formulas they reject, and this run's verdict and figures. Pure text from a <see cref="VerificationRun"/>.
/// </summary>
internal static class AppendixDocument
{
    /// <summary>The Markdown text; <paramref name="figures"/> maps claim IDs to figure paths relative to the appendix.</summary>
    public static string Render(VerificationRun run, IReadOnlyDictionary<string, IReadOnlyList<string>> figures)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(figures);
        var text = new StringBuilder();
        text.AppendLine("# Sharpness: the executable appendix");
        text.AppendLine();
        text.AppendLine("Every claim of `CLAIMS.md`, with the code that implements it, the properties that check it against");
        text.AppendLine("independent oracles, the wrong formulas those properties reject, and the verdict of this run.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Regenerate with `sharpness appendix --cases {run.Settings.Cases} --seed \"{run.Settings.Replay}\"`.");
        text.AppendLine();
        text.AppendLine("| Claim | Source | Verdict | Certificate | Cases | Worst rel. error |");
        text.AppendLine("|---|---|---|---|---:|---:|");
        foreach (var report in run.Claims)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| [{report.Claim.Id}](#{Anchor(report.Claim.Id)}) | {report.Claim.Source} | {Verifier.Describe(report)} | {run.CertificateWord(report)} | {report.Cases} | {ReportFormats.WorstError(report)} |");
        }

        text.AppendLine();
        text.AppendLine(run.Summary);
        AppendixPrinted.AppendSummary(text);
        foreach (var report in run.Claims)
        {
            AppendClaim(text, run, report, figures.GetValueOrDefault(report.Claim.Id) ?? []);
        }

        AppendixPrinted.AppendUncovered(text);
        return text.ToString();
    }

    private static void AppendClaim(StringBuilder text, VerificationRun run, ClaimReport report, IReadOnlyList<string> figures)
    {
        var claim = report.Claim;
        var (definition, tests) = ClaimCode.Files(claim);
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"## {claim.Id}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"**Source:** {claim.Source}.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"> {claim.Statement}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"**Verdict of this run:** {Verifier.Describe(report.Verdict)} ({report.Cases} of {report.Requested} cases checked, worst relative error {ReportFormats.WorstError(report)}).");
        foreach (var gap in report.Gaps)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"Missing: {gap}.");
        }

        if (run.Certificates.TryGetValue(claim.Id, out var certificate))
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"**Certificate ({run.CertificateWord(report)}):** {Sharpness.Verification.Certificates.CertificateCatalogue.For(claim.Id)!.Statement} This run: {certificate.Evidence}.");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"**Finding:** {claim.Finding}");
        AppendixPrinted.AppendFor(text, claim.Id);
        text.AppendLine();
        text.AppendLine("**Implemented by** (members of the library whose documentation cites this claim):");
        text.AppendLine();
        var members = ClaimCode.Implementation(claim.Id);
        if (members.Count == 0)
        {
            text.AppendLine("- (no formula of its own: the check is the statement itself, see below)");
        }

        foreach (var member in members)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- `{member.Name}`: {member.Summary}");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"**Checked by** `{ClaimCode.DefiningType(claim)}` (`{definition}`), run by `{tests}`:");
        text.AppendLine();
        foreach (var property in report.Properties)
        {
            var description = claim.Property(property.Property).Description;
            var regimes = string.Join(", ", property.Regimes.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key}: {r.Value}"));
            var counts = string.Create(CultureInfo.InvariantCulture, $"{property.Checked} checked, {property.Vacuous} vacuous, {property.PassedOver} passed over");
            text.AppendLine(CultureInfo.InvariantCulture, $"- `{property.Property}` ({ReportFormats.Role(property.Role)}; {ReportFormats.Result(property)}; {counts}{(regimes.Length > 0 ? $"; {regimes}" : string.Empty)}): {description}");
        }

        text.AppendLine();
        text.AppendLine("**Wrong formulas it rejects:**");
        text.AppendLine();
        foreach (var mutant in claim.Mutants)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- `{mutant.Name}`: {mutant.HowWrong}");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"**Replay:** `{run.ReplayCommand(report)}`");
        foreach (var figure in figures)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"![{claim.Id}: {Path.GetFileNameWithoutExtension(figure)}]({figure.Replace('\\', '/')})");
        }

        foreach (var failure in report.Properties.Where(p => !p.Passed))
        {
            text.AppendLine();
            text.AppendLine("```");
            text.AppendLine(failure.Failure);
            text.AppendLine("```");
        }
    }

    // As GitHub forms a heading's anchor: lower case, '/' of a printed sub-claim dropped (exact-rank/printed -> exact-rankprinted).
    private static string Anchor(string id) => id.ToLowerInvariant().Replace("/", string.Empty, StringComparison.Ordinal);
}

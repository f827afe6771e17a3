using System.Globalization;
using System.Text;
using Sharpness.Verification;
using Sharpness.Verification.Printed;

namespace Sharpness.Cli.Appendix;

/// <summary>
/// The printed statements of the appendix (issue 13 item 1): for each claim, the sentences of the texts it belongs to,
/// with their lines, words and status; and the sentences no claim of the run covers. Read from
/// <see cref="PrintedCatalogue"/>, so the appendix cannot drift from the table.
/// </summary>
internal static class AppendixPrinted
{
    private const string Table = "src/Sharpness.Verification/Printed/statements.tsv";

    /// <summary>One paragraph: how many printed statements the table lists, by status.</summary>
    public static void AppendSummary(StringBuilder text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var all = PrintedCatalogue.Statements;
        int Count(PrintedStatus status) => all.Count(s => s.Status == status);
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"The texts print {all.Count} checkable statements (`{Table}`): {Count(PrintedStatus.CheckedByClaim)} checked by their claim, {Count(PrintedStatus.CheckedBySubClaim)} by a printed sub-claim (`ID/printed`, where the printed words say more or less than `CLAIMS.md`), {Count(PrintedStatus.NotCheckable)} not checkable, each with its reason. Each claim lists its own below.");
    }

    /// <summary>The printed statements of <paramref name="claimId"/> (as claim or as sub-claim), if any.</summary>
    public static void AppendFor(StringBuilder text, string claimId)
    {
        ArgumentNullException.ThrowIfNull(text);
        var statements = PrintedCatalogue.For(claimId);
        if (statements.Count == 0)
        {
            return;
        }

        text.AppendLine();
        text.AppendLine("**Printed statements:**");
        text.AppendLine();
        foreach (var statement in statements)
        {
            AppendItem(text, statement, Status(statement, claimId));
        }
    }

    /// <summary>The statements no claim of the catalogue covers: no claim, or one still pending (issue 13 items 2-4).</summary>
    public static void AppendUncovered(StringBuilder text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var catalogued = Catalogue.Claims.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var rest = PrintedCatalogue.Statements.Where(s => s.ClaimId is null || !catalogued.Contains(s.ClaimId)).ToList();
        if (rest.Count == 0)
        {
            return;
        }

        text.AppendLine();
        text.AppendLine("## Printed statements no claim covers");
        text.AppendLine();
        text.AppendLine("Checkable sentences of the texts that belong to no claim of the catalogue (or to one not checked yet), with the reason.");
        text.AppendLine();
        foreach (var statement in rest)
        {
            AppendItem(text, statement, statement.ClaimId is null ? Status(statement, null) : $"{Status(statement, null)}; claim {statement.ClaimId}, not in the catalogue yet");
        }
    }

    private static void AppendItem(StringBuilder text, PrintedStatement statement, string status)
    {
        var note = statement.Note.Length > 0 ? $" *{statement.Note}*" : string.Empty;
        text.AppendLine(CultureInfo.InvariantCulture, $"- {statement.Paper.ToString().ToUpperInvariant()} l. {statement.LinesText} (`{statement.Id}`, {status}): \"{statement.Verbatim}\"{note}");
    }

    private static string Status(PrintedStatement statement, string? claimId) => statement.Status switch
    {
        PrintedStatus.CheckedBySubClaim when statement.SubId == claimId => "checked as printed here",
        PrintedStatus.CheckedBySubClaim => $"checked as printed by {statement.SubId}",
        PrintedStatus.CheckedByClaim when statement.ClaimId == claimId => "checked by this claim",
        PrintedStatus.CheckedByClaim => $"checked by {statement.ClaimId}",
        _ => "not checkable",
    };
}

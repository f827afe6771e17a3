using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Sharpness.Verification.Printed;

/// <summary>
/// The verbatim catalogue of printed statements, read from the embedded <c>statements.tsv</c> (columns Id, Paper,
/// Lines, Claim, SubClaim, Status, Verbatim, Note; one statement a row), and the rules that tie it to the texts.
/// </summary>
public static partial class PrintedCatalogue
{
    private const string ResourceName = "Sharpness.Verification.Printed.statements.tsv";
    private static readonly string[] Columns = ["Id", "Paper", "Lines", "Claim", "SubClaim", "Status", "Verbatim", "Note"];
    private static readonly Lazy<IReadOnlyList<PrintedStatement>> Loaded = new(Load);

    /// <summary>Every statement, in the order of the table (paper by paper, line by line).</summary>
    public static IReadOnlyList<PrintedStatement> Statements => Loaded.Value;

    /// <summary>The statements that belong to <paramref name="claimId"/>: as their claim, or as their sub-claim.</summary>
    public static IReadOnlyList<PrintedStatement> For(string claimId) =>
        [.. Statements.Where(s => string.Equals(s.ClaimId, claimId, StringComparison.Ordinal) || string.Equals(s.SubId, claimId, StringComparison.Ordinal))];

    /// <summary>Parses the table.</summary>
    /// <exception cref="FormatException">A header, row, paper, line list or status that does not fit; the message names the row.</exception>
    public static IReadOnlyList<PrintedStatement> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rows = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Where(r => r.Length > 0).ToList();
        if (rows.Count == 0 || rows[0] != string.Join('\t', Columns))
        {
            throw new FormatException($"statements.tsv must start with the header '{string.Join(" | ", Columns)}'.");
        }

        var statements = new List<PrintedStatement>();
        foreach (var (row, number) in rows.Skip(1).Select((r, i) => (r, i + 2)))
        {
            statements.Add(ParseRow(row, number));
        }

        var repeated = statements.GroupBy(s => s.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return repeated is null ? statements : throw new FormatException($"statements.tsv: the Id '{repeated.Key}' is used twice.");
    }

    /// <summary>Whitespace runs to one space, trimmed: how the verbatim is compared with the text.</summary>
    public static string Normalize(string text) => Whitespace().Replace(text ?? string.Empty, " ").Trim();

    /// <summary>
    /// Why <paramref name="statement"/> does not match the text whose lines are <paramref name="paperLines"/>, or null when
    /// it does: every cited line exists; the fragments occur in order in the cited lines (joined by spaces, whitespace
    /// normalized); the first begins in the first cited line and the last ends in the last cited line.
    /// </summary>
    public static string? Mismatch(PrintedStatement statement, IReadOnlyList<string> paperLines)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(paperLines);
        var missing = statement.Lines.Where(l => l > paperLines.Count).ToList();
        if (missing.Count > 0)
        {
            return $"{statement.Id}: line {missing[0]} is past the end of {PrintedStatement.FileName(statement.Paper)} ({paperLines.Count} lines)";
        }

        // The cited lines joined with one space, and where each line's normalized text starts in the join.
        var joined = new StringBuilder();
        var starts = new List<int>();
        foreach (var line in statement.Lines)
        {
            starts.Add(joined.Length);
            joined.Append(Normalize(paperLines[line - 1])).Append(' ');
        }

        var text = joined.ToString();
        var at = 0;
        var (first, last) = (-1, -1);
        foreach (var fragment in statement.Fragments.Select(Normalize))
        {
            var found = fragment.Length == 0 ? -1 : text.IndexOf(fragment, at, StringComparison.Ordinal);
            if (found < 0)
            {
                return $"{statement.Id}: '{Shorten(fragment)}' is not in {PaperName(statement.Paper)} lines {statement.LinesText} (after what came before it)";
            }

            first = first < 0 ? found : first;
            last = found + fragment.Length - 1;
            at = found + fragment.Length;
        }

        if (statement.Lines.Count > 1 && first >= starts[1])
        {
            return $"{statement.Id}: the verbatim does not begin in line {statement.Lines[0]}, the first line cited";
        }

        return last < starts[^1]
            ? $"{statement.Id}: the verbatim does not reach line {statement.Lines[^1]}, the last line cited"
            : null;
    }

    private static PrintedStatement ParseRow(string row, int number)
    {
        var cells = row.Split('\t');
        if (cells.Length != Columns.Length)
        {
            throw new FormatException($"statements.tsv row {number} has {cells.Length} cells, not {Columns.Length}.");
        }

        var (id, paperText, linesText, claim, sub, statusText, verbatim, note) = (cells[0], cells[1], cells[2], cells[3], cells[4], cells[5], cells[6], cells[7]);
        var paper = paperText switch
        {
            "EXACT" => Paper.Exact,
            "REG" => Paper.Reg,
            "ABS" => Paper.Abs,
            _ => throw new FormatException($"statements.tsv row {number} ({id}): unknown paper '{paperText}' (EXACT, REG or ABS)."),
        };
        var status = statusText switch
        {
            "checked-by-claim" => PrintedStatus.CheckedByClaim,
            "checked-by-sub-claim" => PrintedStatus.CheckedBySubClaim,
            "not-checkable" => PrintedStatus.NotCheckable,
            _ => throw new FormatException($"statements.tsv row {number} ({id}): unknown status '{statusText}'."),
        };
        var problem = (status, claim.Length > 0, sub.Length > 0, note.Length > 0) switch
        {
            (_, _, _, _) when !id.StartsWith(paperText + ".", StringComparison.Ordinal) => $"the Id must start with '{paperText}.'",
            (_, _, _, _) when verbatim.Trim().Length == 0 => "the verbatim is empty",
            (PrintedStatus.CheckedByClaim, false, _, _) => "checked-by-claim needs a claim",
            (PrintedStatus.CheckedBySubClaim, _, false, _) => "checked-by-sub-claim needs a sub-claim",
            (PrintedStatus.CheckedBySubClaim, _, true, false) => "checked-by-sub-claim needs a note saying how the printed words differ",
            (not PrintedStatus.CheckedBySubClaim, _, true, _) => "only checked-by-sub-claim names a sub-claim",
            (PrintedStatus.NotCheckable, _, _, false) => "not-checkable needs the reason in the note",
            (PrintedStatus.CheckedBySubClaim, true, true, _) when sub != claim + "/printed" => $"the sub-claim of {claim} must be '{claim}/printed'",
            _ => null,
        };
        return problem is not null
            ? throw new FormatException($"statements.tsv row {number} ({id}): {problem}.")
            : new PrintedStatement(id, paper, ParseLines(linesText, number, id), linesText, claim.Length > 0 ? claim : null, sub.Length > 0 ? sub : null, status, verbatim, note);
    }

    private static List<int> ParseLines(string text, int number, string id)
    {
        var lines = new List<int>();
        foreach (var part in text.Split(','))
        {
            var ends = part.Split('-');
            var ok = (ends.Length == 1 || ends.Length == 2) && ends.All(e => int.TryParse(e, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0);
            var (from, to) = ok ? (int.Parse(ends[0], CultureInfo.InvariantCulture), int.Parse(ends[^1], CultureInfo.InvariantCulture)) : (0, -1);
            if (!ok || to < from || (lines.Count > 0 && from <= lines[^1]))
            {
                throw new FormatException($"statements.tsv row {number} ({id}): lines '{text}' are not ascending ranges like '52-54' or '46,48'.");
            }

            lines.AddRange(Enumerable.Range(from, to - from + 1));
        }

        return lines;
    }

    private static IReadOnlyList<PrintedStatement> Load()
    {
        using var stream = typeof(PrintedCatalogue).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader.ReadToEnd());
    }

    private static string PaperName(Paper paper) => paper.ToString().ToUpperInvariant();

    private static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

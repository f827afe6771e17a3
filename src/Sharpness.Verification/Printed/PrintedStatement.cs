// The verbatim catalogue of printed statements (issue 13 item 1): every checkable sentence of the three texts in
// ../shared/papers, with its lines, mapped to the claim (or printed sub-claim) that checks it, or the reason none can.
namespace Sharpness.Verification.Printed;

/// <summary>How the suite checks a printed statement.</summary>
public enum PrintedStatus
{
    /// <summary>A claim of the catalogue checks what the sentence states (on its printed domain).</summary>
    CheckedByClaim,

    /// <summary>
    /// The sentence says something different from (stronger or weaker than) the CLAIMS.md rewording, and a sub-claim
    /// <c>ID/printed</c> of the catalogue checks the sentence as printed.
    /// </summary>
    CheckedBySubClaim,

    /// <summary>A checkable sentence the suite does not check; <see cref="PrintedStatement.Note"/> says why.</summary>
    NotCheckable,
}

/// <summary>The texts of <c>../shared/papers</c>, by the short names CLAIMS.md uses.</summary>
public enum Paper
{
    /// <summary><c>sharpness-exact-expressions.txt</c>.</summary>
    Exact,

    /// <summary><c>regularized-scalar-hessian-spectrum.txt</c>.</summary>
    Reg,

    /// <summary><c>author-abstracts.txt</c>.</summary>
    Abs,
}

/// <summary>
/// One printed statement: where it stands (paper and 1-based line numbers of the text file), its words (fragments
/// joined by <see cref="PrintedStatement.Gap"/>, each verbatim up to whitespace), and what checks it.
/// </summary>
/// <param name="Id">Stable ID: paper and first line, with a letter where one line holds several (<c>EXACT.10b</c>).</param>
/// <param name="Paper">The text it is printed in.</param>
/// <param name="Lines">The cited lines, ascending; the verbatim starts in the first and ends in the last.</param>
/// <param name="LinesText">The lines as written in the table (<c>52-54</c>, <c>46,48</c>).</param>
/// <param name="ClaimId">The CLAIMS.md ID it belongs to, or null for a sentence no claim is about.</param>
/// <param name="SubId">The printed sub-claim that checks it (<c>EXACT-RANK/printed</c>), for <see cref="PrintedStatus.CheckedBySubClaim"/> only.</param>
/// <param name="Status">How the suite checks it.</param>
/// <param name="Verbatim">The printed words; a long statement is quoted as fragments in order, separated by <see cref="Gap"/>.</param>
/// <param name="Note">Why the mapping, how the printed words differ from CLAIMS.md, or why it cannot be checked.</param>
public sealed record PrintedStatement(
    string Id,
    Paper Paper,
    IReadOnlyList<int> Lines,
    string LinesText,
    string? ClaimId,
    string? SubId,
    PrintedStatus Status,
    string Verbatim,
    string Note)
{
    /// <summary>What stands between two quoted fragments of one statement (words of the text left out).</summary>
    public const string Gap = " … ";

    /// <summary>The quoted fragments, in the order they are printed.</summary>
    public IReadOnlyList<string> Fragments => Verbatim.Split(Gap, StringSplitOptions.None);

    /// <summary>The claim of the catalogue that checks it: the sub-claim where there is one, else the claim.</summary>
    public string? CheckingClaimId => Status switch
    {
        PrintedStatus.CheckedBySubClaim => SubId,
        PrintedStatus.CheckedByClaim => ClaimId,
        _ => null,
    };

    /// <summary>The text file of <paramref name="paper"/> in <c>../shared/papers</c>.</summary>
    public static string FileName(Paper paper) => paper switch
    {
        Paper.Exact => "sharpness-exact-expressions.txt",
        Paper.Reg => "regularized-scalar-hessian-spectrum.txt",
        Paper.Abs => "author-abstracts.txt",
        _ => throw new ArgumentOutOfRangeException(nameof(paper), paper, "Unknown paper."),
    };

    /// <summary>The status word of the table (<c>checked-by-claim</c>, <c>checked-by-sub-claim</c>, <c>not-checkable</c>).</summary>
    public static string StatusWord(PrintedStatus status) => status switch
    {
        PrintedStatus.CheckedByClaim => "checked-by-claim",
        PrintedStatus.CheckedBySubClaim => "checked-by-sub-claim",
        PrintedStatus.NotCheckable => "not-checkable",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown status."),
    };
}

// The verbatim catalogue of printed statements (Printed/statements.tsv) against the texts in ../shared/papers: every
// cited line exists and holds the verbatim words, every claim and sub-claim named exists, every checkable line is cited.
using System.Text.RegularExpressions;
using Sharpness.Tests.Properties.Meta;
using Sharpness.Verification;
using Sharpness.Verification.Printed;
using Xunit;

namespace Sharpness.Tests.Properties.Printed;

public sealed partial class PrintedCatalogueTests
{
    private const string Header = "Id\tPaper\tLines\tClaim\tSubClaim\tStatus\tVerbatim\tNote";

    [Fact]
    public void Catalogue_LoadsFromTheEmbeddedTable()
    {
        Assert.True(PrintedCatalogue.Statements.Count > 100, $"{PrintedCatalogue.Statements.Count} statements");
        Assert.Contains(PrintedCatalogue.Statements, s => s.Status == PrintedStatus.NotCheckable);
        Assert.Contains(PrintedCatalogue.For("EXACT-RANK/printed"), s => s.Id == "REG.208b");
    }

    [Fact]
    public void EveryStatement_MatchesThePaperTextAtItsLines()
    {
        var mismatches = PrintedCatalogue.Statements.Select(s => PrintedCatalogue.Mismatch(s, PaperLines(s.Paper))).OfType<string>().ToList();
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public void EveryClaimNamed_IsInTheCatalogueOrPending()
    {
        var known = Catalogue.Claims.Select(c => c.Id).Concat(CatalogueTests.Pending.Keys).ToHashSet(StringComparer.Ordinal);
        var unknown = PrintedCatalogue.Statements.Where(s => s.ClaimId is string id && !known.Contains(id)).Select(s => $"{s.Id}: {s.ClaimId}").ToList();
        Assert.True(unknown.Count == 0, $"claim IDs neither in the catalogue nor pending: {string.Join(", ", unknown)}");
        var notYetChecked = PrintedCatalogue.Statements.Where(s => s.Status == PrintedStatus.CheckedByClaim && !Catalogue.Claims.Any(c => c.Id == s.ClaimId)).Select(s => s.Id).ToList();
        Assert.True(notYetChecked.Count == 0, $"checked-by-claim with a claim the catalogue does not check yet: {string.Join(", ", notYetChecked)}");
    }

    [Fact]
    public void EverySubClaim_HasAClaimInTheCatalogue_AndEveryPrintedClaimIsCited()
    {
        var ids = Catalogue.Claims.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var missing = PrintedCatalogue.Statements.Where(s => s.SubId is string sub && !ids.Contains(sub)).Select(s => $"{s.Id}: {s.SubId}").ToList();
        Assert.True(missing.Count == 0, $"sub-claims with no claim in the catalogue: {string.Join(", ", missing)}");
        var uncited = ids.Where(id => id.EndsWith("/printed", StringComparison.Ordinal) && PrintedCatalogue.For(id).Count == 0).ToList();
        Assert.True(uncited.Count == 0, $"printed sub-claims no statement cites: {string.Join(", ", uncited)}");
    }

    [Fact]
    public void EveryCheckableLine_IsCited()
    {
        var uncited = Uncited(PrintedCatalogue.Statements);
        Assert.True(uncited.Count == 0, $"checkable lines no statement cites: {string.Join(", ", uncited)}");
    }

    /// <summary>The check above fires: without the statement of Corollary 7's bullet its checkable line is reported, and only it.</summary>
    [Fact]
    public void EveryCheckableLine_IsCited_FiresOnAMissingStatement()
    {
        var uncited = Uncited([.. PrintedCatalogue.Statements.Where(s => s.Id != "EXACT.71")]);
        Assert.Equal(["EXACT 71"], uncited);
    }

    [Fact]
    public void CheckableLines_AreFoundByTheRule()
    {
        var exact = CheckableLines(Paper.Exact);
        Assert.Contains(223, exact);
        Assert.Contains(71, exact);
        Assert.DoesNotContain(427, exact);
        Assert.Contains(208, CheckableLines(Paper.Reg));
        Assert.DoesNotContain(214, CheckableLines(Paper.Reg));
    }

    [Fact]
    public void Mismatch_ReportsAChangedWord_ALateStart_AnEarlyEnd_AndAMissingLine()
    {
        var lines = PaperLines(Paper.Reg);
        var original = PrintedCatalogue.Statements.Single(s => s.Id == "REG.46");
        Assert.Null(PrintedCatalogue.Mismatch(original, lines));
        Assert.Contains("is not in REG lines 46-48", PrintedCatalogue.Mismatch(original with { Verbatim = original.Verbatim.Replace("balanced", "aligned", StringComparison.Ordinal) }, lines), StringComparison.Ordinal);
        Assert.Contains("does not begin in line 45", PrintedCatalogue.Mismatch(original with { Lines = [45, 46, 47, 48], LinesText = "45-48" }, lines), StringComparison.Ordinal);
        Assert.Contains("does not reach line 50", PrintedCatalogue.Mismatch(original with { Lines = [46, 47, 48, 49, 50], LinesText = "46-50" }, lines), StringComparison.Ordinal);
        Assert.Contains("past the end", PrintedCatalogue.Mismatch(original with { Lines = [46, 500], LinesText = "46,500" }, lines), StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_CollapsesWhitespace() => Assert.Equal("a b c", PrintedCatalogue.Normalize("  a \t b\n\nc "));

    [Fact]
    public void Parse_ReadsARow()
    {
        var s = Assert.Single(PrintedCatalogue.Parse($"{Header}\nREG.46\tREG\t46,48\tREG-T1\t\tchecked-by-claim\tx … y\t\n"));
        Assert.Equal([46, 48], s.Lines);
        Assert.Equal(["x", "y"], s.Fragments);
        Assert.Equal("REG-T1", s.CheckingClaimId);
        Assert.Null(s.SubId);
    }

    [Theory]
    [InlineData("Id\tPaper\n", "must start with the header")]
    [InlineData("R.1\tREG\t1\tREG-T1\n", "has 4 cells, not 8")]
    [InlineData("REG.1\tPAPER\t1\tREG-T1\t\tchecked-by-claim\tx\t", "unknown paper 'PAPER'")]
    [InlineData("REG.1\tREG\t1\tREG-T1\t\tchecked\tx\t", "unknown status 'checked'")]
    [InlineData("EXACT.1\tREG\t1\tREG-T1\t\tchecked-by-claim\tx\t", "the Id must start with 'REG.'")]
    [InlineData("REG.1\tREG\t1\tREG-T1\t\tchecked-by-claim\t \t", "the verbatim is empty")]
    [InlineData("REG.1\tREG\t1\t\t\tchecked-by-claim\tx\t", "checked-by-claim needs a claim")]
    [InlineData("REG.1\tREG\t1\tREG-T1\t\tchecked-by-sub-claim\tx\twhy", "checked-by-sub-claim needs a sub-claim")]
    [InlineData("REG.1\tREG\t1\tREG-T1\tREG-T1/printed\tchecked-by-sub-claim\tx\t", "needs a note saying how the printed words differ")]
    [InlineData("REG.1\tREG\t1\tREG-T1\tREG-T2/printed\tchecked-by-sub-claim\tx\twhy", "must be 'REG-T1/printed'")]
    [InlineData("REG.1\tREG\t1\tREG-T1\tREG-T1/printed\tchecked-by-claim\tx\t", "only checked-by-sub-claim names a sub-claim")]
    [InlineData("REG.1\tREG\t1\t\t\tnot-checkable\tx\t", "not-checkable needs the reason")]
    [InlineData("REG.1\tREG\t3-2\tREG-T1\t\tchecked-by-claim\tx\t", "lines '3-2' are not ascending")]
    [InlineData("REG.1\tREG\t4,2\tREG-T1\t\tchecked-by-claim\tx\t", "lines '4,2' are not ascending")]
    [InlineData("REG.1\tREG\tl. 4\tREG-T1\t\tchecked-by-claim\tx\t", "lines 'l. 4' are not ascending")]
    [InlineData("REG.1\tREG\t1\tREG-T1\t\tchecked-by-claim\tx\t\nREG.1\tREG\t2\tREG-T1\t\tchecked-by-claim\ty\t", "the Id 'REG.1' is used twice")]
    public void Parse_RejectsMalformedTables(string body, string fragment)
    {
        var text = body.StartsWith("Id\t", StringComparison.Ordinal) ? body : $"{Header}\n{body}";
        var error = Assert.Throws<FormatException>(() => PrintedCatalogue.Parse(text));
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The checkable lines of a text: every line outside its references that holds a numbered display equation, a
    /// theorem-like head, a figure caption, a contribution bullet, or the words of a mathematical claim (if and only if,
    /// rank, we show, we prove, implies, it follows). Each must be cited by a statement, checked or not-checkable with its
    /// reason; lines of plain prose (motivation, citations without formula) need not be.
    /// </summary>
    private static SortedSet<int> CheckableLines(Paper paper)
    {
        var lines = PaperLines(paper);
        var references = ReferenceLines(paper, lines);
        return [.. lines.Select((text, i) => (text, line: i + 1)).Where(x => !references.Contains(x.line) && CheckableLine().IsMatch(x.text)).Select(x => x.line)];
    }

    // The bibliography: EXACT's from "REFERENCES" to its appendix "A PROOFS FROM SECTION 2", REG's from "### References" on.
    private static HashSet<int> ReferenceLines(Paper paper, string[] lines)
    {
        int Find(string text) => lines.Select((l, i) => (l, i)).First(x => x.l.Trim() == text).i + 1;
        return paper switch
        {
            Paper.Exact => [.. Enumerable.Range(Find("REFERENCES"), Find("A PROOFS FROM SECTION 2") - Find("REFERENCES"))],
            Paper.Reg => [.. Enumerable.Range(Find("### References"), lines.Length - Find("### References") + 1)],
            _ => [],
        };
    }

    private static List<string> Uncited(IReadOnlyList<PrintedStatement> statements) =>
        [.. Enum.GetValues<Paper>().SelectMany(paper =>
        {
            var cited = statements.Where(s => s.Paper == paper).SelectMany(s => s.Lines).ToHashSet();
            return CheckableLines(paper).Where(l => !cited.Contains(l)).Select(l => $"{paper.ToString().ToUpperInvariant()} {l}");
        })];

    private static string[] PaperLines(Paper paper)
    {
        var path = Path.GetFullPath(Path.Combine(CatalogueTests.RepositoryRoot(), "..", "shared", "papers", PrintedStatement.FileName(paper)));
        Assert.True(File.Exists(path), $"{path} not found: the printed statements cannot be checked against it.");
        return File.ReadAllText(path).Split('\n');
    }

    [GeneratedRegex(@"\\quad \(\d+\)|^\*?\*?(Theorem|Corollary|Lemma|Remark|Definition) \d|if and only if|\brank\b|rank-deficient|we show|we prove|implies|it follows|^Figure \d+:|^- \d+ •")]
    private static partial Regex CheckableLine();
}

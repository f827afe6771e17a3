using System.Text;
using Sharpness.Cli.Appendix;
using Snapshooter.Xunit;
using Xunit;

namespace Sharpness.Tests.Snapshots;

/// <summary>
/// The appendix's printed statements: the table's counts, a claim and its printed sub-claim (EXACT-RANK, whose printed
/// fraction fails), and the statements no claim covers. Pure text from the table, no run needed.
/// </summary>
public sealed class PrintedAppendixSnapshot
{
    [Fact]
    public void Appendix_PrintedStatements_OfARankClaimAndItsSubClaim()
    {
        var text = new StringBuilder();
        AppendixPrinted.AppendSummary(text);
        AppendixPrinted.AppendFor(text, "EXACT-RANK");
        AppendixPrinted.AppendFor(text, "EXACT-RANK/printed");
        AppendixPrinted.AppendUncovered(text);
        Snapshot.Match(text.ToString().Split('\n').Select(line => line.TrimEnd()).ToArray(), "appendix-printed");
    }
}

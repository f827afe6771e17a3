using Sharpness.Verification;
using Snapshooter.Xunit;
using Xunit;

namespace Sharpness.Tests.Snapshots;

public sealed class ClaimSummarySnapshot
{
    /// <summary>Cases per property for the summary: enough to exercise every property, small enough for CI.</summary>
    private const int Cases = 20;

    [Fact]
    public void Summary_EveryClaim_VerdictCasesAndWorstError()
    {
        var settings = new RunSettings(Cases, RunSettings.DefaultSeed, RunSettings.DefaultGamma);
        var rows = Catalogue.Claims.Select(claim =>
        {
            var report = Verifier.Verify(claim, settings);
            return new
            {
                Claim = claim.Id,
                claim.Source,
                Verdict = Verifier.Describe(report),
                Properties = report.Properties.Select(p => new
                {
                    p.Property,
                    Role = p.Role.ToString(),
                    p.Cases,
                    p.Checked,
                    p.Vacuous,
                    WorstRelativeError = Rounded.ErrorBound(p.WorstRelativeError),
                    Result = p.Result.ToString(),
                    Gaps = p.Gaps.Select(g => g.Text).ToArray(),
                }).ToArray(),
                claim.Finding,
            };
        }).ToArray();
        Snapshot.Match(new { Seed = settings.Replay, CasesPerProperty = Cases, Claims = rows }, "Summary");
    }
}

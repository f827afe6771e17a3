using Sharpness.Verification;

namespace Sharpness.Cli.Verify;

/// <summary>One run of <c>verify</c>: the settings and every claim's report, in catalogue order.</summary>
internal sealed record VerificationRun(RunSettings Settings, IReadOnlyList<ClaimReport> Claims)
{
    /// <summary>Claims that hold on their stated domain.</summary>
    public int Holding => Claims.Count(r => r.Verdict == Verdict.Holds);

    /// <summary>Claims whose known counterexample was reproduced.</summary>
    public int KnownCounterexamples => Claims.Count(r => r.Verdict == Verdict.KnownCounterexampleReproduced);

    /// <summary>Claims with a failure the suite did not expect.</summary>
    public int Unexpected => Claims.Count(r => !r.IsAsExpected);

    /// <summary>Claims none of whose cases was shallow enough for the depth limit.</summary>
    public int NotRun => Claims.Count(r => r.Verdict == Verdict.NotRun);

    /// <summary>The command to replay a claim's run exactly.</summary>
    public string ReplayCommand(ClaimReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var depth = Settings.MaxDepth is int d ? $" --max-depth {d}" : string.Empty;
        return $"sharpness verify --claim {report.Claim.Id} --cases {Settings.Cases} --seed \"{Settings.Replay}\"{depth}";
    }

    /// <summary>The one-line summary printed under the table.</summary>
    public string Summary =>
        $"{Claims.Count} claims: {Holding} hold, {KnownCounterexamples} with known counterexamples reproduced, {Unexpected} unexpected failures"
        + (NotRun > 0 ? $", {NotRun} not run." : ".");
}

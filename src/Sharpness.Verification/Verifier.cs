namespace Sharpness.Verification;

/// <summary>The suite's verdict on a claim after running all its properties.</summary>
public enum Verdict
{
    /// <summary>Every property passed and the claim is expected to hold: it holds on its stated domain.</summary>
    Holds,

    /// <summary>Every property passed, including the one asserting the known counterexample: the claim fails on part of its domain, as found.</summary>
    KnownCounterexampleReproduced,

    /// <summary>Some property failed: a new counterexample, or a regression in the formulas, the oracles or the generators.</summary>
    UnexpectedFailure,

    /// <summary>No property checked any case: every case was deeper than the run's depth limit.</summary>
    NotRun,
}

/// <summary>All property reports of one claim, and its verdict.</summary>
public sealed record ClaimReport(Claim Claim, IReadOnlyList<PropertyReport> Properties, Verdict Verdict)
{
    /// <summary>Cases drawn across the claim's properties.</summary>
    public int Cases => Properties.Sum(p => p.Cases);

    /// <summary>The worst relative error across the claim's properties.</summary>
    public double WorstRelativeError => Properties.Count == 0 ? 0 : Properties.Max(p => p.WorstRelativeError);

    /// <summary>True when the verdict is the one the suite expects (nothing unexpected failed).</summary>
    public bool IsAsExpected => Verdict != Verdict.UnexpectedFailure;
}

/// <summary>Runs whole claims: every property, then the verdict. The command and the summary snapshot use this.</summary>
public static class Verifier
{
    /// <summary>Runs every property of <paramref name="claim"/>, reporting each finished property to <paramref name="progress"/>.</summary>
    public static ClaimReport Verify(Claim claim, RunSettings settings, IProgress<PropertyReport>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var reports = new List<PropertyReport>();
        foreach (var property in claim.Properties)
        {
            var report = ClaimRunner.Run(claim, property, settings);
            reports.Add(report);
            progress?.Report(report);
        }

        var verdict = !reports.All(r => r.Passed) ? Verdict.UnexpectedFailure
            : reports.All(r => r.Cases == 0) ? Verdict.NotRun
            : claim.Expectation == Expectation.Holds ? Verdict.Holds
            : Verdict.KnownCounterexampleReproduced;
        return new ClaimReport(claim, reports, verdict);
    }

    /// <summary>A verdict in words, for tables and reports.</summary>
    public static string Describe(Verdict verdict) => verdict switch
    {
        Verdict.Holds => "holds",
        Verdict.KnownCounterexampleReproduced => "known counterexample reproduced",
        Verdict.NotRun => "not run (every case deeper than --max-depth)",
        _ => "counterexample found",
    };
}

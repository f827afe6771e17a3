using Sharpness.Verification;
using Sharpness.Verification.Certificates;

namespace Sharpness.Cli.Verify;

/// <summary>One run of <c>verify</c>: the settings and every claim's report, in catalogue order.</summary>
internal sealed record VerificationRun(RunSettings Settings, IReadOnlyList<ClaimReport> Claims)
{
    /// <summary>Each run claim's certificate outcome, where it has a certificate (<see cref="CertificateCatalogue"/>).</summary>
    public IReadOnlyDictionary<string, CertificateOutcome> Certificates { get; init; } = new Dictionary<string, CertificateOutcome>();

    /// <summary>Certificates that the theory's formulas failed: each one is a failure of the run, like a suite error.</summary>
    public int UnprovenCertificates => Certificates.Values.Count(c => !c.Proven);

    /// <summary>
    /// Runs the certificates of <paramref name="claims"/> with the theory's formulas; with <paramref name="sweepCases"/> &gt; 0
    /// the closed-form ones also run at that many random minimizers drawn from <paramref name="seed"/>, and both must hold.
    /// </summary>
    public static IReadOnlyDictionary<string, CertificateOutcome> Certify(IEnumerable<Claim> claims, int sweepCases = 0, ulong seed = RunSettings.DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var outcomes = new Dictionary<string, CertificateOutcome>();
        foreach (var claim in claims)
        {
            if (CertificateCatalogue.For(claim.Id) is not { } certificate)
            {
                continue;
            }

            var outcome = certificate.Run(Formulas.Theory);
            if (sweepCases > 0 && outcome.Proven && CertificateCatalogue.Sweep(claim.Id, sweepCases, unchecked((int)seed), Formulas.Theory) is { } sweep)
            {
                outcome = sweep.Proven ? outcome with { Evidence = $"{outcome.Evidence}; {sweep.Evidence}" } : sweep;
            }

            outcomes[claim.Id] = outcome;
        }

        return outcomes;
    }

    /// <summary>A claim's certificate in one word: exact, interval, none, or "not proven".</summary>
    public string CertificateWord(ClaimReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!Certificates.TryGetValue(report.Claim.Id, out var outcome))
        {
            return "none";
        }

        return outcome.Proven ? CertificateCatalogue.For(report.Claim.Id)!.Kind.ToString().ToLowerInvariant() : "not proven";
    }

    /// <summary>Claims that hold on their stated domain, with complete evidence.</summary>
    public int Holding => Count(Verdict.Holds);

    /// <summary>Claims whose known counterexample was reproduced, with complete evidence.</summary>
    public int KnownCounterexamples => Count(Verdict.KnownCounterexampleReproduced);

    /// <summary>Claims whose properties passed but whose evidence lacks something (cases, a regime, the counterexample).</summary>
    public int Incomplete => Count(Verdict.Incomplete);

    /// <summary>Claims none of whose cases was shallow enough for the depth limit.</summary>
    public int NotRun => Count(Verdict.NotRun);

    /// <summary>Claims a case falsified: a new counterexample (or a regression in a formula).</summary>
    public int NewCounterexamples => Count(Verdict.NewCounterexample);

    /// <summary>Claims the suite could not judge: something threw or an oracle contradicted itself.</summary>
    public int SuiteErrors => Count(Verdict.SuiteError);

    /// <summary>Claims that failed (a new counterexample or a suite error): the run exits 1 when there is any.</summary>
    public int Failed => Claims.Count(r => r.HasFailed) + UnprovenCertificates;

    /// <summary>The command to replay a claim's run exactly.</summary>
    public string ReplayCommand(ClaimReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var depth = Settings.MaxDepth is int d ? $" --max-depth {d}" : string.Empty;
        return $"sharpness verify --claim {report.Claim.Id} --cases {Settings.Cases} --seed \"{Settings.Replay}\"{depth}";
    }

    /// <summary>The one-line summary printed under the table: every verdict counted, failures last.</summary>
    public string Summary =>
        $"{Claims.Count} claims: {Holding} hold, {KnownCounterexamples} with known counterexamples reproduced, {Incomplete} incomplete, {NotRun} not run, "
        + $"{NewCounterexamples} with new counterexamples, {SuiteErrors} with suite errors; "
        + $"{Certificates.Count - UnprovenCertificates} of {Certificates.Count} certificates proven.";

    private int Count(Verdict verdict) => Claims.Count(r => r.Verdict == verdict);
}

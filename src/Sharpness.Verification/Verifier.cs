using System.Globalization;

namespace Sharpness.Verification;

/// <summary>The suite's verdict on a claim after running all its properties, computed from what the cases showed.</summary>
public enum Verdict
{
    /// <summary>The claim is expected to hold and every property passed with complete evidence: every requested case checked, every declared regime reached.</summary>
    Holds,

    /// <summary>The claim fails on part of its domain, as found: a case exhibited the known counterexample, and every property passed with complete evidence.</summary>
    KnownCounterexampleReproduced,

    /// <summary>A property was falsified: a case failed the claim's assertion (a new counterexample, or a regression in a formula).</summary>
    NewCounterexample,

    /// <summary>The suite could not judge a case: a generator, formula, construction or oracle threw, or an oracle contradicted itself.</summary>
    SuiteError,

    /// <summary>Every property passed but the evidence is incomplete: cases passed over, a regime never reached, only vacuous cases, or the counterexample never exhibited.</summary>
    Incomplete,

    /// <summary>No property checked any case: every case was deeper than the run's depth limit.</summary>
    NotRun,
}

/// <summary>All property reports of one claim, its verdict and what its evidence lacks.</summary>
/// <param name="Claim">The claim.</param>
/// <param name="Properties">One report per property, in the claim's order.</param>
/// <param name="Verdict">The verdict computed from the reports.</param>
/// <param name="Gaps">What is missing for the expected verdict (empty unless <see cref="Verdict.Incomplete"/> or <see cref="Verdict.NotRun"/>).</param>
public sealed record ClaimReport(Claim Claim, IReadOnlyList<PropertyReport> Properties, Verdict Verdict, IReadOnlyList<string> Gaps)
{
    /// <summary>Cases drawn and not passed over across the claim's properties.</summary>
    public int Cases => Properties.Sum(p => p.Cases);

    /// <summary>Cases requested across the claim's properties.</summary>
    public int Requested => Properties.Sum(p => p.Requested);

    /// <summary>The worst relative error across the claim's numeric comparisons; null when it compared no number.</summary>
    public double? WorstRelativeError => Properties.Max(p => p.WorstRelativeError);

    /// <summary>True when a property failed: a new counterexample or a suite error (what makes <c>verify</c> exit 1).</summary>
    public bool HasFailed => Verdict is Verdict.NewCounterexample or Verdict.SuiteError;

    /// <summary>True when the verdict is the one the suite expects of the claim (holds, or its known counterexample reproduced).</summary>
    public bool IsAsExpected => Verdict == (Claim.Expectation == Expectation.Holds ? Verdict.Holds : Verdict.KnownCounterexampleReproduced);
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

        return Judge(claim, reports, settings.MaxDepth);
    }

    /// <summary>
    /// The verdict from the property reports: a suite error first (a broken suite says nothing about the claim), then a
    /// falsified property, then whether any case was checked at all, then whether the evidence is complete.
    /// </summary>
    public static ClaimReport Judge(Claim claim, IReadOnlyList<PropertyReport> reports, int? maxDepth)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(reports);
        if (reports.Any(r => r.Result == PropertyResult.SuiteError))
        {
            return new ClaimReport(claim, reports, Verdict.SuiteError, []);
        }

        if (reports.Any(r => r.Result == PropertyResult.Falsified))
        {
            return new ClaimReport(claim, reports, Verdict.NewCounterexample, []);
        }

        var depth = maxDepth is int d ? string.Create(CultureInfo.InvariantCulture, $" at depth <= {d}") : string.Empty;
        var cases = reports.Sum(r => r.Cases);
        var requested = reports.Sum(r => r.Requested);
        if (cases == 0)
        {
            return new ClaimReport(claim, reports, Verdict.NotRun, [string.Create(CultureInfo.InvariantCulture, $"0 of {requested} cases{depth}")]);
        }

        var gaps = new List<string>();
        var exhibited = reports.Any(r => r.Role == PropertyRole.ExhibitsCounterexample && r.Exhibiting > 0);
        if (claim.Expectation == Expectation.FailsOnPartOfDomain && !exhibited)
        {
            var why = reports.Where(r => r.Role == PropertyRole.ExhibitsCounterexample).SelectMany(r => r.Gaps).FirstOrDefault(g => g.Kind != GapKind.NotExhibited);
            var tried = reports.Where(r => r.Role == PropertyRole.ExhibitsCounterexample).Sum(r => r.Checked);
            gaps.Add(why is null
                ? string.Create(CultureInfo.InvariantCulture, $"counterexample not exhibited ({tried} cases checked, none exhibits it)")
                : $"counterexample not exhibited ({why.Text})");
        }

        var passedOver = reports.Sum(r => r.PassedOver);
        if (cases < requested)
        {
            gaps.Add(string.Create(CultureInfo.InvariantCulture, $"{cases} of {requested} cases{(passedOver > 0 ? depth : string.Empty)}"));
        }

        // Case counts are summed above and a missing counterexample is named once; the rest is per property.
        gaps.AddRange(reports.SelectMany(r => r.Gaps
            .Where(g => g.Kind is GapKind.Vacuous or GapKind.Regime || (g.Kind == GapKind.NotExhibited && exhibited))
            .Select(g => $"{r.Property}: {g.Text}")));
        var verdict = gaps.Count > 0 ? Verdict.Incomplete
            : claim.Expectation == Expectation.Holds ? Verdict.Holds
            : Verdict.KnownCounterexampleReproduced;
        return new ClaimReport(claim, reports, verdict, gaps);
    }

    /// <summary>A verdict in words, for tables and reports.</summary>
    public static string Describe(Verdict verdict) => verdict switch
    {
        Verdict.Holds => "holds",
        Verdict.KnownCounterexampleReproduced => "known counterexample reproduced",
        Verdict.NewCounterexample => "new counterexample",
        Verdict.SuiteError => "suite error",
        Verdict.Incomplete => "incomplete",
        _ => "not run",
    };

    /// <summary>
    /// A claim's verdict in words with the first thing its evidence lacks, for tables: "holds",
    /// "not run: 0 of 200 cases at depth &lt;= 2", "incomplete: counterexample not exhibited (...) (+1 more)".
    /// </summary>
    public static string Describe(ClaimReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var words = Describe(report.Verdict);
        return report.Gaps.Count switch
        {
            0 => words,
            1 => $"{words}: {report.Gaps[0]}",
            _ => string.Create(CultureInfo.InvariantCulture, $"{words}: {report.Gaps[0]} (+{report.Gaps.Count - 1} more)"),
        };
    }
}

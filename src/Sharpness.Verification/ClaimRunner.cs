using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace Sharpness.Verification;

/// <summary>How a property's run ended.</summary>
public enum PropertyResult
{
    /// <summary>Every drawn case passed.</summary>
    Passed,

    /// <summary>A case failed the claim's assertion: FsCheck falsified the property (a new counterexample, or a wrong formula).</summary>
    Falsified,

    /// <summary>The suite could not judge a case: a generator, formula, construction or oracle threw, or an oracle contradicted itself.</summary>
    SuiteError,
}

/// <summary>What kind of evidence a property's run lacks.</summary>
public enum GapKind
{
    /// <summary>Fewer cases checked than requested (passed over as deeper than the depth limit).</summary>
    Cases,

    /// <summary>Every case was vacuous: nothing was asserted.</summary>
    Vacuous,

    /// <summary>A declared regime was never reached by a checked case.</summary>
    Regime,

    /// <summary>A counterexample property checked cases but none exhibited the failure.</summary>
    NotExhibited,
}

/// <summary>One thing a property's run lacks to count as evidence, in words.</summary>
public sealed record Gap(GapKind Kind, string Text)
{
    /// <inheritdoc />
    public override string ToString() => Text;
}

/// <summary>
/// The result of running one property: what was asked for, what the cases were (checked, vacuous, passed over), the
/// worst relative error, how it ended, the regimes it reached and how to replay it.
/// </summary>
/// <param name="ClaimId">The claim's ID.</param>
/// <param name="Property">The property's name.</param>
/// <param name="Role">Whether the property checks the claim or exhibits its counterexample.</param>
/// <param name="Requested">Cases the run asked for.</param>
/// <param name="Checked">Cases that were checked (the assertion evaluated), up to the first failure.</param>
/// <param name="Vacuous">Cases that passed without a check.</param>
/// <param name="PassedOver">Cases deeper than the run's depth limit.</param>
/// <param name="Exhibiting">Checked, passing cases that exhibit the counterexample (for <see cref="PropertyRole.ExhibitsCounterexample"/>).</param>
/// <param name="WorstRelativeError">The worst relative error of a numeric comparison; null when none was made.</param>
/// <param name="Result">Passed, falsified or a suite error.</param>
/// <param name="Failure">FsCheck's report of the failure (case, evidence, replay seed), when it did not pass.</param>
/// <param name="Replay">The seed to replay the run.</param>
/// <param name="Regimes">How many cases fell in each regime label.</param>
/// <param name="Gaps">What the run lacks to count as evidence (empty when complete): cases passed over, regimes never reached, vacuity.</param>
public sealed record PropertyReport(
    string ClaimId,
    string Property,
    PropertyRole Role,
    int Requested,
    int Checked,
    int Vacuous,
    int PassedOver,
    int Exhibiting,
    double? WorstRelativeError,
    PropertyResult Result,
    string? Failure,
    string Replay,
    IReadOnlyDictionary<string, int> Regimes,
    IReadOnlyList<Gap> Gaps)
{
    /// <summary>Cases drawn and not passed over: checked or vacuous.</summary>
    public int Cases => Checked + Vacuous;

    /// <summary>True when every drawn case passed.</summary>
    public bool Passed => Result == PropertyResult.Passed;

    /// <summary>True when it passed with nothing missing: requested cases all drawn and none passed over, some case checked, every regime reached and, for a counterexample property, the failure exhibited.</summary>
    public bool IsComplete => Passed && Gaps.Count == 0;
}

/// <summary>
/// What one case of a property showed, as a shard report carries it: enough to recompute the property's report, and so
/// the claim's verdict, from cases run anywhere and in any grouping (<see cref="ClaimRunner.Summarize"/>).
/// </summary>
/// <param name="Index">The case's 0-based index within its property (its seed is <see cref="RunSettings.SeedOf"/>).</param>
/// <param name="Kind">Checked, vacuous, passed over or a suite error.</param>
/// <param name="Holds">False for the case that failed (the claim's assertion, or the suite).</param>
/// <param name="RelativeError">The case's worst relative error; null when it compared no number.</param>
/// <param name="Regime">The case's regime label; null when no outcome was seen (a generator threw first).</param>
/// <param name="Reached">Indices of the property's declared regimes the case reached (checked cases only).</param>
/// <param name="Exhibits">True for a checked, passing case that exhibits the counterexample.</param>
/// <param name="Failure">FsCheck's report of the failure (shrunk case, evidence, the case's replay seed), when it failed.</param>
public sealed record CaseResult(int Index, OutcomeKind Kind, bool Holds, double? RelativeError, string? Regime, IReadOnlyList<int> Reached, bool Exhibits, string? Failure);

/// <summary>
/// Runs claim properties through FsCheck (the same definitions the tests run) and reports outside any test framework.
/// Each case is its own one-case FsCheck check from its own seed (<see cref="RunSettings.SeedOf"/>), so a case is the
/// same in a whole run, a shard of one, or a replay of the case alone; a failing case is still shrunk.
/// </summary>
public static class ClaimRunner
{
    /// <summary>Runs <paramref name="property"/> of <paramref name="claim"/> with the theory's formulas or a mutant's.</summary>
    public static PropertyReport Run(Claim claim, ClaimProperty property, RunSettings settings, Formulas? formulas = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Summarize(claim, property, settings, RunCases(claim, property, settings, Enumerable.Range(0, settings.Cases), formulas));
    }

    /// <summary>
    /// Runs the cases <paramref name="indices"/> (ascending) of a property, up to and including the first that fails (later
    /// ones could not change the report: it counts cases up to the first failure). The indices are read as the run goes,
    /// so a run of 2147483647 cases holds none of them in memory.
    /// </summary>
    public static IReadOnlyList<CaseResult> RunCases(Claim claim, ClaimProperty property, RunSettings settings, IEnumerable<int> indices, Formulas? formulas = null)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var results = new List<CaseResult>();
        foreach (var index in indices)
        {
            var result = RunCase(claim, property, settings, index, formulas);
            results.Add(result);
            if (!result.Holds)
            {
                break;
            }
        }

        return results;
    }

    /// <summary>Runs case <paramref name="index"/> of a property alone: one FsCheck test from the case's own seed and size, shrunk if it fails.</summary>
    public static CaseResult RunCase(Claim claim, ClaimProperty property, RunSettings settings, int index, Formulas? formulas = null)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(property);
        ArgumentNullException.ThrowIfNull(settings);
        var stream = property.CaseStream(claim.Id);
        var (seed, gamma, size) = settings.SeedOf(stream.ClaimId, stream.Property, index);
        var config = Config.QuickThrowOnFailure
            .WithMaxTest(1)
            .WithQuietOnSuccess(true)
            .WithName($"{claim.Id} {property.Name}")
            .WithReplay(seed, gamma, size);

        // The first outcome is the drawn case; any later ones are FsCheck's shrink attempts on it.
        Outcome? first = null;
        try
        {
            Check.One(config, property.ToProperty(formulas ?? Formulas.Theory, outcome => first ??= outcome, settings.MaxDepth));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A failing drawn case says what kind of failure it was; none means the exception came from outside the
            // checks (a generator or shrinker), a suite error.
            var falsified = first is { Holds: false, Kind: OutcomeKind.Checked };
            var words = falsified ? "failed" : "suite error";
            var failure = string.Create(
                CultureInfo.InvariantCulture,
                $"{claim.Id} {property.Name} {words} (replay with SHARPNESS_SEED=\"{settings.CaseReplay(stream.ClaimId, stream.Property, index)}\": case {index} of seed {settings.Replay}):{Environment.NewLine}{ex.Message}");
            return falsified
                ? Record(property, index, first!, failure)
                : new CaseResult(index, OutcomeKind.SuiteError, false, first?.RelativeError, first is { Holds: false } ? first.Regime : null, [], false, failure);
        }

        return first is null
            ? new CaseResult(index, OutcomeKind.SuiteError, false, null, null, [], false, $"{claim.Id} {property.Name} suite error at case {index}: FsCheck drew no case")
            : Record(property, index, first, null);
    }

    /// <summary>
    /// A property's report from its cases, wherever they ran: sorted by index and counted up to the first failure, so
    /// the same cases give the same report (and verdict) from one run or from merged shards.
    /// </summary>
    public static PropertyReport Summarize(Claim claim, ClaimProperty property, RunSettings settings, IEnumerable<CaseResult> cases)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(property);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(cases);
        var regimes = new Dictionary<string, int>();
        var reached = new int[property.Regimes.Count];
        int @checked = 0, vacuous = 0, passedOver = 0, exhibiting = 0;
        double? worst = null;
        string? failure = null;
        var result = PropertyResult.Passed;
        foreach (var c in cases.OrderBy(c => c.Index))
        {
            if (c.Kind == OutcomeKind.PassedOver)
            {
                passedOver++;
                continue;
            }

            vacuous += c.Kind == OutcomeKind.Vacuous ? 1 : 0;
            if (c.Kind == OutcomeKind.Checked)
            {
                @checked++;
                foreach (var i in c.Reached)
                {
                    reached[i]++;
                }

                exhibiting += c.Exhibits ? 1 : 0;
            }

            if (c.RelativeError is double error)
            {
                worst = Math.Max(worst ?? 0, error);
            }

            if (c.Regime is not null)
            {
                regimes[c.Regime] = regimes.GetValueOrDefault(c.Regime) + 1;
            }

            if (!c.Holds)
            {
                result = c.Kind == OutcomeKind.Checked ? PropertyResult.Falsified : PropertyResult.SuiteError;
                failure = c.Failure;
                break;
            }
        }

        var gaps = new List<Gap>();
        var drawn = @checked + vacuous;
        if (drawn < settings.Cases && result == PropertyResult.Passed)
        {
            gaps.Add(new Gap(GapKind.Cases, settings.MaxDepth is int depth && passedOver > 0
                ? string.Create(CultureInfo.InvariantCulture, $"{drawn} of {settings.Cases} cases at depth <= {depth}")
                : string.Create(CultureInfo.InvariantCulture, $"{drawn} of {settings.Cases} cases")));
        }

        if (@checked == 0 && vacuous > 0)
        {
            var why = string.Join(", ", regimes.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Key));
            gaps.Add(new Gap(GapKind.Vacuous, string.Create(CultureInfo.InvariantCulture, $"all {vacuous} cases vacuous ({why})")));
        }

        if (@checked > 0)
        {
            gaps.AddRange(property.Regimes.Where((_, i) => reached[i] == 0).Select(r => new Gap(GapKind.Regime, $"regime '{r.Name}' never checked")));
            if (property.Role == PropertyRole.ExhibitsCounterexample && exhibiting == 0)
            {
                gaps.Add(new Gap(GapKind.NotExhibited, "no case exhibits the counterexample"));
            }
        }

        return new PropertyReport(claim.Id, property.Name, property.Role, settings.Cases, @checked, vacuous, passedOver, exhibiting, worst, result, failure, settings.Replay, regimes, gaps);
    }

    private static CaseResult Record(ClaimProperty property, int index, Outcome outcome, string? failure)
    {
        var isChecked = outcome.Kind == OutcomeKind.Checked;
        var reached = isChecked ? Enumerable.Range(0, property.Regimes.Count).Where(i => property.Regimes[i].Contains(outcome)).ToArray() : [];
        var exhibits = isChecked && outcome.Holds && property.Role == PropertyRole.ExhibitsCounterexample && property.Exhibiting.Contains(outcome);
        return new CaseResult(index, outcome.Kind, outcome.Holds, outcome.RelativeError, outcome.Kind == OutcomeKind.PassedOver ? null : outcome.Regime, reached, exhibits, failure);
    }
}

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

/// <summary>Runs claim properties through FsCheck (the same definitions the tests run) and reports outside any test framework.</summary>
public static class ClaimRunner
{
    /// <summary>Runs <paramref name="property"/> of <paramref name="claim"/> with the theory's formulas or a mutant's.</summary>
    public static PropertyReport Run(Claim claim, ClaimProperty property, RunSettings settings, Formulas? formulas = null)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(property);
        ArgumentNullException.ThrowIfNull(settings);
        var tally = new Tally(property);
        var config = Config.QuickThrowOnFailure
            .WithMaxTest(settings.Cases)
            .WithQuietOnSuccess(true)
            .WithName($"{claim.Id} {property.Name}")
            .WithReplay(settings.Seed, settings.Gamma);
        string? failure = null;
        var result = PropertyResult.Passed;
        try
        {
            Check.One(config, property.ToProperty(formulas ?? Formulas.Theory, tally.Observe, settings.MaxDepth));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // FsCheck stops at the first failing case and then shrinks; that first case says what kind of failure it
            // was. No failing case at all means the exception came from outside the checks (a generator or shrinker).
            result = tally.FirstFailure == OutcomeKind.Checked ? PropertyResult.Falsified : PropertyResult.SuiteError;
            var words = result == PropertyResult.Falsified ? "failed" : "suite error";
            failure = $"{claim.Id} {property.Name} {words} (replay with SHARPNESS_SEED=\"{settings.Replay}\"):{Environment.NewLine}{ex.Message}";
        }

        return tally.Report(claim, settings, result, failure);
    }

    /// <summary>Counts a run's cases by kind and regime, up to its first failure (later cases are FsCheck's shrink attempts).</summary>
    private sealed class Tally(ClaimProperty property)
    {
        private readonly object _gate = new();
        private readonly Dictionary<string, int> _regimes = [];
        private readonly int[] _reached = new int[property.Regimes.Count];
        private int _checked;
        private int _vacuous;
        private int _passedOver;
        private int _exhibiting;
        private double? _worst;

        public OutcomeKind? FirstFailure { get; private set; }

        public void Observe(Outcome outcome)
        {
            lock (_gate)
            {
                if (FirstFailure is not null)
                {
                    return;
                }

                if (!outcome.Holds)
                {
                    FirstFailure = outcome.Kind;
                }

                switch (outcome.Kind)
                {
                    case OutcomeKind.PassedOver:
                        _passedOver++;
                        return;
                    case OutcomeKind.Vacuous:
                        _vacuous++;
                        break;
                    case OutcomeKind.Checked:
                        _checked++;
                        for (var i = 0; i < _reached.Length; i++)
                        {
                            _reached[i] += property.Regimes[i].Contains(outcome) ? 1 : 0;
                        }

                        _exhibiting += outcome.Holds && property.Role == PropertyRole.ExhibitsCounterexample && property.Exhibiting.Contains(outcome) ? 1 : 0;
                        break;
                    case OutcomeKind.SuiteError:
                        break;
                }

                if (outcome.RelativeError is double error)
                {
                    _worst = Math.Max(_worst ?? 0, error);
                }

                _regimes[outcome.Regime] = _regimes.GetValueOrDefault(outcome.Regime) + 1;
            }
        }

        public PropertyReport Report(Claim claim, RunSettings settings, PropertyResult result, string? failure)
        {
            lock (_gate)
            {
                var gaps = new List<Gap>();
                var cases = _checked + _vacuous;
                if (cases < settings.Cases && result == PropertyResult.Passed)
                {
                    gaps.Add(new Gap(GapKind.Cases, settings.MaxDepth is int depth && _passedOver > 0
                        ? string.Create(CultureInfo.InvariantCulture, $"{cases} of {settings.Cases} cases at depth <= {depth}")
                        : string.Create(CultureInfo.InvariantCulture, $"{cases} of {settings.Cases} cases")));
                }

                if (_checked == 0 && _vacuous > 0)
                {
                    var why = string.Join(", ", _regimes.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Key));
                    gaps.Add(new Gap(GapKind.Vacuous, string.Create(CultureInfo.InvariantCulture, $"all {_vacuous} cases vacuous ({why})")));
                }

                if (_checked > 0)
                {
                    gaps.AddRange(property.Regimes.Where((_, i) => _reached[i] == 0).Select(r => new Gap(GapKind.Regime, $"regime '{r.Name}' never checked")));
                    if (property.Role == PropertyRole.ExhibitsCounterexample && _exhibiting == 0)
                    {
                        gaps.Add(new Gap(GapKind.NotExhibited, "no case exhibits the counterexample"));
                    }
                }

                return new PropertyReport(
                    claim.Id,
                    property.Name,
                    property.Role,
                    settings.Cases,
                    _checked,
                    _vacuous,
                    _passedOver,
                    _exhibiting,
                    _worst,
                    result,
                    failure,
                    settings.Replay,
                    new Dictionary<string, int>(_regimes),
                    gaps);
            }
        }
    }
}

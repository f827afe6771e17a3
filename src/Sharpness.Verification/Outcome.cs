using System.Globalization;

namespace Sharpness.Verification;

/// <summary>What kind of evidence one case gave: a real check, a vacuous pass, or an error of the suite itself.</summary>
public enum OutcomeKind
{
    /// <summary>The case was checked: the claim's assertion was evaluated on it (and held or not).</summary>
    Checked,

    /// <summary>The case passed without anything being asserted (outside the part of the domain the property is about).</summary>
    Vacuous,

    /// <summary>The suite could not judge the case: a formula, an oracle or a construction threw on it, or an oracle disagreed with itself.</summary>
    SuiteError,

    /// <summary>The case was drawn but not checked: it is deeper than the run's depth limit.</summary>
    PassedOver,
}

/// <summary>
/// What one generated case showed: whether the claim held, the relative error of its worst numeric comparison
/// (difference over tolerance scale; null when nothing numeric was compared), the regime for classification, the
/// evidence a failure message needs (values, scale, tolerance) and the kind of evidence it is.
/// </summary>
public sealed record Outcome(bool Holds, double? RelativeError, string Regime, string Evidence)
{
    /// <summary>Checked, vacuous or a suite error; <see cref="OutcomeKind.Checked"/> unless a factory says otherwise.</summary>
    public OutcomeKind Kind { get; init; } = OutcomeKind.Checked;

    /// <summary>True when the case was passed without asserting anything.</summary>
    public bool IsVacuous => Kind == OutcomeKind.Vacuous;

    /// <summary>A comparison <c>actual</c> vs <c>expected</c> at a scale under a tolerance, with the evidence written out.</summary>
    public static Outcome Compare(string what, double actual, double expected, double scale, Sharpness.Theory.Tolerance tolerance, string regime)
    {
        var difference = Math.Abs(actual - expected);
        var relative = scale > 0 ? difference / scale : difference;
        var holds = tolerance.IsClose(actual, expected, scale);
        return new Outcome(holds, double.IsNaN(relative) ? double.PositiveInfinity : relative, regime, string.Create(
            CultureInfo.InvariantCulture,
            $"{what}: formula {actual:R} vs oracle {expected:R}, |diff| {difference:G3}, relative {relative:G3} at scale {scale:G6}, allowed {tolerance.Bound(scale):G3}"));
    }

    /// <summary>A logical check (an iff, a predicate) with its evidence; it compares no number, so it has no relative error.</summary>
    public static Outcome Check(bool holds, string regime, string evidence) => new(holds, null, regime, evidence);

    /// <summary>A case that passes without a check (the property says nothing about it), and why.</summary>
    public static Outcome Vacuous(string regime, string evidence) => new(true, null, regime, evidence) { Kind = OutcomeKind.Vacuous };

    /// <summary>A case deeper than the run's depth limit <paramref name="maxDepth"/>, drawn and passed over.</summary>
    public static Outcome PassedOver(int maxDepth) =>
        new(true, null, "deeper than --max-depth", string.Create(CultureInfo.InvariantCulture, $"deeper than {maxDepth}, passed over")) { Kind = OutcomeKind.PassedOver };

    /// <summary>A case the suite could not judge (something threw, or an oracle contradicted itself): not evidence about the claim.</summary>
    public static Outcome SuiteError(string regime, string evidence) => new(false, null, regime, evidence) { Kind = OutcomeKind.SuiteError };

    /// <summary>
    /// All of several outcomes: holds when each holds; keeps the worst error (null when none compared a number) and
    /// the failing evidence. A suite error among them makes the whole a suite error; it is vacuous only when every
    /// part is.
    /// </summary>
    public static Outcome All(params Outcome[] outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var failing = outcomes.Where(o => !o.Holds).ToArray();
        var shown = failing.Length > 0 ? failing : outcomes;
        var errors = outcomes.Select(o => o.RelativeError).OfType<double>().ToArray();
        var kind = outcomes.Any(o => o.Kind == OutcomeKind.SuiteError) ? OutcomeKind.SuiteError
            : outcomes.Length > 0 && outcomes.All(o => o.IsVacuous) ? OutcomeKind.Vacuous
            : OutcomeKind.Checked;
        return new Outcome(
            failing.Length == 0,
            errors.Length == 0 ? null : errors.Max(),
            outcomes[0].Regime,
            string.Join("; ", shown.Select(o => o.Evidence)))
        {
            Kind = kind,
        };
    }
}

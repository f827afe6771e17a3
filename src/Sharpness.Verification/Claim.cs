using FsCheck;
using FsCheck.Fluent;

namespace Sharpness.Verification;

/// <summary>What the suite expects of a claim on its stated domain.</summary>
public enum Expectation
{
    /// <summary>The claim holds on its whole stated domain: every property passes.</summary>
    Holds,

    /// <summary>The claim fails on part of its stated domain: a property asserts the counterexample.</summary>
    FailsOnPartOfDomain,
}

/// <summary>A plausible wrong formula kept beside its claim, and how it is wrong. Its property must reject it.</summary>
/// <param name="Name">PascalCase name, used in test names (<c>ExactT5_Rejects_DroppedFactorTwo</c>).</param>
/// <param name="HowWrong">One line on what the mutant gets wrong.</param>
/// <param name="Apply">Replaces the formula(s) it corrupts.</param>
public sealed record Mutant(string Name, string HowWrong, Func<Formulas, Formulas> Apply);

/// <summary>What a property's passing cases are evidence of.</summary>
public enum PropertyRole
{
    /// <summary>Its cases check the claim (or the claim on its corrected domain): passing cases are evidence that it holds.</summary>
    ChecksClaim,

    /// <summary>Its cases assert the known counterexample: a passing case in <see cref="ClaimProperty.Exhibiting"/> reproduces the failure.</summary>
    ExhibitsCounterexample,
}

/// <summary>
/// A part of a property's domain, given as the outcomes that fall in it. A run reaches the regime when some checked
/// (not vacuous) case falls in it.
/// </summary>
/// <param name="Name">How the verdict names the regime when it is missing.</param>
/// <param name="Contains">Whether an outcome falls in the regime.</param>
public sealed record Regime(string Name, Func<Outcome, bool> Contains)
{
    /// <summary>Every outcome: a counterexample property all of whose checked cases exhibit the failure.</summary>
    public static Regime Every { get; } = new("every checked case", _ => true);

    /// <summary>The outcomes whose regime label is one of <paramref name="labels"/>.</summary>
    public static Regime Labelled(string name, params string[] labels) => new(name, o => labels.Contains(o.Regime, StringComparer.Ordinal));

    /// <summary>The outcomes whose regime, a list of labels joined by "; ", includes <paramref name="name"/>.</summary>
    public static Regime Listed(string name) => new(name, o => o.Regime.Split("; ").Contains(name, StringComparer.Ordinal));
}

/// <summary>
/// One property of a claim: a generator of cases and a check of one case against the oracle with the given
/// formulas. Non-generic face of <see cref="ClaimProperty{T}"/> for the catalogue and the runner.
/// </summary>
public abstract class ClaimProperty
{
    /// <summary>Creates the property.</summary>
    protected ClaimProperty(string name, string description)
    {
        Name = name;
        Description = description;
    }

    /// <summary>PascalCase name, unique within its claim.</summary>
    public string Name { get; }

    /// <summary>What the property asserts, in one sentence.</summary>
    public string Description { get; }

    /// <summary>
    /// The stream its cases are drawn from, named by a (claim ID, property name) pair that goes into each case's seed
    /// (<see cref="RunSettings.SeedOf"/>); by default its own. Properties of different claims that check the same
    /// expensive points name one shared stream, so they draw the same cases and work that depends on the case alone (the
    /// optimizer endpoints of the regularized matrix claims) is done once. A case's seed still depends only on the master
    /// seed, the stream and its index, never on how a run is sharded.
    /// </summary>
    public (string ClaimId, string Property)? SharedCases { get; init; }

    /// <summary>The stream its cases come from: <see cref="SharedCases"/>, or its own claim and name.</summary>
    public (string ClaimId, string Property) CaseStream(string claimId) => SharedCases ?? (claimId, Name);

    /// <summary>Whether its cases check the claim or exhibit its known counterexample; <see cref="PropertyRole.ChecksClaim"/> by default.</summary>
    public PropertyRole Role { get; init; } = PropertyRole.ChecksClaim;

    /// <summary>
    /// The regimes a run must reach for its passing to count as evidence (an iff-property: both sides). A run that
    /// misses one is incomplete, whatever else it shows.
    /// </summary>
    public IReadOnlyList<Regime> Regimes { get; init; } = [];

    /// <summary>
    /// For <see cref="PropertyRole.ExhibitsCounterexample"/>: the checked, passing cases that exhibit the failure
    /// (by default every checked case). The counterexample is reproduced only when at least one such case was seen.
    /// </summary>
    public Regime Exhibiting { get; init; } = Regime.Every;

    /// <summary>
    /// Builds the FsCheck property with the given formulas, reporting each drawn case's outcome to <paramref name="observe"/>.
    /// Cases deeper than <paramref name="maxDepth"/> (where set) pass without a check and are reported as
    /// <see cref="OutcomeKind.PassedOver"/>.
    /// </summary>
    public abstract Property ToProperty(Formulas formulas, Action<Outcome> observe, int? maxDepth = null);
}

/// <summary>A property over cases of type <typeparamref name="T"/> (a recipe, never raw matrices).</summary>
public sealed class ClaimProperty<T> : ClaimProperty
{
    private readonly Arbitrary<T> _cases;
    private readonly Func<T, Formulas, Outcome> _check;

    /// <summary>Creates the property from its cases and its check.</summary>
    public ClaimProperty(string name, string description, Arbitrary<T> cases, Func<T, Formulas, Outcome> check)
        : base(name, description)
    {
        _cases = cases;
        _check = check;
    }

    /// <summary>Checks one case directly (for pinned replays and fixed examples).</summary>
    public Outcome CheckCase(T @case, Formulas formulas) => _check(@case, formulas);

    /// <inheritdoc />
    public override Property ToProperty(Formulas formulas, Action<Outcome> observe, int? maxDepth = null) =>
        Prop.ForAll(_cases, (T @case) =>
        {
            ArgumentNullException.ThrowIfNull(observe);

            // Passed over rather than filtered: filtering would change which cases the seed draws and could exhaust
            // FsCheck's discards on a property whose cases are all deep.
            if (maxDepth is int limit && @case is Generators.IHasDepth deep && deep.Depth > limit)
            {
                observe(Outcome.PassedOver(limit));
                return Prop.Label(true, $"{@case}: deeper than {limit}, passed over").Classify(true, "deeper than --max-depth");
            }

            Outcome outcome;
            try
            {
                outcome = _check(@case, formulas);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A formula, construction or oracle that throws on a valid case is a suite error, not a counterexample;
                // it still fails the property, so a mutant that throws counts as rejected.
                outcome = Outcome.SuiteError("exception", $"{ex.GetType().Name}: {ex.Message}");
            }

            observe(outcome);
            var property = Prop.Label(outcome.Holds, $"{@case} => {(outcome.Kind == OutcomeKind.SuiteError ? "suite error: " : string.Empty)}{outcome.Evidence}").Classify(true, outcome.Regime);

            // The part of the double range a case samples, beside its regime, so that a run shows its mix of scales too.
            return @case is Generators.IHasScaleRegime scaled ? property.Classify(true, scaled.ScaleRegime) : property;
        });
}

/// <summary>
/// A claim of CLAIMS.md: its stable ID, source, statement, the suite's expectation and finding, its properties
/// and the wrong formulas those properties must reject.
/// </summary>
public sealed record Claim(
    string Id,
    string Source,
    string Statement,
    Expectation Expectation,
    string Finding,
    IReadOnlyList<ClaimProperty> Properties,
    IReadOnlyList<Mutant> Mutants)
{
    /// <summary>The property with the given name.</summary>
    public ClaimProperty Property(string name) =>
        Properties.FirstOrDefault(p => p.Name == name) ?? throw new ArgumentException($"{Id} has no property named {name}.", nameof(name));

    /// <summary>The mutant with the given name.</summary>
    public Mutant Mutant(string name) =>
        Mutants.FirstOrDefault(m => m.Name == name) ?? throw new ArgumentException($"{Id} has no mutant named {name}.", nameof(name));
}

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
    /// Builds the FsCheck property with the given formulas, reporting each case's outcome to <paramref name="observe"/>.
    /// Cases deeper than <paramref name="maxDepth"/> (where set) pass without a check and are not reported.
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
            // Passed over rather than filtered: filtering would change which cases the seed draws and could exhaust
            // FsCheck's discards on a property whose cases are all deep.
            if (maxDepth is int limit && @case is Generators.IHasDepth deep && deep.Depth > limit)
            {
                return Prop.Label(true, $"{@case}: deeper than {limit}, passed over").Classify(true, "deeper than --max-depth");
            }

            Outcome outcome;
            try
            {
                outcome = _check(@case, formulas);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or ArithmeticException)
            {
                // A formula that throws on a valid case is a failing formula (a mutant may do this), with the reason shown.
                outcome = Outcome.Check(false, "exception", $"{ex.GetType().Name}: {ex.Message}");
            }

            observe(outcome);
            return Prop.Label(outcome.Holds, $"{@case} => {outcome.Evidence}").Classify(true, outcome.Regime);
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

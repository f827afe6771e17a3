using System.Globalization;

namespace Sharpness.Verification;

/// <summary>
/// What one generated case showed: whether the claim held, the relative error of its worst comparison
/// (difference over tolerance scale; 0 for purely logical checks), the regime for classification, and
/// the evidence a failure message needs (values, scale, tolerance).
/// </summary>
public sealed record Outcome(bool Holds, double RelativeError, string Regime, string Evidence)
{
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

    /// <summary>A logical check (an iff, a predicate) with its evidence.</summary>
    public static Outcome Check(bool holds, string regime, string evidence) => new(holds, 0, regime, evidence);

    /// <summary>All of several outcomes: holds when each holds; keeps the worst error and the failing evidence.</summary>
    public static Outcome All(params Outcome[] outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var failing = outcomes.Where(o => !o.Holds).ToArray();
        var shown = failing.Length > 0 ? failing : outcomes;
        return new Outcome(
            failing.Length == 0,
            outcomes.Max(o => o.RelativeError),
            outcomes[0].Regime,
            string.Join("; ", shown.Select(o => o.Evidence)));
    }
}

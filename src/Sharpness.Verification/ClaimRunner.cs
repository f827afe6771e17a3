using FsCheck;
using FsCheck.Fluent;

namespace Sharpness.Verification;

/// <summary>The result of running one property: cases drawn, worst relative error, verdict, and how to replay it.</summary>
public sealed record PropertyReport(
    string ClaimId,
    string Property,
    int Cases,
    double WorstRelativeError,
    bool Passed,
    string? Failure,
    string Replay,
    IReadOnlyDictionary<string, int> Regimes);

/// <summary>Runs claim properties through FsCheck (the same definitions the tests run) and reports outside any test framework.</summary>
public static class ClaimRunner
{
    /// <summary>Runs <paramref name="property"/> of <paramref name="claim"/> with the theory's formulas or a mutant's.</summary>
    public static PropertyReport Run(Claim claim, ClaimProperty property, RunSettings settings, Formulas? formulas = null)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(property);
        ArgumentNullException.ThrowIfNull(settings);
        var cases = 0;
        var worst = 0.0;
        var regimes = new Dictionary<string, int>();
        var gate = new object();
        void Observe(Outcome o)
        {
            lock (gate)
            {
                cases++;
                worst = Math.Max(worst, o.RelativeError);
                regimes[o.Regime] = regimes.GetValueOrDefault(o.Regime) + 1;
            }
        }

        var config = Config.QuickThrowOnFailure
            .WithMaxTest(settings.Cases)
            .WithQuietOnSuccess(true)
            .WithName($"{claim.Id} {property.Name}")
            .WithReplay(settings.Seed, settings.Gamma);
        string? failure = null;
        try
        {
            Check.One(config, property.ToProperty(formulas ?? Formulas.Theory, Observe, settings.MaxDepth));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            failure = $"{claim.Id} {property.Name} failed (replay with SHARPNESS_SEED=\"{settings.Replay}\"):{Environment.NewLine}{ex.Message}";
        }

        return new PropertyReport(claim.Id, property.Name, cases, worst, failure is null, failure, settings.Replay, regimes);
    }
}

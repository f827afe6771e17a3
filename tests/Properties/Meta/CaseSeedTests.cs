using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using Sharpness.Verification;
using Sharpness.Verification.Generators;
using Xunit;
using Outcome = Sharpness.Verification.Outcome;

namespace Sharpness.Tests.Properties.Meta;

/// <summary>
/// Every case draws from its own seed, derived from the master seed, the claim, the property and the case's index, so
/// a case's result depends on none of: the run's case count, which shard ran it, the order cases ran in. A property's
/// report summarized from cases run in any grouping (the shards of <c>verify --shard</c>) is the report of one run, and
/// a failing case prints a seed that replays it alone.
/// </summary>
public sealed partial class CaseSeedTests
{
    private static readonly RunSettings Settings = new(24, RunSettings.DefaultSeed, RunSettings.DefaultGamma);

    /// <summary>Pinned: a value computed outside .NET (SplitMix64 over FNV-1a, in Python), so a process-randomized hash
    /// such as string.GetHashCode, or any change of the derivation, fails here.</summary>
    [Fact]
    public void SeedOf_IsTheDocumentedDerivation()
    {
        Assert.Equal((12699823682247613UL, RunSettings.DefaultGamma, 1), Settings.SeedOf("EXACT-T5", "LambdaMaxEqualsDenseOracle", 0));
        Assert.Equal((12522014156759241943UL, RunSettings.DefaultGamma, 18), Settings.SeedOf("EXACT-T5", "LambdaMaxEqualsDenseOracle", 117));
    }

    [Fact]
    public void SeedOf_DependsOnEveryInput()
    {
        var seeds = new[]
        {
            Settings.SeedOf("EXACT-T5", "P", 3).Seed,
            Settings.SeedOf("EXACT-T4", "P", 3).Seed,
            Settings.SeedOf("EXACT-T5", "Q", 3).Seed,
            Settings.SeedOf("EXACT-T5", "P", 4).Seed,
            (Settings with { Seed = 1 }).SeedOf("EXACT-T5", "P", 3).Seed,
            Settings.SeedOf("EXACT-T", "5\nP", 3).Seed,
        };
        Assert.Equal(seeds.Length, seeds.Distinct().Count());
        Assert.Equal(100, Settings.SeedOf("X", "P", 99).Size);
        Assert.Equal(1, Settings.SeedOf("X", "P", 100).Size);
    }

    [Fact]
    public void ParseReplay_ReadsACaseSeed_ParseSeedRefusesIt()
    {
        Assert.Equal((5UL, 7UL, (int?)9), RunSettings.ParseReplay("(5,7,9)"));
        Assert.Equal((5UL, 7UL, (int?)null), RunSettings.ParseReplay("(5,7)"));
        Assert.Contains("one case's seed", Assert.Throws<FormatException>(() => RunSettings.ParseSeed("(5,7,9)")).Message, StringComparison.Ordinal);
        Assert.Contains("from 1 to 100", Assert.Throws<FormatException>(() => RunSettings.ParseReplay("(5,7,101)")).Message, StringComparison.Ordinal);
        Assert.Equal("(5,7,9)", (new RunSettings(1, 5, 7) { CaseSize = 9 }).Replay);
    }

    /// <summary>Case i of a run of 12 is case i of a run of 24: the case count does not move the cases.</summary>
    [Fact]
    public void Cases_DoNotDependOnTheRunsCaseCount()
    {
        var claim = Fake(Property((c, _) => Outcome.Check(true, c.Depth.ToString(System.Globalization.CultureInfo.InvariantCulture), "checked")));
        var shorter = ClaimRunner.RunCases(claim, claim.Properties[0], Settings with { Cases = 12 }, Enumerable.Range(0, 12));
        var longer = ClaimRunner.RunCases(claim, claim.Properties[0], Settings, Enumerable.Range(0, 24));
        Assert.Equal(shorter.Select(c => c.Regime), longer.Take(12).Select(c => c.Regime));
        Assert.True(longer.Select(c => c.Regime).Distinct().Count() > 3, "the rigged generator draws many depths");
    }

    /// <summary>
    /// A property with a failure (at depth 2), vacuous cases and a regime, run as n = 1, 3 and 7 shards dealt round-robin,
    /// each shard stopping at its own first failure: the summary of the union is the report of the whole run.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public void ShardedCases_SummarizeToTheWholeRunsReport(int n)
    {
        var claim = Fake(Property((c, _) => c.Depth switch
        {
            2 => Outcome.Check(false, "two", "rigged to fail at depth 2"),
            3 => Outcome.Vacuous("three", "nothing to check"),
            _ => new Outcome(true, c.Depth / 1000.0, "other", "checked"),
        }));
        var property = claim.Properties[0];
        var whole = ClaimRunner.Run(claim, property, Settings);
        var cases = Enumerable.Range(0, n).SelectMany(k => ClaimRunner.RunCases(claim, property, Settings, Enumerable.Range(0, Settings.Cases).Where(i => i % n == k)));
        var merged = ClaimRunner.Summarize(claim, property, Settings, cases);
        Assert.Equal(PropertyResult.Falsified, whole.Result);
        Assert.Equal(Describe(whole), Describe(merged));
    }

    /// <summary>The seed a failing case prints replays that case alone: one case, the same failure, shrunk the same way.</summary>
    [Fact]
    public void FailingCase_PrintsASeedThatReplaysItAlone()
    {
        var claim = Fake(Property((c, _) => Outcome.Check(c.Depth != 2, "any", "rigged to fail at depth 2")));
        var run = ClaimRunner.Run(claim, claim.Properties[0], Settings);
        var printed = ReplayPattern().Match(run.Failure!);
        Assert.True(printed.Success, run.Failure);
        var (seed, gamma, size) = RunSettings.ParseReplay(printed.Groups[1].Value);
        Assert.NotNull(size);

        var alone = ClaimRunner.Run(claim, claim.Properties[0], new RunSettings(1, seed, gamma) { CaseSize = size });

        Assert.Equal(PropertyResult.Falsified, alone.Result);
        Assert.Equal(1, alone.Checked);
        Assert.Equal(Evidence(run.Failure!), Evidence(alone.Failure!));
    }

    private static string Describe(PropertyReport r) =>
        $"{r.Checked} {r.Vacuous} {r.PassedOver} {r.Exhibiting} {r.WorstRelativeError:R} {r.Result} [{string.Join("; ", r.Gaps)}] "
        + $"[{string.Join("; ", r.Regimes.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))}] {r.Failure}";

    // FsCheck's report without the first line (which names the run's case index and seed).
    private static string Evidence(string failure) => failure[(failure.IndexOf('\n', StringComparison.Ordinal) + 1)..];

    private static ClaimProperty<DepthCase> Property(Func<DepthCase, Formulas, Outcome> check) =>
        new("P", "A rigged property.", Arb.From(Gen.Choose(1, 6).Select(d => new DepthCase(d))), check);

    private static Claim Fake(ClaimProperty property) => new("FAKE", "none", "A claim made up for the test.", Expectation.Holds, "none", [property], []);

    [GeneratedRegex("SHARPNESS_SEED=\"(\\([0-9,]+\\))\"")]
    private static partial Regex ReplayPattern();

    /// <summary>A case with only a depth.</summary>
    public sealed record DepthCase(int Depth) : IHasDepth;
}

using FsCheck;
using FsCheck.Fluent;
using Sharpness.Verification;
using Sharpness.Verification.Generators;
using Xunit;
using Outcome = Sharpness.Verification.Outcome;

namespace Sharpness.Tests.Properties.Meta;

/// <summary>
/// Each guard of the verdict fires: small fake claims, built here, whose cases are rigged to miss one kind of
/// evidence (no case shallow enough, a counterexample never exhibited, one side of an iff, only vacuous cases) or to
/// fail in one way (a falsified case, a check or a generator that throws). Each gets its own verdict and words.
/// </summary>
public sealed class VerdictGuardTests
{
    private const int Cases = 20;

    private static readonly RunSettings Settings = new(Cases, RunSettings.DefaultSeed, RunSettings.DefaultGamma);

    [Fact]
    public void Verdict_EveryCaseDeeperThanTheLimit_IsNotRun()
    {
        var report = Verifier.Verify(Fake(Expectation.Holds, Property(Depths(5, 8), (_, _) => Outcome.Check(true, "any", "checked"))), Settings with { MaxDepth = 2 });
        Assert.Equal(Verdict.NotRun, report.Verdict);
        Assert.Equal($"not run: 0 of {Cases} cases at depth <= 2", Verifier.Describe(report));
        Assert.Equal(Cases, report.Properties[0].PassedOver);
    }

    /// <summary>The case: EXACT-MM at depth at most 2 checks the bound but never its counterexample (all of depth 3 or more).</summary>
    [Fact]
    public void Verdict_ExactMmAtDepthTwo_IsIncomplete_CounterexampleNotExhibited()
    {
        var report = Verifier.Verify(Catalogue.Claim("EXACT-MM"), Settings with { MaxDepth = 2 });
        var counterexample = report.Properties.Single(p => p.Property == "Eq31FailsAtZeroTarget_DepthThreeOrMore");
        Assert.Equal(Verdict.Incomplete, report.Verdict);
        Assert.Equal(0, counterexample.Checked);
        Assert.Equal($"counterexample not exhibited (0 of {Cases} cases at depth <= 2)", report.Gaps[0]);
        Assert.StartsWith("incomplete: counterexample not exhibited", Verifier.Describe(report), StringComparison.Ordinal);
    }

    [Fact]
    public void Verdict_SomeCasesDeeperThanTheLimit_IsIncomplete_NotHolds()
    {
        var report = Verifier.Verify(Fake(Expectation.Holds, Property(Depths(1, 4), (_, _) => Outcome.Check(true, "any", "checked"))), Settings with { MaxDepth = 2 });
        var property = report.Properties[0];
        Assert.Equal(Verdict.Incomplete, report.Verdict);
        Assert.InRange(property.PassedOver, 1, Cases - 1);
        Assert.Equal($"{property.Cases} of {Cases} cases at depth <= 2", report.Gaps[0]);
    }

    [Fact]
    public void Verdict_CounterexamplePropertyThatNeverExhibitsIt_IsIncomplete()
    {
        var property = Counterexample(Depths(1, 3), (_, _) => Outcome.Check(true, "the claim holds here", "checked"), "the claim fails here");
        var report = Verifier.Verify(Fake(Expectation.FailsOnPartOfDomain, property), Settings);
        Assert.Equal(Verdict.Incomplete, report.Verdict);
        Assert.Equal(0, report.Properties[0].Exhibiting);
        Assert.Equal($"incomplete: counterexample not exhibited ({Cases} cases checked, none exhibits it)", Verifier.Describe(report));
    }

    [Fact]
    public void Verdict_CounterexamplePropertyThatExhibitsIt_IsReproduced()
    {
        var property = Counterexample(Depths(1, 3), (c, _) => Outcome.Check(true, c.Depth == 1 ? "the claim fails here" : "the claim holds here", "checked"), "the claim fails here");
        var report = Verifier.Verify(Fake(Expectation.FailsOnPartOfDomain, property), Settings);
        Assert.Equal(Verdict.KnownCounterexampleReproduced, report.Verdict);
        Assert.InRange(report.Properties[0].Exhibiting, 1, Cases - 1);
        Assert.Equal("known counterexample reproduced", Verifier.Describe(report));
    }

    [Fact]
    public void Verdict_IffPropertyThatSeesOneSide_IsIncomplete()
    {
        var property = new ClaimProperty<DepthCase>("FlatIffPredicate", "Rigged: every case is flat.", Depths(1, 3), (_, _) => Outcome.Check(true, "flat", "checked"))
        {
            Regimes = [Regime.Labelled("flat", "flat"), Regime.Labelled("not flat", "not flat")],
        };
        var report = Verifier.Verify(Fake(Expectation.Holds, property), Settings);
        Assert.Equal(Verdict.Incomplete, report.Verdict);
        Assert.Equal("incomplete: FlatIffPredicate: regime 'not flat' never checked", Verifier.Describe(report));
    }

    [Fact]
    public void Verdict_IffPropertyThatSeesBothSides_Holds()
    {
        var property = new ClaimProperty<DepthCase>("FlatIffPredicate", "Both sides drawn.", Depths(1, 3), (c, _) => Outcome.Check(true, c.Depth == 1 ? "flat" : "not flat", "checked"))
        {
            Regimes = [Regime.Labelled("flat", "flat"), Regime.Labelled("not flat", "not flat")],
        };
        var report = Verifier.Verify(Fake(Expectation.Holds, property), Settings);
        Assert.Equal(Verdict.Holds, report.Verdict);
        Assert.Empty(report.Gaps);
    }

    [Fact]
    public void Verdict_OnlyVacuousCases_IsIncomplete()
    {
        var report = Verifier.Verify(Fake(Expectation.Holds, Property(Depths(1, 3), (_, _) => Outcome.Vacuous("not flat", "nothing to check"))), Settings);
        Assert.Equal(Verdict.Incomplete, report.Verdict);
        Assert.Equal(Cases, report.Properties[0].Vacuous);
        Assert.Equal($"incomplete: P: all {Cases} cases vacuous (not flat)", Verifier.Describe(report));
    }

    [Fact]
    public void Verdict_AFalsifiedCase_IsANewCounterexample()
    {
        var report = Verifier.Verify(Fake(Expectation.Holds, Property(Depths(1, 3), (c, _) => Outcome.Check(c.Depth != 2, "any", "rigged to fail at depth 2"))), Settings);
        Assert.Equal(Verdict.NewCounterexample, report.Verdict);
        Assert.Equal(PropertyResult.Falsified, report.Properties[0].Result);
        Assert.True(report.HasFailed);
        Assert.Equal("new counterexample", Verifier.Describe(report));
        Assert.Contains("FAKE P failed", report.Properties[0].Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Verdict_ACheckThatThrows_IsASuiteError()
    {
        var report = Verifier.Verify(Fake(Expectation.Holds, Property(Depths(1, 3), (_, _) => throw new InvalidOperationException("the oracle did not converge"))), Settings);
        Assert.Equal(Verdict.SuiteError, report.Verdict);
        Assert.Equal(PropertyResult.SuiteError, report.Properties[0].Result);
        Assert.True(report.HasFailed);
        Assert.Equal("suite error", Verifier.Describe(report));
        Assert.Contains("the oracle did not converge", report.Properties[0].Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Verdict_AGeneratorThatThrows_IsASuiteError()
    {
        var broken = Arb.From(Gen.Choose(1, 3).Select<int, DepthCase>(_ => throw new InvalidOperationException("generator bug")));
        var report = Verifier.Verify(Fake(Expectation.Holds, Property(broken, (_, _) => Outcome.Check(true, "any", "checked"))), Settings);
        Assert.Equal(Verdict.SuiteError, report.Verdict);
        Assert.Contains("generator bug", report.Properties[0].Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Verdict_AnOutcomeFlaggedAsSuiteError_IsASuiteError()
    {
        var report = Verifier.Verify(Fake(Expectation.Holds, Property(Depths(1, 3), (_, _) => Outcome.SuiteError("any", "dense and Lanczos oracles disagree"))), Settings);
        Assert.Equal(Verdict.SuiteError, report.Verdict);
    }

    /// <summary>A suite error says nothing about the claim, so it outranks a falsified property of the same claim.</summary>
    [Fact]
    public void Verdict_SuiteErrorBesideAFalsifiedProperty_IsASuiteError()
    {
        var report = Verifier.Verify(
            Fake(Expectation.Holds, Property(Depths(1, 3), (_, _) => Outcome.Check(false, "any", "falsified")), Property(Depths(1, 3), (_, _) => throw new ArithmeticException("overflow"))),
            Settings);
        Assert.Equal(Verdict.SuiteError, report.Verdict);
    }

    /// <summary>A mutant formula that throws on a valid case fails the property (a suite error), so rejection tests still count it as rejected.</summary>
    [Fact]
    public void MutantThatThrows_FailsTheProperty()
    {
        var claim = Catalogue.Claim("EXACT-T5");
        var throwing = Formulas.Theory with { Theorem5LambdaMax = _ => throw new ArithmeticException("mutant throws") };
        var report = ClaimRunner.Run(claim, claim.Properties[0], Settings, throwing);
        Assert.False(report.Passed);
        Assert.Equal(PropertyResult.SuiteError, report.Result);
    }

    [Fact]
    public void LogicalChecks_HaveNoRelativeError()
    {
        var report = Verifier.Verify(Fake(Expectation.Holds, Property(Depths(1, 3), (_, _) => Outcome.Check(true, "any", "checked"))), Settings);
        Assert.Null(Outcome.Check(true, "any", "checked").RelativeError);
        Assert.Null(report.Properties[0].WorstRelativeError);
        Assert.Null(report.WorstRelativeError);
        Assert.Equal(0.5, Outcome.All(Outcome.Check(true, "any", "logical"), new Outcome(true, 0.5, "any", "numeric")).RelativeError);
    }

    private static Arbitrary<DepthCase> Depths(int low, int high) => Arb.From(Gen.Choose(low, high).Select(d => new DepthCase(d)));

    private static ClaimProperty<DepthCase> Property(Arbitrary<DepthCase> cases, Func<DepthCase, Formulas, Outcome> check) =>
        new("P", "A rigged property.", cases, check);

    private static ClaimProperty<DepthCase> Counterexample(Arbitrary<DepthCase> cases, Func<DepthCase, Formulas, Outcome> check, string exhibiting) =>
        new("P", "A rigged counterexample property.", cases, check)
        {
            Role = PropertyRole.ExhibitsCounterexample,
            Exhibiting = Regime.Labelled(exhibiting, exhibiting),
        };

    private static Claim Fake(Expectation expectation, params ClaimProperty[] properties) =>
        new("FAKE", "none", "A claim made up for the test.", expectation, "none", [.. properties], []);

    /// <summary>A case with only a depth, for the depth limit.</summary>
    public sealed record DepthCase(int Depth) : IHasDepth;
}

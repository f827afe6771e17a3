using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Sharpness.Cli.Verify;
using Sharpness.Verification;
using Sharpness.Verification.Generators;
using Xunit;
using Outcome = Sharpness.Verification.Outcome;

namespace Sharpness.Tests.Snapshots;

/// <summary>
/// How <c>verify</c> renders each verdict, on rigged claims built here: the words in the table, "n/a" in the error
/// column where nothing numeric is compared, the counts of the closing line, the JSON and Markdown fields, and exit
/// code 1 for a new counterexample or a suite error (and only for those).
/// </summary>
public sealed class VerdictRenderingTests
{
    private static readonly RunSettings Settings = new(10, RunSettings.DefaultSeed, RunSettings.DefaultGamma, MaxDepth: 2);

    [Fact]
    public void Verify_RendersEveryVerdict_AndExitsOneOnFailures()
    {
        var (code, output, run) = Render(
            Fake("FAKE-LOGIC", Expectation.Holds, Shallow, (_, _) => Outcome.Check(true, "any", "logical")),
            Fake("FAKE-NUMERIC", Expectation.Holds, Shallow, (_, _) => new Outcome(true, 0.25, "any", "numeric")),
            Fake("FAKE-DEEP", Expectation.Holds, Deep, (_, _) => Outcome.Check(true, "any", "logical")),
            Fake("FAKE-VACUOUS", Expectation.Holds, Shallow, (_, _) => Outcome.Vacuous("off the domain", "nothing to check")),
            Fake("FAKE-NEW", Expectation.Holds, Shallow, (_, _) => Outcome.Check(false, "any", "rigged to fail")),
            Fake("FAKE-ERROR", Expectation.Holds, Shallow, (_, _) => throw new InvalidOperationException("rigged to throw")));
        var rows = output.Split('\n').Where(l => l.Contains("FAKE-", StringComparison.Ordinal) && l.Contains('│')).ToDictionary(l => l.Split('│')[1].Trim(), l => l);

        Assert.Equal(1, code);
        Assert.Contains("│ n/a ", rows["FAKE-LOGIC"], StringComparison.Ordinal);
        Assert.Contains("│ holds ", rows["FAKE-LOGIC"], StringComparison.Ordinal);
        Assert.Contains("│ 2.5e-1 ", rows["FAKE-NUMERIC"], StringComparison.Ordinal);
        Assert.Contains("│ not run: 0 of 10 cases at depth <= 2 ", rows["FAKE-DEEP"], StringComparison.Ordinal);
        Assert.Contains("│ incomplete: P: all 10 cases vacuous (off the domain) ", rows["FAKE-VACUOUS"], StringComparison.Ordinal);
        Assert.Contains("│ new counterexample ", rows["FAKE-NEW"], StringComparison.Ordinal);
        Assert.Contains("│ suite error ", rows["FAKE-ERROR"], StringComparison.Ordinal);
        Assert.Contains("FAKE-NEW P failed (replay with", output, StringComparison.Ordinal);
        Assert.Contains("FAKE-ERROR P suite error (replay with", output, StringComparison.Ordinal);
        Assert.EndsWith(
            "6 claims: 2 hold, 0 with known counterexamples reproduced, 1 incomplete, 1 not run, 1 with new counterexamples, 1 with suite errors; 0 of 0 certificates proven.",
            output.TrimEnd(),
            StringComparison.Ordinal);

        var json = JsonNode.Parse(ReportFormats.Json(run))!;
        var claims = json["claims"]!.AsArray().ToDictionary(c => c!["id"]!.GetValue<string>(), c => c!);
        Assert.Null(claims["FAKE-LOGIC"]["worstRelativeError"]);
        Assert.Equal(0.25, claims["FAKE-NUMERIC"]["worstRelativeError"]!.GetValue<double>());
        Assert.Equal("suite error", claims["FAKE-ERROR"]["verdict"]!.GetValue<string>());
        Assert.True(claims["FAKE-NEW"]["failed"]!.GetValue<bool>());
        Assert.False(claims["FAKE-DEEP"]["failed"]!.GetValue<bool>());
        Assert.Equal("0 of 10 cases at depth <= 2", claims["FAKE-DEEP"]["gaps"]![0]!.GetValue<string>());
        Assert.Equal(10, claims["FAKE-DEEP"]["properties"]![0]!["passedOver"]!.GetValue<int>());
        Assert.Equal(1, json["summary"]!["newCounterexamples"]!.GetValue<int>());
        Assert.Equal(1, json["summary"]!["suiteErrors"]!.GetValue<int>());
        Assert.Equal(1, json["summary"]!["incomplete"]!.GetValue<int>());

        var markdown = ReportFormats.Markdown(run);
        Assert.Contains("| FAKE-LOGIC | none | 10 | n/a | holds |", markdown, StringComparison.Ordinal);
        Assert.Contains("| P | checks claim | 10 | 0 | 0 | n/a | passed |", markdown, StringComparison.Ordinal);
        Assert.Contains("## Failures (new counterexamples and suite errors)", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_IncompleteAndNotRun_ExitZero()
    {
        var (code, output, _) = Render(
            Fake("FAKE-DEEP", Expectation.Holds, Deep, (_, _) => Outcome.Check(true, "any", "logical")),
            Fake("FAKE-COUNTER", Expectation.FailsOnPartOfDomain, Shallow, (_, _) => Outcome.Check(true, "any", "logical"), PropertyRole.ExhibitsCounterexample));
        Assert.Equal(0, code);
        Assert.Contains("│ known counterexample reproduced ", output, StringComparison.Ordinal);
        Assert.EndsWith("2 claims: 0 hold, 1 with known counterexamples reproduced, 0 incomplete, 1 not run, 0 with new counterexamples, 0 with suite errors; 0 of 0 certificates proven.", output.TrimEnd(), StringComparison.Ordinal);
    }

    /// <summary>A certificate the theory's formulas do not pass fails the run, with its evidence, even when every property held.</summary>
    [Fact]
    public void Verify_UnprovenCertificate_FailsTheRun()
    {
        using var writer = new StringWriter();
        var console = PlainConsole.Over(writer);
        var claim = Fake("FAKE-LOGIC", Expectation.Holds, Shallow, (_, _) => Outcome.Check(true, "any", "logical"));
        var run = VerifyCommand.Execute(Settings, [claim], console) with
        {
            Certificates = new Dictionary<string, Sharpness.Verification.Certificates.CertificateOutcome>
            {
                ["FAKE-LOGIC"] = new(false, "the enclosures are disjoint"),
            },
        };
        Assert.Equal(1, VerifyCommand.Render(run, console));
        var output = writer.ToString();
        Assert.Contains("FAKE-LOGIC certificate not proven: the enclosures are disjoint", output, StringComparison.Ordinal);
        Assert.Contains("│ not proven ", output, StringComparison.Ordinal);
        Assert.EndsWith("0 of 1 certificates proven.", output.TrimEnd(), StringComparison.Ordinal);
    }

    /// <summary>The case through the verb: EXACT-MM at depth at most 2 no longer reads "known counterexample reproduced".</summary>
    [Fact]
    public void Verify_ExactMmAtDepthTwo_SaysTheCounterexampleWasNotExhibited()
    {
        using var writer = new StringWriter();
        var code = VerifyCommand.Run(new VerifyOptions(["EXACT-MM"], Cases: 20, Seed: Settings.Replay, MaxDepth: 2), PlainConsole.Over(writer), writer);
        var output = writer.ToString();
        Assert.Equal(0, code);
        Assert.DoesNotContain("known counterexample reproduced", output, StringComparison.Ordinal);
        Assert.Contains("incomplete: counterexample not exhibited", output, StringComparison.Ordinal);
        Assert.Contains("EXACT-MM incomplete: counterexample not exhibited (0 of 20 cases at depth <= 2); ", output, StringComparison.Ordinal);
        Assert.Contains("1 claims: 0 hold, 0 with known counterexamples reproduced, 1 incomplete,", output, StringComparison.Ordinal);
    }

    private static Arbitrary<DepthCase> Shallow => Arb.From(Gen.Choose(1, 2).Select(d => new DepthCase(d)));

    private static Arbitrary<DepthCase> Deep => Arb.From(Gen.Choose(3, 5).Select(d => new DepthCase(d)));

    private static (int Code, string Output, VerificationRun Run) Render(params Claim[] claims)
    {
        using var writer = new StringWriter();
        var console = PlainConsole.Over(writer);
        var run = VerifyCommand.Execute(Settings, claims, console);
        var code = VerifyCommand.Render(run, console);
        return (code, writer.ToString(), run);
    }

    private static Claim Fake(string id, Expectation expectation, Arbitrary<DepthCase> cases, Func<DepthCase, Formulas, Outcome> check, PropertyRole role = PropertyRole.ChecksClaim) =>
        new(id, "none", "A claim made up for the test.", expectation, "none", [new ClaimProperty<DepthCase>("P", "A rigged property.", cases, check) { Role = role }], []);

    /// <summary>A case with only a depth.</summary>
    public sealed record DepthCase(int Depth) : IHasDepth;
}

using System.Reflection;
using System.Text.RegularExpressions;
using Sharpness.Verification;
using Xunit;

namespace Sharpness.Tests.Properties.Meta;

public sealed partial class CatalogueTests
{
    /// <summary>
    /// IDs of CLAIMS.md the catalogue does not check yet, and why. Each must be in CLAIMS.md and not in the catalogue;
    /// an ID leaves this list when its claim joins the catalogue. Empty since issue 13 catalogued the last "Beyond the
    /// seeds" IDs; an ID a later CLAIMS.md adds goes here, with its reason, until its claim is written.
    /// </summary>
    internal static readonly Dictionary<string, string> Pending = new(StringComparer.Ordinal);

    private static readonly MethodInfo HoldsMethod = typeof(ClaimAssert).GetMethod(nameof(ClaimAssert.Holds))!;
    private static readonly MethodInfo RejectsMethod = typeof(ClaimAssert).GetMethod(nameof(ClaimAssert.Rejects))!;

    /// <summary>CLAIMS.md lives in ../shared beside the clone (as in CI); without it the catalogue cannot be checked, so this fails.</summary>
    [Fact]
    public void ClaimsFile_IsPresentAndListsClaims()
    {
        Assert.True(File.Exists(ClaimsFilePath()), $"CLAIMS.md not found at {ClaimsFilePath()}: the catalogue cannot be checked against it.");
        Assert.Contains("EXACT-T5", ClaimsFileIds());
    }

    [Fact]
    public void Catalogue_HasEveryClaimOfClaimsFile_OrListsItAsPending()
    {
        var inFile = ClaimsFileIds();
        var catalogued = Catalogue.Claims.Select(c => c.Id).ToList();
        Assert.Equal(catalogued.Count, catalogued.Distinct(StringComparer.Ordinal).Count());
        Assert.True(inFile.Length > 0, $"No claim ID read from {ClaimsFilePath()}.");
        AssertNone(inFile.Where(id => !catalogued.Contains(id) && !Pending.ContainsKey(id)), "IDs of CLAIMS.md neither in the catalogue nor pending");
        AssertNone(catalogued.Where(id => !inFile.Contains(PrintedBase(id))), "catalogue IDs that CLAIMS.md does not list");
        AssertNone(Pending.Keys.Where(catalogued.Contains), "pending IDs already in the catalogue (take them off the pending list)");
        AssertNone(Pending.Keys.Where(id => !inFile.Contains(id)), "pending IDs that CLAIMS.md does not list");
    }

    /// <summary>A sub-claim is a printed sentence of a claim that is in the catalogue itself: <c>ID/printed</c>, nothing else.</summary>
    [Fact]
    public void EverySubClaim_IsPrintedOfACataloguedClaim()
    {
        var catalogued = Catalogue.Claims.Select(c => c.Id).ToList();
        AssertNone(catalogued.Where(id => id.Contains('/', StringComparison.Ordinal) && (!id.EndsWith("/printed", StringComparison.Ordinal) || !catalogued.Contains(PrintedBase(id)))), "sub-claims that are not ID/printed of a catalogued ID");
    }

    [Fact]
    public void EveryClaim_HasAPropertyAndAMutant()
    {
        Assert.All(Catalogue.Claims, c =>
        {
            Assert.NotEmpty(c.Properties);
            Assert.NotEmpty(c.Mutants);
        });
    }

    /// <summary>A claim expected to fail somewhere has a property that exhibits the failure, and only such a claim does.</summary>
    [Fact]
    public void EveryClaimExpectedToFail_HasACounterexampleProperty()
    {
        Assert.All(Catalogue.Claims, c => Assert.True(
            (c.Expectation == Expectation.FailsOnPartOfDomain) == c.Properties.Any(p => p.Role == PropertyRole.ExhibitsCounterexample),
            $"{c.Id} expects {c.Expectation} but its counterexample properties are [{string.Join(", ", c.Properties.Where(p => p.Role == PropertyRole.ExhibitsCounterexample).Select(p => p.Name))}]."));
    }

    /// <summary>
    /// Every property and mutant has a test, found in the compiled test assembly: a <c>[Fact]</c> whose body calls
    /// <c>ClaimAssert.Holds(id, property)</c> or <c>ClaimAssert.Rejects(id, mutant)</c> with those literals, under
    /// <c>[Trait("Claim", id)]</c> so that <c>--filter Claim=ID</c> runs it.
    /// </summary>
    [Fact]
    public void EveryPropertyAndMutant_HasATest()
    {
        var untested = Untested(Catalogue.Claims);
        Assert.True(untested.Count == 0, $"No test (a [Fact] under [Trait(\"Claim\", id)] calling ClaimAssert.Holds/Rejects) for: {string.Join("; ", untested)}");
    }

    /// <summary>The check above fires: a claim whose property and mutant no compiled test names is reported, both of them.</summary>
    [Fact]
    public void EveryPropertyAndMutant_HasATest_FiresOnAClaimWithoutTests()
    {
        var real = Catalogue.Claim("EXACT-T5");
        var untestedCopy = real with { Id = "EXACT-T5-COPY" };
        Assert.Empty(Untested([real]));
        Assert.Equal(real.Properties.Count + real.Mutants.Count, Untested([untestedCopy]).Count);
    }

    /// <summary>The reflection above sees compiled calls with their literal arguments; it finds this class's own probe.</summary>
    [Fact]
    public void TestBodies_SeeACompiledCallAndItsLiterals()
    {
        var probe = typeof(CatalogueTests).GetMethod(nameof(Probe), BindingFlags.NonPublic | BindingFlags.Static)!;
        var call = Assert.Single(TestBodies.Calls(probe), c => c.Callee.Name == nameof(string.Concat));
        Assert.Equal(["EXACT-T5", "LambdaMaxEqualsDenseOracle"], call.Strings);
    }

    [Theory]
    [InlineData(null, RunSettings.DefaultSeed, RunSettings.DefaultGamma)]
    [InlineData("42", 42UL, RunSettings.DefaultGamma)]
    [InlineData("(42,7)", 42UL, 7UL)]
    [InlineData(" 42 , 7 ", 42UL, 7UL)]
    public void RunSettings_ParsesSeedsAsFsCheckPrintsThem(string? text, ulong seed, ulong gamma) =>
        Assert.Equal((seed, gamma), RunSettings.ParseSeed(text));

    [Theory]
    [InlineData("abc")]
    [InlineData("(1,2)")]
    [InlineData("1,2,3")]
    public void RunSettings_RejectsMalformedSeeds(string text) =>
        Assert.Throws<FormatException>(() => RunSettings.ParseSeed(text));

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Sharpness.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Sharpness.sln not found above the test binaries.");
    }

    /// <summary>The properties and mutants of <paramref name="claims"/> that no test of this assembly runs.</summary>
    private static List<string> Untested(IEnumerable<Claim> claims)
    {
        var calls = TestBodies.Tests<CatalogueTests>().SelectMany(TestBodies.Calls).Where(c => c.Strings.Count == 2).ToList();
        bool Tested(MethodInfo assertion, string id, string name) => calls.Any(c =>
            c.Callee.Equals(assertion) && c.Strings[0] == id && c.Strings[1] == name && TestBodies.Trait(c.Test, "Claim") == id);
        return [.. claims.SelectMany(c => c.Properties.Where(p => !Tested(HoldsMethod, c.Id, p.Name)).Select(p => $"{c.Id} property {p.Name}")
            .Concat(c.Mutants.Where(m => !Tested(RejectsMethod, c.Id, m.Name)).Select(m => $"{c.Id} mutant {m.Name}")))];
    }

    /// <summary>The claim a printed sub-claim belongs to (<c>EXACT-RANK/printed</c> -&gt; <c>EXACT-RANK</c>); other IDs unchanged.</summary>
    internal static string PrintedBase(string id) => id.EndsWith("/printed", StringComparison.Ordinal) ? id[..^"/printed".Length] : id;

    private static void AssertNone(IEnumerable<string> ids, string what)
    {
        var list = ids.ToList();
        Assert.True(list.Count == 0, $"{what}: {string.Join(", ", list)}");
    }

    private static string ClaimsFilePath() => Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "CLAIMS.md"));

    private static string[] ClaimsFileIds() =>
        File.Exists(ClaimsFilePath()) ? [.. ClaimRow().Matches(File.ReadAllText(ClaimsFilePath())).Select(m => m.Groups[1].Value)] : [];

    private static string Probe() => string.Concat("EXACT-T5", "LambdaMaxEqualsDenseOracle");

    // Any row of a claims table: an upper-case prefix, a dash and an upper-case or numeric name (EXACT-T5, REGM-LMAX, GHOSH-BAL).
    [GeneratedRegex(@"^\| ([A-Z]+-[A-Z0-9]+) \|", RegexOptions.Multiline)]
    private static partial Regex ClaimRow();
}

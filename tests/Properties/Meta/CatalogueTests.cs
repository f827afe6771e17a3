using System.Text.RegularExpressions;
using Sharpness.Verification;
using Xunit;

namespace Sharpness.Tests.Properties.Meta;

public sealed partial class CatalogueTests
{
    private static readonly string[] ClaimsFileIds = ReadClaimsFileIds();

    [Fact]
    public void Catalogue_HasEveryUnregularizedClaim()
    {
        // CLAIMS.md lives in ../shared beside the clone (as in CI); a bare clone checks the IDs it knows.
        if (ClaimsFileIds.Length == 0)
        {
            Assert.Contains(Catalogue.Claims, c => c.Id == "EXACT-T5");
            return;
        }

        var expected = ClaimsFileIds.Where(id => id.StartsWith("EXACT-", StringComparison.Ordinal));
        Assert.Equal(expected.Order(), Catalogue.Claims.Select(c => c.Id).Where(id => id.StartsWith("EXACT-", StringComparison.Ordinal)).Order());
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

    [Fact]
    public void EveryPropertyAndMutant_HasATestNamedAfterIt()
    {
        var source = string.Join("\n", Directory.GetFiles(Path.Combine(RepositoryRoot(), "tests", "Properties"), "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText));
        Assert.All(Catalogue.Claims, c =>
        {
            foreach (var p in c.Properties)
            {
                Assert.Contains($"ClaimAssert.Holds(\"{c.Id}\", \"{p.Name}\")", source, StringComparison.Ordinal);
            }

            foreach (var m in c.Mutants)
            {
                Assert.Contains($"ClaimAssert.Rejects(\"{c.Id}\", \"{m.Name}\")", source, StringComparison.Ordinal);
            }
        });
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

    private static string[] ReadClaimsFileIds()
    {
        var path = Path.Combine(RepositoryRoot(), "..", "shared", "CLAIMS.md");
        return File.Exists(path) ? [.. ClaimRow().Matches(File.ReadAllText(path)).Select(m => m.Groups[1].Value)] : [];
    }

    [GeneratedRegex(@"^\| ((?:EXACT|REG|ABS)-[A-Z0-9]+) \|", RegexOptions.Multiline)]
    private static partial Regex ClaimRow();
}

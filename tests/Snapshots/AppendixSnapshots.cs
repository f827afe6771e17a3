using System.Text.RegularExpressions;
using Sharpness.Cli.Appendix;
using Sharpness.Cli.Verify;
using Sharpness.Verification;
using Snapshooter.Xunit;
using Xunit;

namespace Sharpness.Tests.Snapshots;

/// <summary>The appendix text of a small run (two claims, five cases): each claim's sections, with relative errors masked.</summary>
public sealed partial class AppendixSnapshots
{
    [Fact]
    public void Appendix_TwoClaims()
    {
        var settings = new RunSettings(5, RunSettings.DefaultSeed, RunSettings.DefaultGamma);
        var console = PlainConsole.Over(TextWriter.Null);
        var run = VerifyCommand.Execute(settings, [Catalogue.Claim("EXACT-T5"), Catalogue.Claim("REG-T3")], console);
        var figures = new Dictionary<string, IReadOnlyList<string>> { ["REG-T3"] = ["figures/example.png"] };
        var text = ErrorPattern().Replace(AppendixDocument.Render(run, figures), "<error>");
        Snapshot.Match(text.Split('\n').Select(line => line.TrimEnd()).ToArray(), "appendix-two-claims");
    }

    /// <summary>The appendix names each claim's definition and test file by convention: every one must exist.</summary>
    [Fact]
    public void Appendix_NamesFilesThatExist()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Sharpness.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var missing = Catalogue.Claims
            .SelectMany(c => new[] { ClaimCode.Files(c).Definition, ClaimCode.Files(c).Tests }.Select(f => (c.Id, File: f)))
            .Where(x => !File.Exists(Path.Combine(root.FullName, x.File)))
            .Select(x => $"{x.Id}: {x.File}")
            .ToList();
        Assert.True(missing.Count == 0, $"The appendix names files that do not exist: {string.Join("; ", missing)}");
        Assert.All(Catalogue.Claims, c => Assert.NotEqual("(not found)", ClaimCode.DefiningType(c)));
    }

    [GeneratedRegex(@"\d\.\de[+-]\d+")]
    private static partial Regex ErrorPattern();
}

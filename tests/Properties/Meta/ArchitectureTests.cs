using System.Reflection;
using System.Xml.Linq;
using Sharpness.Verification;
using Xunit;

namespace Sharpness.Tests.Properties.Meta;

public sealed class ArchitectureTests
{
    [Fact]
    public void Oracles_DoNotReferenceTheory()
    {
        var references = typeof(Sharpness.Oracles.LossLandscape).Assembly.GetReferencedAssemblies().Select(a => a.Name);
        Assert.DoesNotContain("Sharpness.Theory", references);
    }

    [Fact]
    public void Theory_ReferencesNoTestFrameworkAndNoOracle()
    {
        var references = typeof(Sharpness.Theory.Factorization).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty).ToList();
        Assert.DoesNotContain(references, n => n.StartsWith("FsCheck", StringComparison.Ordinal) || n.StartsWith("xunit", StringComparison.Ordinal) || n == "Sharpness.Oracles");
    }

    [Fact]
    public void EveryPublicTheoryMember_CitesItsSource()
    {
        var assembly = typeof(Sharpness.Theory.Factorization).Assembly;
        var docs = XDocument.Load(Path.ChangeExtension(assembly.Location, ".xml"));
        var cited = docs.Descendants("member")
            .Where(m => ((string?)m.Attribute("name"))?.StartsWith("M:Sharpness.Theory.Exact.", StringComparison.Ordinal) == true
                     || ((string?)m.Attribute("name"))?.StartsWith("M:Sharpness.Theory.Constructions.", StringComparison.Ordinal) == true)
            .Where(m => !((string?)m.Attribute("name"))!.Contains("RandomMatrices", StringComparison.Ordinal))
            .Where(m => !m.Value.Contains("EXACT", StringComparison.Ordinal) && !m.Value.Contains("REG", StringComparison.Ordinal) && !m.Value.Contains("ABS", StringComparison.Ordinal))
            .Select(m => (string?)m.Attribute("name"))
            .ToList();
        Assert.True(cited.Count == 0, $"Public formulas without an EXACT/REG/ABS citation: {string.Join(", ", cited)}");
    }
}

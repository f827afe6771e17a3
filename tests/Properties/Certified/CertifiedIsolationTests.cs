using Sharpness.Certified;
using Xunit;

namespace Sharpness.Tests.Properties.Certified;

[Trait("Category", "Certified")]
public sealed class CertifiedIsolationTests
{
    /// <summary>A certificate computed with the formula code would certify a formula against itself.</summary>
    [Fact]
    public void Certified_ReferencesNoOtherSharpnessAssembly()
    {
        var references = typeof(Interval).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty);
        Assert.DoesNotContain(references, n => n.StartsWith("Sharpness.", StringComparison.Ordinal));
    }
}

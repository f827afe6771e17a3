using Sharpness.Intervals;
using Xunit;

namespace Sharpness.Tests.Properties.Intervals;

[Trait("Category", "Intervals")]
public sealed class CertifiedIsolationTests
{
    /// <summary>The arithmetic is shared by the oracles and the formulas, so it must see neither.</summary>
    [Fact]
    public void Intervals_ReferencesNoOtherSharpnessAssembly()
    {
        var references = typeof(Interval).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty);
        Assert.DoesNotContain(references, n => n.StartsWith("Sharpness.", StringComparison.Ordinal));
    }
}

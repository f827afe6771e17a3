// The oracle's spectra at the paper's escape configurations, computed once per process: they are deterministic (fixed
// seeds) and cost a Lanczos run each, while the properties that use them are run many times with different formulas.
using Sharpness.Verification.Experiments;

namespace Sharpness.Verification.Claims.Exact;

/// <summary>The oracle's <see cref="EscapeMinimum"/> of each paper configuration (EXACT Section 7, Appendix D.2), computed on first use.</summary>
internal static class PaperMinima
{
    private static readonly Dictionary<string, Lazy<EscapeMinimum>> Minima =
        EscapeConfiguration.Paper.ToDictionary(c => c.Id, c => new Lazy<EscapeMinimum>(() => EscapeMinimum.Of(c)));

    /// <summary>The oracle's spectrum at a paper configuration.</summary>
    internal static EscapeMinimum Of(EscapeConfiguration configuration) => Minima[configuration.Id].Value;

    /// <summary>The spectrum of any configuration: cached for the paper's own, computed afresh otherwise.</summary>
    internal static EscapeMinimum OfAny(EscapeConfiguration configuration) =>
        Minima.TryGetValue(configuration.Id, out var cached) && EscapeConfiguration.Paper.Contains(configuration) ? cached.Value : EscapeMinimum.Of(configuration);
}

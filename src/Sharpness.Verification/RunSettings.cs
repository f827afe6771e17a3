using System.Globalization;
using System.Text;

namespace Sharpness.Verification;

/// <summary>
/// How many cases a property draws and from which master seed. Defaults are fixed so that CI is reproducible;
/// <c>SHARPNESS_MAX_TEST</c> sets the number of cases and <c>SHARPNESS_SEED</c> the seed: <c>seed</c> or
/// <c>(seed,gamma)</c> is a master seed, <c>(seed,gamma,size)</c> the seed a failing case printed, which replays that
/// one case alone (<see cref="CaseSize"/>). Each case draws from its own seed (<see cref="SeedOf"/>), derived from the
/// master seed, the claim, the property and the case's index, so a case is the same whichever run, shard or order
/// draws it. <see cref="MaxDepth"/>, when set, limits a run to cases of depth at most that (deeper cases are drawn and
/// passed over, so the shallow ones are exactly those of the full run).
/// </summary>
public sealed record RunSettings(int Cases, ulong Seed, ulong Gamma, int? MaxDepth = null)
{
    /// <summary>Cases per property in the default run (the issue asks for at least 200 per claim).</summary>
    public const int DefaultCases = 200;

    /// <summary>The default seed: the date the suite was founded.</summary>
    public const ulong DefaultSeed = 20261123;

    /// <summary>SplitMix64's golden gamma (odd, as FsCheck requires).</summary>
    public const ulong DefaultGamma = 0x9E3779B97F4A7C15;

    /// <summary>FsCheck's largest default size: case sizes cycle through 1..100 with the case index.</summary>
    public const int SizeCycle = 100;

    /// <summary>
    /// When set, (<see cref="Seed"/>, <see cref="Gamma"/>) is one case's own FsCheck seed at this size (what a failing case
    /// prints), and every property runs exactly that one case: a replay of the case alone.
    /// </summary>
    public int? CaseSize { get; init; }

    /// <summary>The default settings, overridden by <c>SHARPNESS_MAX_TEST</c> and <c>SHARPNESS_SEED</c> where set.</summary>
    public static RunSettings FromEnvironment()
    {
        var cases = int.TryParse(Environment.GetEnvironmentVariable("SHARPNESS_MAX_TEST"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : DefaultCases;
        var (seed, gamma, size) = ParseReplay(Environment.GetEnvironmentVariable("SHARPNESS_SEED"));
        return new RunSettings(size is null ? cases : 1, seed, gamma) { CaseSize = size };
    }

    /// <summary>Parses a master seed, <c>seed</c>, <c>seed,gamma</c> or <c>(seed,gamma)</c>; null or empty gives the defaults.</summary>
    /// <exception cref="FormatException">Text that is none of these (a case's <c>(seed,gamma,size)</c> included).</exception>
    public static (ulong Seed, ulong Gamma) ParseSeed(string? text)
    {
        var (seed, gamma, size) = ParseReplay(text);
        return size is null ? (seed, gamma) : throw new FormatException($"'{text}' is one case's seed (seed,gamma,size), not a master seed.");
    }

    /// <summary>
    /// Parses a master seed (as <see cref="ParseSeed"/>) or a case's <c>(seed,gamma,size)</c>, with size from 1 to
    /// <see cref="SizeCycle"/>; null or empty gives the default master seed.
    /// </summary>
    /// <exception cref="FormatException">Text that is none of these.</exception>
    public static (ulong Seed, ulong Gamma, int? CaseSize) ParseReplay(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (DefaultSeed, DefaultGamma, null);
        }

        var parts = text.Trim().Trim('(', ')').Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length is < 1 or > 3 || !ulong.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed))
        {
            throw new FormatException($"A seed is 'seed' or '(seed,gamma)' with whole numbers, not '{text}'.");
        }

        if (parts.Length == 1)
        {
            return (seed, DefaultGamma, null);
        }

        if (!ulong.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var gamma) || gamma % 2 == 0)
        {
            throw new FormatException($"The gamma of '{text}' must be an odd whole number.");
        }

        if (parts.Length == 2)
        {
            return (seed, gamma, null);
        }

        if (!int.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var size) || size is < 1 or > SizeCycle)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"The size of '{text}' must be a whole number from 1 to {SizeCycle}."));
        }

        return (seed, gamma, size);
    }

    /// <summary>The replay text FsCheck accepts and prints: <c>(seed,gamma)</c>, or <c>(seed,gamma,size)</c> for one case.</summary>
    public string Replay => CaseSize is int size
        ? string.Create(CultureInfo.InvariantCulture, $"({Seed},{Gamma},{size})")
        : string.Create(CultureInfo.InvariantCulture, $"({Seed},{Gamma})");

    /// <summary>
    /// The FsCheck seed and size of case <paramref name="index"/> (0-based) of a claim's property: SplitMix64's mixer over
    /// the master seed, a 64-bit FNV-1a hash of the claim ID and property name (stable across processes, unlike
    /// <see cref="string.GetHashCode()"/>) and the index; the gamma is the master's; the size cycles through
    /// 1..<see cref="SizeCycle"/> with the index. Under <see cref="CaseSize"/> it is the given case itself.
    /// </summary>
    public (ulong Seed, ulong Gamma, int Size) SeedOf(string claimId, string property, int index)
    {
        ArgumentNullException.ThrowIfNull(claimId);
        ArgumentNullException.ThrowIfNull(property);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        if (CaseSize is int size)
        {
            return (Seed, Gamma, size);
        }

        var name = Fnv1a(Encoding.UTF8.GetBytes($"{claimId}\n{property}"));
        var seed = unchecked(Mix(Mix(Seed + name) + (((ulong)index + 1) * DefaultGamma)));
        return (seed, Gamma, 1 + (index % SizeCycle));
    }

    /// <summary>The text of case <paramref name="index"/>'s own seed, <c>(seed,gamma,size)</c>, which replays it alone.</summary>
    public string CaseReplay(string claimId, string property, int index)
    {
        var (seed, gamma, size) = SeedOf(claimId, property, index);
        return string.Create(CultureInfo.InvariantCulture, $"({seed},{gamma},{size})");
    }

    // SplitMix64's output function (Steele, Lea and Flood 2014): a bijection that spreads every input bit.
    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z += DefaultGamma;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            return z ^ (z >> 31);
        }
    }

    private static ulong Fnv1a(ReadOnlySpan<byte> bytes)
    {
        var hash = 0xCBF29CE484222325UL;
        foreach (var b in bytes)
        {
            hash = unchecked((hash ^ b) * 0x100000001B3UL);
        }

        return hash;
    }
}

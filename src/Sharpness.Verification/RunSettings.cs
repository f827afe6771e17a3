using System.Globalization;

namespace Sharpness.Verification;

/// <summary>
/// How many cases a property draws and from which seed. Defaults are fixed so that CI is reproducible;
/// <c>SHARPNESS_MAX_TEST</c> sets the number of cases and <c>SHARPNESS_SEED</c> the seed, either
/// <c>seed</c> or the <c>(seed,gamma)</c> pair FsCheck prints on failure (which replays that run exactly).
/// <see cref="MaxDepth"/>, when set, limits a run to cases of depth at most that (deeper cases are drawn and passed
/// over, so the shallow ones are exactly those of the full run).
/// </summary>
public sealed record RunSettings(int Cases, ulong Seed, ulong Gamma, int? MaxDepth = null)
{
    /// <summary>Cases per property in the default run (the issue asks for at least 200 per claim).</summary>
    public const int DefaultCases = 200;

    /// <summary>The default seed: the date the suite was founded.</summary>
    public const ulong DefaultSeed = 20261123;

    /// <summary>SplitMix64's golden gamma (odd, as FsCheck requires).</summary>
    public const ulong DefaultGamma = 0x9E3779B97F4A7C15;

    /// <summary>The default settings, overridden by <c>SHARPNESS_MAX_TEST</c> and <c>SHARPNESS_SEED</c> where set.</summary>
    public static RunSettings FromEnvironment()
    {
        var cases = int.TryParse(Environment.GetEnvironmentVariable("SHARPNESS_MAX_TEST"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : DefaultCases;
        var (seed, gamma) = ParseSeed(Environment.GetEnvironmentVariable("SHARPNESS_SEED"));
        return new RunSettings(cases, seed, gamma);
    }

    /// <summary>Parses <c>seed</c>, <c>seed,gamma</c> or <c>(seed,gamma)</c>; null or empty gives the defaults.</summary>
    /// <exception cref="FormatException">Text that is none of these.</exception>
    public static (ulong Seed, ulong Gamma) ParseSeed(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (DefaultSeed, DefaultGamma);
        }

        var parts = text.Trim().Trim('(', ')').Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length is < 1 or > 2 || !ulong.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed))
        {
            throw new FormatException($"A seed is 'seed' or '(seed,gamma)' with whole numbers, not '{text}'.");
        }

        if (parts.Length == 1)
        {
            return (seed, DefaultGamma);
        }

        if (!ulong.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var gamma) || gamma % 2 == 0)
        {
            throw new FormatException($"The gamma of '{text}' must be an odd whole number.");
        }

        return (seed, gamma);
    }

    /// <summary>The replay text FsCheck accepts and prints: <c>(seed,gamma)</c>.</summary>
    public string Replay => string.Create(CultureInfo.InvariantCulture, $"({Seed},{Gamma})");
}

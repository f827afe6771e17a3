// Dyadic: exact binary rationals m 2^e. Every double is one, and sums and products of dyadics are dyadics, so the
// loss's polynomial quantities (products of layers, residuals, Hessian entries) are computed exactly.
using System.Numerics;

namespace Sharpness.Intervals;

/// <summary>
/// An exact binary rational <c>Mantissa * 2^Exponent</c>. Sums, differences and products are exact (no rounding at all);
/// <see cref="Enclose"/> rounds outward to the tightest interval with double endpoints.
/// </summary>
/// <remarks>Normalized: the mantissa is odd, or zero with exponent 0, so equal values have equal representations.</remarks>
public readonly record struct Dyadic
{
    private Dyadic(BigInteger mantissa, int exponent)
    {
        if (mantissa.IsZero)
        {
            Mantissa = BigInteger.Zero;
            Exponent = 0;
            return;
        }

        var zeros = (int)BigInteger.TrailingZeroCount(mantissa);
        Mantissa = mantissa >> zeros;
        Exponent = checked(exponent + zeros);
    }

    /// <summary>The odd (or zero) integer mantissa.</summary>
    public BigInteger Mantissa { get; }

    /// <summary>The binary exponent.</summary>
    public int Exponent { get; }

    /// <summary>Zero.</summary>
    public static Dyadic Zero { get; }

    /// <summary>One.</summary>
    public static Dyadic One { get; } = new(BigInteger.One, 0);

    /// <summary>True for zero.</summary>
    public bool IsZero => Mantissa.IsZero;

    /// <summary>The sign: -1, 0 or 1.</summary>
    public int Sign => Mantissa.Sign;

    /// <summary>The exact value of a finite double.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="x"/> is NaN or infinite.</exception>
    public static Dyadic Of(double x)
    {
        if (!double.IsFinite(x))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "Only finite doubles are binary rationals.");
        }

        var bits = BitConverter.DoubleToInt64Bits(x);
        var biased = (int)((bits >> 52) & 0x7FF);
        var fraction = bits & 0xFFFFFFFFFFFFFL;
        var mantissa = biased == 0 ? fraction : fraction | (1L << 52);
        var exponent = (biased == 0 ? 1 : biased) - 1075;
        return new Dyadic(bits < 0 ? -mantissa : mantissa, exponent);
    }

    /// <summary>The exact sum.</summary>
    public static Dyadic operator +(Dyadic x, Dyadic y)
    {
        if (x.IsZero)
        {
            return y;
        }

        if (y.IsZero)
        {
            return x;
        }

        var e = Math.Min(x.Exponent, y.Exponent);
        return new Dyadic((x.Mantissa << (x.Exponent - e)) + (y.Mantissa << (y.Exponent - e)), e);
    }

    /// <summary>The exact difference.</summary>
    public static Dyadic operator -(Dyadic x, Dyadic y) => x + (-y);

    /// <summary>The exact negation.</summary>
    public static Dyadic operator -(Dyadic x) => new(-x.Mantissa, x.Exponent);

    /// <summary>The exact product.</summary>
    public static Dyadic operator *(Dyadic x, Dyadic y) =>
        x.IsZero || y.IsZero ? Zero : new Dyadic(x.Mantissa * y.Mantissa, checked(x.Exponent + y.Exponent));

    /// <summary>
    /// The tightest interval with double endpoints containing the value: a point interval when the value is a double,
    /// otherwise its two neighbouring doubles (<c>[MaxValue, +inf]</c> beyond the largest double).
    /// </summary>
    public Interval Enclose()
    {
        if (IsZero)
        {
            return Interval.Zero;
        }

        var (toward, away) = Magnitudes(BigInteger.Abs(Mantissa), Exponent);
        return Sign > 0 ? Interval.Of(toward, away) : Interval.Of(-away, -toward);
    }

    /// <summary>The double nearest the value (ties to even), for computing with it approximately.</summary>
    public double ToDouble()
    {
        var x = Enclose();
        if (x.Lower == x.Upper)
        {
            return x.Lower;
        }

        // Exactly between the two neighbours or not: compare 2 |value| with |lower| + |upper| exactly.
        var twice = new Dyadic(Mantissa, Exponent + 1);
        var sum = Of(x.Lower) + Of(x.Upper);
        var c = Compare(twice, sum);
        return c < 0 ? x.Lower : c > 0 ? x.Upper : (BitConverter.DoubleToInt64Bits(x.Lower) & 1) == 0 ? x.Lower : x.Upper;
    }

    /// <summary>The exact comparison of two dyadics: negative, zero or positive.</summary>
    public static int Compare(Dyadic x, Dyadic y) => (x - y).Sign;

    // The doubles nearest |value| = m 2^e towards zero and away from zero (equal when exact).
    private static (double Toward, double Away) Magnitudes(BigInteger m, int e)
    {
        var bits = (long)m.GetBitLength();
        if (bits + e > 1024)
        {
            return (double.MaxValue, double.PositiveInfinity);
        }

        // Keep at most 53 significant bits, and none below 2^-1074 (the subnormal grid).
        var shift = Math.Max(bits - 53, -1074L - e);
        BigInteger kept;
        bool exact;
        if (shift > 0)
        {
            kept = m >> (int)shift;
            exact = (kept << (int)shift) == m;
        }
        else
        {
            kept = m;
            exact = true;
            shift = 0;
        }

        var toward = Math.ScaleB((double)kept, (int)(e + shift));
        if (exact)
        {
            return (toward, toward);
        }

        return (toward, toward == double.MaxValue ? double.PositiveInfinity : Math.BitIncrement(toward));
    }
}

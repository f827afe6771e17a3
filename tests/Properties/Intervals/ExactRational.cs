// The exact reference for the interval tests: doubles as the binary rationals they are, and exact rationals
// rounded to their neighbouring doubles. Independent of the code under test (BigInteger arithmetic only).
using System.Numerics;
using Fractions;

namespace Sharpness.Tests.Properties.Intervals;

internal static class ExactRational
{
    /// <summary>The exact value of a finite double: mantissa times a power of two.</summary>
    public static Fraction Of(double x)
    {
        if (!double.IsFinite(x))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "Only finite doubles are rationals.");
        }

        var bits = BitConverter.DoubleToInt64Bits(x);
        var negative = bits < 0;
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }

        var power = exponent - 1075;
        var numerator = new BigInteger(negative ? -mantissa : mantissa);
        return power >= 0
            ? new Fraction(numerator * BigInteger.Pow(2, power), BigInteger.One)
            : new Fraction(numerator, BigInteger.Pow(2, -power));
    }

    /// <summary>The largest double not above <paramref name="q"/> (negative infinity below -MaxValue).</summary>
    public static double RoundDown(Fraction q)
    {
        if (q > Of(double.MaxValue))
        {
            return double.MaxValue;
        }

        if (q < Of(-double.MaxValue))
        {
            return double.NegativeInfinity;
        }

        var d = Approximate(q);
        while (Of(d) > q)
        {
            d = Math.BitDecrement(d);
        }

        while (d < double.MaxValue && Of(Math.BitIncrement(d)) <= q)
        {
            d = Math.BitIncrement(d);
        }

        return d == 0 ? 0.0 : d;
    }

    // A double within a few ulps of q, from 64 leading bits of the quotient (Fraction's own conversion divides two
    // doubles, which overflows for the subnormal range's denominators).
    private static double Approximate(Fraction q)
    {
        if (q.IsZero)
        {
            return 0;
        }

        var numerator = BigInteger.Abs(q.Numerator);
        var denominator = BigInteger.Abs(q.Denominator);
        var shift = (int)(numerator.GetBitLength() - denominator.GetBitLength()) - 64;
        var quotient = shift >= 0 ? numerator / (denominator << shift) : (numerator << -shift) / denominator;
        var magnitude = Math.Clamp(Math.ScaleB((double)quotient, shift), 0, double.MaxValue);
        return q.Numerator.Sign * q.Denominator.Sign < 0 ? -magnitude : magnitude;
    }

    /// <summary>The smallest double not below <paramref name="q"/> (positive infinity above MaxValue).</summary>
    public static double RoundUp(Fraction q) => -RoundDown(-q);

    /// <summary>True when the exact rational lies in the interval (an infinite endpoint bounds nothing).</summary>
    public static bool IsIn(Fraction q, Sharpness.Intervals.Interval x) =>
        (double.IsNegativeInfinity(x.Lower) || Of(x.Lower) <= q) && (double.IsPositiveInfinity(x.Upper) || q <= Of(x.Upper));
}

// Directed rounding on top of IEEE 754 round-to-nearest, the only mode .NET exposes.
// Each primitive computes the nearest result r, then finds on which side of r the exact value lies with an
// error-free transformation (TwoSum for sums, FMA for products, quotients and square roots) and steps one ulp
// outward only when the exact value lies beyond r. The result is the tightest double bound: the largest double
// <= the exact value (Down) or the smallest double >= it (Up).
//
// Where an error-free transformation is not exact (operands or results within 2^53 ulps of the subnormal range,
// where the FMA residual itself can underflow), the primitive falls back to one unconditional ulp step outward:
// round-to-nearest errs by at most half an ulp, so one step is always enough (still rigorous, at most one ulp wider).
namespace Sharpness.Intervals;

/// <summary>
/// Sums, differences, products, quotients and square roots of doubles rounded down (towards -infinity) or up
/// (towards +infinity), computed exactly as IEEE 754 directed rounding would, under .NET's round-to-nearest.
/// </summary>
/// <remarks>
/// Rigour rests on two facts: every basic operation of IEEE 754 binary64 is correctly rounded to nearest
/// (IEEE 754-2019, clause 4.3), so the exact result lies within half an ulp of the computed one; and, away from
/// underflow, the rounding error of a sum is exactly representable and given by TwoSum (Knuth, TAOCP vol. 2,
/// 4.2.2), that of a product by <c>fma(a, b, -a b)</c>, that of a quotient by <c>fma(-q, b, a)</c> and that of a
/// square root by <c>fma(-s, s, x)</c> (Boldo and Muller, "Exact and approximated error of the FMA", 2011).
/// Inputs must not be NaN; infinite inputs follow the extended reals with <c>0 * inf = 0</c> (the interval
/// convention, since an endpoint at infinity stands for "unbounded", not for a number).
/// </remarks>
public static class DirectedRounding
{
    // Below 2^-969 = 2^(-1022 + 53) a product's or quotient's residual may fall below the normal range and be
    // rounded itself; only there is the fallback needed.
    private const double ExactResidualFloor = 2.004168360008973e-292; // 2^-969

    /// <summary>The largest double not above <c>a + b</c>.</summary>
    public static double AddDown(double a, double b)
    {
        var s = a + b;
        if (double.IsInfinity(s))
        {
            return double.IsPositiveInfinity(s) && double.IsFinite(a) && double.IsFinite(b) ? double.MaxValue : s;
        }

        return TwoSumError(a, b, s) < 0 ? Math.BitDecrement(s) : s;
    }

    /// <summary>The smallest double not below <c>a + b</c>.</summary>
    public static double AddUp(double a, double b) => -AddDown(-a, -b);

    /// <summary>The largest double not above <c>a - b</c>.</summary>
    public static double SubtractDown(double a, double b) => AddDown(a, -b);

    /// <summary>The smallest double not below <c>a - b</c>.</summary>
    public static double SubtractUp(double a, double b) => AddUp(a, -b);

    /// <summary>The largest double not above <c>a b</c> (<c>0 * inf = 0</c>).</summary>
    public static double MultiplyDown(double a, double b)
    {
        if (a == 0 || b == 0)
        {
            return 0;
        }

        var p = a * b;
        if (double.IsInfinity(p))
        {
            return double.IsPositiveInfinity(p) && double.IsFinite(a) && double.IsFinite(b) ? double.MaxValue : p;
        }

        if (Math.Abs(p) < ExactResidualFloor)
        {
            // An underflow to zero still knows the sign of the exact product.
            return p == 0 && (a > 0) == (b > 0) ? 0 : Math.BitDecrement(p);
        }

        return Math.FusedMultiplyAdd(a, b, -p) < 0 ? Math.BitDecrement(p) : p;
    }

    /// <summary>The smallest double not below <c>a b</c> (<c>0 * inf = 0</c>).</summary>
    public static double MultiplyUp(double a, double b) => -MultiplyDown(-a, b);

    /// <summary>The largest double not above <c>a / b</c>, for <c>b != 0</c>.</summary>
    /// <exception cref="DivideByZeroException"><paramref name="b"/> is zero.</exception>
    public static double DivideDown(double a, double b)
    {
        if (b == 0)
        {
            throw new DivideByZeroException("Directed division by zero: the quotient is not a real number.");
        }

        if (a == 0 || double.IsInfinity(b))
        {
            return double.IsInfinity(a) ? a / b : 0;
        }

        var q = a / b;
        if (double.IsInfinity(q))
        {
            return double.IsPositiveInfinity(q) && double.IsFinite(a) ? double.MaxValue : q;
        }

        if (Math.Abs(q) < ExactResidualFloor || Math.Abs(a) < ExactResidualFloor)
        {
            return q == 0 && (a > 0) == (b > 0) ? 0 : Math.BitDecrement(q);
        }

        // a / b - q = r / b with r = a - q b exact: the exact quotient is below q when r and b differ in sign.
        var r = Math.FusedMultiplyAdd(-q, b, a);
        return r != 0 && (r < 0) != (b < 0) ? Math.BitDecrement(q) : q;
    }

    /// <summary>The smallest double not below <c>a / b</c>, for <c>b != 0</c>.</summary>
    /// <exception cref="DivideByZeroException"><paramref name="b"/> is zero.</exception>
    public static double DivideUp(double a, double b) => -DivideDown(-a, b);

    /// <summary>The largest double not above <c>sqrt(x)</c>, for <c>x &gt;= 0</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="x"/> is negative.</exception>
    public static double SqrtDown(double x)
    {
        var s = Sqrt(x);
        if (s == 0 || double.IsInfinity(s))
        {
            return s;
        }

        if (x < ExactResidualFloor)
        {
            return Math.BitDecrement(s);
        }

        return Math.FusedMultiplyAdd(-s, s, x) < 0 ? Math.BitDecrement(s) : s;
    }

    /// <summary>The smallest double not below <c>sqrt(x)</c>, for <c>x &gt;= 0</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="x"/> is negative.</exception>
    public static double SqrtUp(double x)
    {
        var s = Sqrt(x);
        if (s == 0 || double.IsInfinity(s))
        {
            return s;
        }

        if (x < ExactResidualFloor)
        {
            return Math.BitIncrement(s);
        }

        return Math.FusedMultiplyAdd(-s, s, x) > 0 ? Math.BitIncrement(s) : s;
    }

    private static double Sqrt(double x)
    {
        if (!(x >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "The square root of a negative number (or NaN) is not a real number.");
        }

        return Math.Sqrt(x);
    }

    // Knuth's TwoSum: s + e = a + b exactly, for finite a, b and s = fl(a + b) (exact under gradual underflow too).
    private static double TwoSumError(double a, double b, double s)
    {
        var bVirtual = s - a;
        var aVirtual = s - bVirtual;
        return (a - aVirtual) + (b - bVirtual);
    }
}

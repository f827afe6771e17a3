// Interval: a closed interval [Lower, Upper] of the extended reals with double endpoints, and the arithmetic
// that keeps every exact result inside (rigorous under round-to-nearest, through DirectedRounding).
using System.Globalization;

namespace Sharpness.Intervals;

/// <summary>
/// A closed interval <c>[Lower, Upper]</c> of real numbers with double endpoints (an endpoint at infinity means
/// unbounded on that side). Every operation returns an interval that contains the exact result of the operation
/// applied to every pair of real numbers in its operands: the enclosure property of interval arithmetic
/// (Moore, Kearfott and Cloud, "Introduction to Interval Analysis", SIAM 2009, ch. 2).
/// </summary>
/// <remarks>
/// Each of <c>+ - * /</c>, <see cref="Square"/> and <see cref="Sqrt"/> returns the tightest interval with double
/// endpoints that contains the exact range (its endpoints are the exact range's endpoints rounded outward, see
/// <see cref="DirectedRounding"/>), except within <c>2^53</c> ulps of the subnormal range, where an endpoint may be one
/// ulp wider. Compound expressions are then enclosed as usual in interval arithmetic (each variable occurrence
/// independently), so their widths can exceed the exact range's.
/// </remarks>
public readonly record struct Interval
{
    private Interval(double lower, double upper)
    {
        Lower = lower;
        Upper = upper;
    }

    /// <summary>The lower endpoint (may be negative infinity).</summary>
    public double Lower { get; }

    /// <summary>The upper endpoint (may be positive infinity).</summary>
    public double Upper { get; }

    /// <summary>The whole real line.</summary>
    public static Interval Entire { get; } = new(double.NegativeInfinity, double.PositiveInfinity);

    /// <summary>The interval <c>[0, 0]</c>.</summary>
    public static Interval Zero { get; } = new(0, 0);

    /// <summary>The width <c>Upper - Lower</c>, rounded up (infinite for an unbounded interval).</summary>
    public double Width => DirectedRounding.SubtractUp(Upper, Lower);

    /// <summary>The largest absolute value in the interval, <c>max(|Lower|, |Upper|)</c> (the magnitude).</summary>
    public double Magnitude => Math.Max(Math.Abs(Lower), Math.Abs(Upper));

    /// <summary>The midpoint, rounded to nearest (a double inside the interval; 0 for <see cref="Entire"/>).</summary>
    public double Midpoint => double.IsInfinity(Lower) || double.IsInfinity(Upper)
        ? (double.IsInfinity(Lower) && double.IsInfinity(Upper) ? 0 : double.IsInfinity(Lower) ? -double.MaxValue : double.MaxValue)
        : Math.Clamp(Lower / 2 + Upper / 2, Lower, Upper);

    /// <summary>The degenerate interval <c>[x, x]</c>: a double is an exact binary rational.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="x"/> is NaN or infinite.</exception>
    public static Interval Point(double x)
    {
        if (!double.IsFinite(x))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "A point interval needs a finite number.");
        }

        return new Interval(x, x);
    }

    /// <summary>The interval <c>[lower, upper]</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An endpoint is NaN, <c>lower &gt; upper</c>, or both endpoints are the same infinity.</exception>
    public static Interval Of(double lower, double upper)
    {
        if (double.IsNaN(lower) || double.IsNaN(upper) || lower > upper)
        {
            throw new ArgumentOutOfRangeException(nameof(lower), string.Create(CultureInfo.InvariantCulture, $"[{lower:R}, {upper:R}] is not an interval: the endpoints must be numbers with lower <= upper."));
        }

        if (double.IsPositiveInfinity(lower) || double.IsNegativeInfinity(upper))
        {
            throw new ArgumentOutOfRangeException(nameof(lower), "An interval cannot lie entirely at infinity.");
        }

        return new Interval(lower, upper);
    }

    /// <summary>True when <paramref name="x"/> lies in the interval.</summary>
    public bool Contains(double x) => Lower <= x && x <= Upper;

    /// <summary>True when every number of <paramref name="other"/> lies in this interval.</summary>
    public bool Contains(Interval other) => Lower <= other.Lower && other.Upper <= Upper;

    /// <summary>True when the two intervals share no number: a proof that the quantities they enclose differ.</summary>
    public bool IsDisjointFrom(Interval other) => Upper < other.Lower || other.Upper < Lower;

    /// <summary>The smallest interval containing both.</summary>
    public Interval Hull(Interval other) => new(Math.Min(Lower, other.Lower), Math.Max(Upper, other.Upper));

    /// <summary>The enclosure of <c>x + y</c>.</summary>
    public static Interval operator +(Interval x, Interval y) =>
        new(DirectedRounding.AddDown(x.Lower, y.Lower), DirectedRounding.AddUp(x.Upper, y.Upper));

    /// <summary>The enclosure of <c>x - y</c>.</summary>
    public static Interval operator -(Interval x, Interval y) =>
        new(DirectedRounding.SubtractDown(x.Lower, y.Upper), DirectedRounding.SubtractUp(x.Upper, y.Lower));

    /// <summary>The exact negation <c>-x</c>.</summary>
    public static Interval operator -(Interval x) => new(-x.Upper, -x.Lower);

    /// <summary>The enclosure of <c>x y</c> (the extremes of the four endpoint products, <c>0 * inf = 0</c>).</summary>
    public static Interval operator *(Interval x, Interval y) =>
        EndpointExtremes(x, y, DirectedRounding.MultiplyDown, DirectedRounding.MultiplyUp);

    /// <summary>
    /// The enclosure of <c>x / y</c>; <see cref="Entire"/> when <paramref name="y"/> contains 0 (the quotient is then
    /// unbounded or undefined) or when both operands are unbounded.
    /// </summary>
    public static Interval operator /(Interval x, Interval y)
    {
        if (y.Contains(0) || (x.Magnitude == double.PositiveInfinity && y.Magnitude == double.PositiveInfinity))
        {
            return Entire;
        }

        return EndpointExtremes(x, y, DirectedRounding.DivideDown, DirectedRounding.DivideUp);
    }

    // For an operation monotone in each argument on the operands' domain (* everywhere, / away from 0), the range's
    // extremes are among the four endpoint combinations: the least rounded down, the greatest rounded up.
    private static Interval EndpointExtremes(Interval x, Interval y, Func<double, double, double> down, Func<double, double, double> up)
    {
        double a = x.Lower, b = x.Upper, c = y.Lower, d = y.Upper;
        var lower = Math.Min(Math.Min(down(a, c), down(a, d)), Math.Min(down(b, c), down(b, d)));
        var upper = Math.Max(Math.Max(up(a, c), up(a, d)), Math.Max(up(b, c), up(b, d)));
        return new Interval(lower, upper);
    }

    /// <summary>The enclosure of <c>{t^2 : t in x}</c>, tighter than <c>x * x</c> when the interval contains 0.</summary>
    public Interval Square()
    {
        var low = Contains(0) ? 0 : Math.Min(Math.Abs(Lower), Math.Abs(Upper));
        var high = Magnitude;
        return new Interval(DirectedRounding.MultiplyDown(low, low), DirectedRounding.MultiplyUp(high, high));
    }

    /// <summary>The enclosure of <c>{|t| : t in x}</c> (exact).</summary>
    public Interval Abs() => Contains(0) ? new Interval(0, Magnitude) : new Interval(Math.Min(Math.Abs(Lower), Math.Abs(Upper)), Magnitude);

    /// <summary>The enclosure of <c>{sqrt(t) : t in x}</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The interval contains a negative number.</exception>
    public Interval Sqrt()
    {
        if (Lower < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Lower), Lower, string.Create(CultureInfo.InvariantCulture, $"The square root of {this} is not real: it contains negative numbers."));
        }

        return new Interval(DirectedRounding.SqrtDown(Lower), DirectedRounding.SqrtUp(Upper));
    }

    /// <summary>
    /// The enclosure of <c>{t^(p/q) : t in x}</c> for <c>x &gt;= 0</c>, <c>p &gt;= 0</c>, <c>q &gt;= 1</c>: each endpoint is the tightest
    /// double, found by comparing <c>y^q</c> with <c>t^p</c> exactly in binary rationals (the power is increasing in <c>t</c>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The interval contains negative numbers or is unbounded, or <c>p &lt; 0</c> or <c>q &lt; 1</c>.</exception>
    public Interval Power(int p, int q)
    {
        if (Lower < 0 || double.IsInfinity(Upper) || p < 0 || q < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), string.Create(CultureInfo.InvariantCulture, $"{this}^({p}/{q}) needs a bounded interval of non-negative numbers, p >= 0 and q >= 1."));
        }

        return new Interval(RootOfPower(Lower, p, q, up: false), RootOfPower(Upper, p, q, up: true));
    }

    // The largest double y >= 0 with y^q <= t^p (up: the smallest with y^q >= t^p).
    private static double RootOfPower(double t, int p, int q, bool up)
    {
        if (p == 0)
        {
            return 1;
        }

        if (t == 0)
        {
            return 0;
        }

        var target = Pow(Dyadic.Of(t), p);
        var y = Math.Clamp(Math.Pow(t, (double)p / q), 0, double.MaxValue);
        int Compare(double candidate) => Dyadic.Compare(Pow(Dyadic.Of(candidate), q), target);
        if (!up)
        {
            while (y > 0 && Compare(y) > 0)
            {
                y = Math.BitDecrement(y);
            }

            while (y < double.MaxValue && Compare(Math.BitIncrement(y)) <= 0)
            {
                y = Math.BitIncrement(y);
            }

            return y;
        }

        while (y < double.MaxValue && Compare(y) < 0)
        {
            y = Math.BitIncrement(y);
        }

        if (Compare(y) < 0)
        {
            return double.PositiveInfinity;
        }

        while (y > 0 && Compare(Math.BitDecrement(y)) >= 0)
        {
            y = Math.BitDecrement(y);
        }

        return y;
    }

    private static Dyadic Pow(Dyadic x, int n)
    {
        var result = Dyadic.One;
        for (var i = 0; i < n; i++)
        {
            result *= x;
        }

        return result;
    }

    /// <summary><c>[lower, upper]</c> with both endpoints round-trippable.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"[{Lower:R}, {Upper:R}]");
}

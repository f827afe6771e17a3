// LambdaMaxEnclosure: a proven interval [lower, upper] for the largest eigenvalue of every symmetric matrix inside
// a symmetric interval matrix (issue 10, item 3).
using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace Sharpness.Intervals;

/// <summary>How a lambda_max enclosure was proven.</summary>
public enum EnclosureMethod
{
    /// <summary>A 1x1 matrix: its entry is its eigenvalue.</summary>
    Scalar,

    /// <summary>Rayleigh quotient below; above, Kato's bound with the second eigenvalue proven below a separating value.</summary>
    KatoWithVerifiedGap,

    /// <summary>Rayleigh quotient below; above, a shift proven to exceed every eigenvalue (the top eigenvalue is not separated).</summary>
    VerifiedShift,

    /// <summary>A proven lower bound only (a Rayleigh quotient): the upper end is not certified (infinite).</summary>
    LowerBoundOnly,
}

/// <summary>
/// A proven enclosure of <c>lambda_max(H)</c> for every symmetric <c>H</c> in a symmetric interval matrix: <see cref="Value"/>
/// contains it. <see cref="WhyWide"/> says why the width exceeds <c>1e-12</c> of the matrix's norm, where it does.
/// </summary>
/// <param name="Value">The enclosure <c>[lower, upper]</c>.</param>
/// <param name="Method">How the upper end was proven.</param>
/// <param name="Scale">An upper bound of the midpoint matrix's Frobenius norm, the scale widths are measured against.</param>
/// <param name="WhyWide">Null when the width is at most <c>1e-12 Scale</c>; otherwise the reason.</param>
public sealed record LambdaMaxEnclosure(Interval Value, EnclosureMethod Method, double Scale, string? WhyWide)
{
    /// <summary>The width goal of issue 10 relative to the matrix's norm, when the top eigenvalue is separated.</summary>
    public const double WidthGoal = 1e-12;

    /// <summary>A proven lower bound only: <c>[lower, +infinity)</c>, with the reason the upper end is not certified.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lower"/> is NaN or infinite.</exception>
    public static LambdaMaxEnclosure LowerBound(double lower, double scale, string why) =>
        new(Interval.Of(Interval.Point(lower).Lower, double.PositiveInfinity), EnclosureMethod.LowerBoundOnly, scale, why);

    /// <summary>True when the upper end is proven (false for <see cref="EnclosureMethod.LowerBoundOnly"/>).</summary>
    public bool HasUpperBound => Method != EnclosureMethod.LowerBoundOnly;

    /// <summary>The width relative to <see cref="Scale"/> (0 for a zero matrix).</summary>
    public double RelativeWidth => Scale > 0 ? Value.Width / Scale : Value.Width;

    /// <summary>
    /// Proves an enclosure of the largest eigenvalue of every symmetric matrix in <paramref name="h"/>.
    /// </summary>
    /// <remarks>
    /// Let <c>Hc</c> be the midpoint matrix and <c>r &gt;= ||H - Hc||_2</c> for every <c>H</c> inside (the largest row sum of
    /// the radii, as the radius matrix is symmetric). With <c>v</c> a computed top eigenvector of <c>Hc</c>:
    /// <list type="bullet">
    /// <item>lower: the Rayleigh quotient <c>theta = v^T H v / v^T v &lt;= lambda_max(H)</c>, enclosed in interval arithmetic
    /// over all <c>H</c> inside;</item>
    /// <item>upper (Kato's inequality, T. Kato, J. Phys. Soc. Japan 4 (1949) 334; Parlett, "The Symmetric Eigenvalue
    /// Problem", 10.8): if <c>lambda_2(H) &lt;= a &lt; theta</c> then <c>lambda_max(H) &lt;= theta + rho^2 / (theta - a)</c>, with
    /// <c>rho = ||H v - theta v|| / ||v||</c>. The premise is proven for a separating <c>a</c> by showing
    /// <c>a I - Hc + c v v^T - r I</c> positive definite (<see cref="PositiveDefiniteness"/>) with <c>c &gt;= 0</c>: subtracting the
    /// positive semidefinite <c>c v v^T</c> from <c>H</c> interlaces, <c>lambda_2(H) &lt;= lambda_1(H - c v v^T) &lt; a</c>, and
    /// Weyl's inequality covers <c>H - Hc</c>;</item>
    /// <item>when no separating <c>a</c> is proven (a cluster at the top), upper is a shift <c>mu</c> with <c>mu I - Hc - r I</c>
    /// proven positive definite.</item>
    /// </list>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="h"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="h"/> is not square, not symmetric, or has an unbounded entry.</exception>
    public static LambdaMaxEnclosure Of(IntervalMatrix h)
    {
        ArgumentNullException.ThrowIfNull(h);
        var n = h.RowCount;
        if (h.ColumnCount != n)
        {
            throw new ArgumentException($"lambda_max needs a square matrix, not {h.RowCount}x{h.ColumnCount}.", nameof(h));
        }

        var (mid, radius, scale) = Split(h);
        if (n == 1)
        {
            return Finish(h[0, 0], EnclosureMethod.Scalar, scale, null);
        }

        var evd = Matrix<double>.Build.Dense(n, n, (i, j) => mid[(i * n) + j]).Evd(Symmetricity.Symmetric);
        var top = evd.EigenValues[n - 1].Real;
        var second = evd.EigenValues[n - 2].Real;
        var v = evd.EigenVectors.Column(n - 1).ToArray();

        var hv = Multiply(h, v);
        var vv = Dot(v, v);
        var theta = Dot(v, hv) / vv;
        var separation = Separation(mid, radius, n, v, theta, second);
        if (separation is double a)
        {
            var residualSquared = Interval.Zero;
            for (var i = 0; i < n; i++)
            {
                residualSquared += (hv[i] - (theta * Interval.Point(v[i]))).Square();
            }

            var rhoSquared = DirectedRounding.DivideUp(residualSquared.Upper, vv.Lower);
            var upper = DirectedRounding.AddUp(theta.Upper, DirectedRounding.DivideUp(rhoSquared, DirectedRounding.SubtractDown(theta.Lower, a)));
            var value = Interval.Of(theta.Lower, Math.Max(upper, theta.Upper));
            return Finish(value, EnclosureMethod.KatoWithVerifiedGap, scale, WideBecause(value, scale, radius, n, "the entries' radii (Weyl) dominate"));
        }

        // A cluster at the top: prove a shift above every eigenvalue, widening the margin until the criterion decides.
        var margin = Math.Max(Math.Abs(top) * 1e-15, scale * 1e-15);
        if (margin == 0)
        {
            margin = double.Epsilon;
        }

        for (var attempt = 0; attempt < 60; attempt++, margin *= 4)
        {
            var mu = DirectedRounding.AddUp(Math.Max(top, theta.Upper), margin);
            var shifted = new double[n * n];
            var r = RowSumBound(radius, n);
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    shifted[(i * n) + j] = -mid[(i * n) + j];
                }

                shifted[(i * n) + i] = DirectedRounding.SubtractDown(DirectedRounding.SubtractDown(mu, mid[(i * n) + i]), r);
            }

            if (PositiveDefiniteness.IsProven(shifted, n))
            {
                var value = Interval.Of(theta.Lower, mu);
                var why = string.Create(CultureInfo.InvariantCulture, $"the top eigenvalue is not separated from the next (computed gap {top - second:G3}), so the upper end is a verified shift");
                return Finish(value, EnclosureMethod.VerifiedShift, scale, value.Width <= WidthGoal * scale ? null : why);
            }
        }

        throw new ArgumentException("No shift above the spectrum could be proven: the matrix's entries are too wide or too large for the criterion.", nameof(h));
    }

    private static LambdaMaxEnclosure Finish(Interval value, EnclosureMethod method, double scale, string? why) =>
        new(value, method, scale, value.Width <= WidthGoal * scale ? null : why ?? "wider than the goal");

    private static string WideBecause(Interval value, double scale, double[] radius, int n, string radiiReason)
    {
        var r = RowSumBound(radius, n);
        return r >= value.Width / 4
            ? string.Create(CultureInfo.InvariantCulture, $"{radiiReason}: ||H - Hc||_2 <= {r:G3} against a width of {value.Width:G3} (scale {scale:G3})")
            : string.Create(CultureInfo.InvariantCulture, $"the gap to the second eigenvalue is small relative to the residual (width {value.Width:G3}, scale {scale:G3})");
    }

    // a with lambda_2(H) <= a < theta for every H inside, proven; null when the criterion cannot show it.
    private static double? Separation(double[] mid, double[] radius, int n, double[] v, Interval theta, double second)
    {
        if (!(theta.Lower > second))
        {
            return null;
        }

        var a = second + ((theta.Lower - second) / 2);
        if (!(a < theta.Lower))
        {
            return null;
        }

        var c = Math.Max(theta.Midpoint, 0);
        var g = new double[n * n];
        var gRadius = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i; j < n; j++)
            {
                var entry = (Interval.Point(c) * Interval.Point(v[i]) * Interval.Point(v[j])) - Interval.Point(mid[(i * n) + j]);
                if (i == j)
                {
                    entry += Interval.Point(a);
                }

                var (m, rad) = MidRadius(entry);
                g[(i * n) + j] = g[(j * n) + i] = m;
                gRadius[(i * n) + j] = gRadius[(j * n) + i] = rad;
            }
        }

        var shift = DirectedRounding.AddUp(RowSumBound(gRadius, n), RowSumBound(radius, n));
        for (var i = 0; i < n; i++)
        {
            g[(i * n) + i] = DirectedRounding.SubtractDown(g[(i * n) + i], shift);
        }

        return PositiveDefiniteness.IsProven(g, n) ? a : null;
    }

    private static (double[] Mid, double[] Radius, double Scale) Split(IntervalMatrix h)
    {
        var n = h.RowCount;
        var mid = new double[n * n];
        var radius = new double[n * n];
        var frobenius = Interval.Zero;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var x = h[i, j];
                if (!double.IsFinite(x.Lower) || !double.IsFinite(x.Upper))
                {
                    throw new ArgumentException($"Entry ({i + 1},{j + 1}) is unbounded: {x}.", nameof(h));
                }

                if (x != h[j, i])
                {
                    throw new ArgumentException($"The interval matrix is not symmetric: entries ({i + 1},{j + 1}) and ({j + 1},{i + 1}) differ.", nameof(h));
                }

                (mid[(i * n) + j], radius[(i * n) + j]) = MidRadius(x);
                frobenius += Interval.Point(mid[(i * n) + j]).Square();
            }
        }

        return (mid, radius, frobenius.Sqrt().Upper);
    }

    private static (double Mid, double Radius) MidRadius(Interval x)
    {
        var m = x.Midpoint;
        return (m, Math.Max(DirectedRounding.SubtractUp(x.Upper, m), DirectedRounding.SubtractUp(m, x.Lower)));
    }

    // For a symmetric non-negative matrix R, ||R||_2 <= sqrt(||R||_1 ||R||_inf) = the largest row sum, and ||R||_2 <= ||R||_F;
    // the smaller of the two, rounded up.
    private static double RowSumBound(double[] r, int n)
    {
        var rowBound = 0.0;
        var squares = 0.0;
        for (var i = 0; i < n; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < n; j++)
            {
                var x = r[(i * n) + j];
                sum = DirectedRounding.AddUp(sum, x);
                squares = DirectedRounding.AddUp(squares, DirectedRounding.MultiplyUp(x, x));
            }

            rowBound = Math.Max(rowBound, sum);
        }

        return Math.Min(rowBound, DirectedRounding.SqrtUp(squares));
    }

    private static Interval[] Multiply(IntervalMatrix h, double[] v)
    {
        var n = h.RowCount;
        var result = new Interval[n];
        for (var i = 0; i < n; i++)
        {
            var sum = Interval.Zero;
            for (var j = 0; j < n; j++)
            {
                sum += h[i, j] * Interval.Point(v[j]);
            }

            result[i] = sum;
        }

        return result;
    }

    private static Interval Dot(double[] x, double[] y)
    {
        var sum = Interval.Zero;
        for (var i = 0; i < x.Length; i++)
        {
            sum += Interval.Point(x[i]) * Interval.Point(y[i]);
        }

        return sum;
    }

    private static Interval Dot(double[] x, Interval[] y)
    {
        var sum = Interval.Zero;
        for (var i = 0; i < x.Length; i++)
        {
            sum += Interval.Point(x[i]) * y[i];
        }

        return sum;
    }
}

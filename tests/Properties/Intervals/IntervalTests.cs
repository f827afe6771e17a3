// The interval arithmetic of Sharpness.Certified against exact rational arithmetic: every exact value inside its
// enclosure, and every elementary operation's enclosure the tightest one with double endpoints (one ulp wider at
// most within 2^53 ulps of the subnormal range, where the error-free transformations stop being exact).
using Fractions;
using Sharpness.Intervals;
using Xunit;
using Xunit.Abstractions;

namespace Sharpness.Tests.Properties.Intervals;

[Trait("Category", "Intervals")]
public sealed class IntervalTests(ITestOutputHelper output)
{
    private const int Cases = 4000;

    // 2^-960: below it (in an operand or a result) the primitives may take the one-ulp fallback.
    private static readonly double FallbackZone = Math.ScaleB(1, -960);

    private static readonly (string Name, Func<double, double, double> Down, Func<double, double, double> Up, Func<Fraction, Fraction, Fraction> Exact)[] Operations =
    [
        ("+", DirectedRounding.AddDown, DirectedRounding.AddUp, (a, b) => a + b),
        ("-", DirectedRounding.SubtractDown, DirectedRounding.SubtractUp, (a, b) => a - b),
        ("*", DirectedRounding.MultiplyDown, DirectedRounding.MultiplyUp, (a, b) => a * b),
        ("/", DirectedRounding.DivideDown, DirectedRounding.DivideUp, (a, b) => a / b),
    ];

    [Fact]
    public void DirectedRounding_GivesTheNeighbouringDoublesOfTheExactResult()
    {
        var random = new Random(20261201);
        var tight = 0;
        for (var i = 0; i < Cases; i++)
        {
            var a = AnyDouble(random);
            var b = AnyDouble(random);
            foreach (var (name, down, up, exact) in Operations)
            {
                if (name == "/" && b == 0)
                {
                    continue;
                }

                var q = exact(ExactRational.Of(a), ExactRational.Of(b));
                var (lower, upper) = (down(a, b), up(a, b));
                var (bestLower, bestUpper) = (ExactRational.RoundDown(q), ExactRational.RoundUp(q));
                var inZone = InZone(a) || InZone(b) || InZone(q);
                var context = $"{a:R} {name} {b:R}: got [{lower:R}, {upper:R}], best [{bestLower:R}, {bestUpper:R}]";
                Assert.True(lower <= bestLower && bestUpper <= upper, $"not an enclosure: {context}");
                if (inZone)
                {
                    Assert.True(lower >= Math.BitDecrement(bestLower) && upper <= Math.BitIncrement(bestUpper), $"more than one ulp wide in the subnormal zone: {context}");
                }
                else
                {
                    Assert.True(lower == bestLower && upper == bestUpper, $"not the tightest enclosure: {context}");
                    tight++;
                }
            }
        }

        output.WriteLine($"{tight} results outside the subnormal zone, all the tightest enclosure.");
    }

    [Fact]
    public void DirectedRounding_SquareRootIsBracketedBySquares()
    {
        var random = new Random(20261202);
        for (var i = 0; i < Cases; i++)
        {
            var x = Math.Abs(AnyDouble(random));
            var (lower, upper) = (DirectedRounding.SqrtDown(x), DirectedRounding.SqrtUp(x));
            var exact = ExactRational.Of(x);
            var context = $"sqrt({x:R}): got [{lower:R}, {upper:R}]";
            Assert.True(Squared(lower) <= exact && exact <= Squared(upper), $"not an enclosure: {context}");
            var slack = InZone(x) ? 1 : 0;
            Assert.True(Squared(Step(lower, 1 + slack)) > exact || lower == upper, $"lower end not tight: {context}");
            Assert.True(Squared(Step(upper, -1 - slack)) < exact || lower == upper, $"upper end not tight: {context}");
        }
    }

    [Fact]
    public void IntervalOperations_AreTheTightestEnclosureOfTheExactRange()
    {
        var random = new Random(20261203);
        for (var i = 0; i < Cases; i++)
        {
            var x = AnyInterval(random);
            var y = AnyInterval(random);
            Check("+", x + y, x, y, (a, b) => a + b);
            Check("-", x - y, x, y, (a, b) => a - b);
            Check("*", x * y, x, y, (a, b) => a * b);
            if (!y.Contains(0))
            {
                Check("/", x / y, x, y, (a, b) => a / b);
            }
            else
            {
                Assert.Equal(Interval.Entire, x / y);
            }

            var squares = new[] { x.Lower, x.Upper }.Select(e => ExactRational.Of(e) * ExactRational.Of(e)).ToList();
            var lowest = x.Contains(0) ? Fraction.Zero : squares.Min();
            CheckAgainst("square", x.Square(), lowest, squares.Max(), InZone(x.Lower) || InZone(x.Upper) || x.Contains(0));
        }
    }

    [Fact]
    public void Interval_EnclosesEveryExactValueOfRandomExpressions()
    {
        var random = new Random(20261204);
        var widths = new List<double>();
        for (var i = 0; i < Cases; i++)
        {
            var expression = Expression.Random(random, depth: 1 + random.Next(6));
            var enclosure = expression.Enclose();
            for (var sample = 0; sample < 3; sample++)
            {
                var value = expression.Evaluate(sample);
                if (value is Fraction q)
                {
                    Assert.True(ExactRational.IsIn(q, enclosure), $"{expression} at sample {sample} = {q.ToDouble():R} is outside {enclosure}");
                }
            }

            if (double.IsFinite(enclosure.Width) && enclosure.Magnitude > 0)
            {
                widths.Add(enclosure.Width / enclosure.Magnitude);
            }
        }

        widths.Sort();
        output.WriteLine($"relative widths over {widths.Count} finite enclosures: median {widths[widths.Count / 2]:G3}");
    }

    [Fact]
    public void Interval_RejectsWhatIsNotAnInterval()
    {
        Assert.Contains("lower <= upper", Assert.Throws<ArgumentOutOfRangeException>(() => Interval.Of(2, 1)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => Interval.Of(double.NaN, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Interval.Of(double.PositiveInfinity, double.PositiveInfinity));
        Assert.Contains("finite", Assert.Throws<ArgumentOutOfRangeException>(() => Interval.Point(double.NaN)).Message, StringComparison.Ordinal);
        Assert.Contains("negative numbers", Assert.Throws<ArgumentOutOfRangeException>(() => Interval.Of(-1, 4).Sqrt()).Message, StringComparison.Ordinal);
        Assert.Throws<DivideByZeroException>(() => DirectedRounding.DivideDown(1, 0));
    }

    [Fact]
    public void Interval_OverflowGivesAnUnboundedButValidEnclosure()
    {
        var huge = Interval.Point(double.MaxValue);
        var sum = huge + huge;
        Assert.Equal(double.MaxValue, sum.Lower);
        Assert.Equal(double.PositiveInfinity, sum.Upper);
        Assert.True((sum * Interval.Zero).Contains(0));
        Assert.Equal(Interval.Entire, sum / sum);
        Assert.True(Interval.Of(1, 2).IsDisjointFrom(Interval.Of(Math.BitIncrement(2.0), 3)));
        Assert.False(Interval.Of(1, 2).IsDisjointFrom(Interval.Of(2, 3)));
    }

    private static void Check(string name, Interval result, Interval x, Interval y, Func<Fraction, Fraction, Fraction> exact)
    {
        var ends = from a in new[] { x.Lower, x.Upper }
                   from b in new[] { y.Lower, y.Upper }
                   select exact(ExactRational.Of(a), ExactRational.Of(b));
        var values = ends.ToList();
        var inZone = new[] { x.Lower, x.Upper, y.Lower, y.Upper }.Any(InZone);
        CheckAgainst($"{x} {name} {y}", result, values.Min(), values.Max(), inZone);
    }

    private static void CheckAgainst(string what, Interval result, Fraction min, Fraction max, bool inZone)
    {
        var (bestLower, bestUpper) = (ExactRational.RoundDown(min), ExactRational.RoundUp(max));
        inZone |= InZone(min) || InZone(max);
        var context = $"{what}: got {result}, best [{bestLower:R}, {bestUpper:R}]";
        Assert.True(result.Lower <= bestLower && bestUpper <= result.Upper, $"not an enclosure: {context}");
        var slack = inZone ? 1 : 0;
        Assert.True(result.Lower >= Step(bestLower, -slack) && result.Upper <= Step(bestUpper, slack), $"wider than the best enclosure: {context}");
    }

    private static bool InZone(double x) => x != 0 && Math.Abs(x) < FallbackZone;

    private static bool InZone(Fraction q) => !q.IsZero && Fraction.Abs(q) < ExactRational.Of(FallbackZone);

    private static Fraction Squared(double x) => ExactRational.Of(x) * ExactRational.Of(x);

    private static double Step(double x, int ulps)
    {
        for (var i = 0; i < Math.Abs(ulps); i++)
        {
            x = ulps > 0 ? Math.BitIncrement(x) : Math.BitDecrement(x);
        }

        return x;
    }

    /// <summary>
    /// A double from the whole finite range: a random sign, 53 random bits and a random binary exponent from the
    /// subnormals to the largest, with the edges (0, the smallest subnormal, the largest double, 1, ties) one time in eight.
    /// </summary>
    internal static double AnyDouble(Random random)
    {
        if (random.Next(8) == 0)
        {
            double[] edges = [0, double.Epsilon, double.MaxValue, 1, 0.5, 3, Math.BitIncrement(1.0), Math.ScaleB(1, -1022), Math.ScaleB(1, -969), 1e300];
            var edge = edges[random.Next(edges.Length)];
            return random.Next(2) == 0 ? edge : -edge;
        }

        var bits = random.NextInt64() & 0x000FFFFFFFFFFFFFL;
        var exponent = random.Next(4) switch
        {
            0 => random.Next(0, 2047),
            1 => random.Next(0, 80),
            _ => random.Next(1023 - 60, 1023 + 60),
        };
        var x = BitConverter.Int64BitsToDouble(((long)exponent << 52) | bits);
        return random.Next(2) == 0 ? x : -x;
    }

    internal static Interval AnyInterval(Random random)
    {
        var a = AnyDouble(random);
        var b = random.Next(3) == 0 ? a : random.Next(2) == 0 ? AnyDouble(random) : a + a * Math.ScaleB(random.NextDouble(), -random.Next(60));
        if (!double.IsFinite(b))
        {
            b = a;
        }

        return Interval.Of(Math.Min(a, b), Math.Max(a, b));
    }

    /// <summary>A random expression tree whose leaves are intervals, evaluated by interval arithmetic and exactly at points of the leaves.</summary>
    private sealed class Expression
    {
        private readonly char _op;
        private readonly Expression? _left;
        private readonly Expression? _right;
        private readonly Interval _leaf;

        private Expression(char op, Expression? left, Expression? right, Interval leaf)
        {
            _op = op;
            _left = left;
            _right = right;
            _leaf = leaf;
        }

        public static Expression Random(Random random, int depth)
        {
            if (depth == 0 || random.Next(4) == 0)
            {
                // Moderate leaves, so that most trees stay finite and their exact values stay cheap.
                var a = Math.ScaleB(random.NextDouble() * 2 - 1, random.Next(-40, 40));
                var b = random.Next(2) == 0 ? a : a + Math.ScaleB(random.NextDouble(), random.Next(-60, 10));
                return new Expression('x', null, null, Interval.Of(Math.Min(a, b), Math.Max(a, b)));
            }

            var op = "+-*/sa"[random.Next(6)];
            return op is 's' or 'a'
                ? new Expression(op, Random(random, depth - 1), null, default)
                : new Expression(op, Random(random, depth - 1), Random(random, depth - 1), default);
        }

        public Interval Enclose() => _op switch
        {
            'x' => _leaf,
            '+' => _left!.Enclose() + _right!.Enclose(),
            '-' => _left!.Enclose() - _right!.Enclose(),
            '*' => _left!.Enclose() * _right!.Enclose(),
            '/' => _left!.Enclose() / _right!.Enclose(),
            's' => _left!.Enclose().Square(),
            _ => _left!.Enclose().Abs(),
        };

        /// <summary>The exact value with every leaf at its lower end (0), upper end (1) or midpoint (2); null where a divisor is 0.</summary>
        public Fraction? Evaluate(int sample)
        {
            if (_op == 'x')
            {
                var (lower, upper) = (ExactRational.Of(_leaf.Lower), ExactRational.Of(_leaf.Upper));
                return sample switch { 0 => lower, 1 => upper, _ => (lower + upper) / new Fraction(2) };
            }

            var left = _left!.Evaluate(sample);
            if (left is not Fraction l)
            {
                return null;
            }

            if (_op is 's' or 'a')
            {
                return _op == 's' ? l * l : Fraction.Abs(l);
            }

            var right = _right!.Evaluate(sample);
            if (right is not Fraction r || (_op == '/' && r.IsZero))
            {
                return null;
            }

            return _op switch { '+' => l + r, '-' => l - r, '*' => l * r, _ => l / r };
        }

        public override string ToString() => _op switch
        {
            'x' => _leaf.ToString(),
            's' => $"sqr({_left})",
            'a' => $"|{_left}|",
            _ => $"({_left} {_op} {_right})",
        };
    }
}

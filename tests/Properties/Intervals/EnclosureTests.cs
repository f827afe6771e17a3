// The Hessian enclosure against the exact rational Hessian (brute force from the product rule, in Fractions), and
// the lambda_max enclosure against matrices whose eigenvalues are known exactly.
using System.Numerics;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Intervals;
using Sharpness.Oracles;
using Xunit;
using Xunit.Abstractions;

namespace Sharpness.Tests.Properties.Intervals;

[Trait("Category", "Intervals")]
public sealed class EnclosureTests(ITestOutputHelper output)
{
    [Fact]
    public void HessianEnclosure_ContainsTheExactHessian_AtRandomPoints()
    {
        var random = new Random(20261205);
        var entries = 0;
        for (var trial = 0; trial < 60; trial++)
        {
            var depth = 1 + random.Next(4);
            var widths = Enumerable.Range(0, depth + 1).Select(_ => 1 + random.Next(3)).ToArray();
            var layers = Enumerable.Range(1, depth).Select(i => RandomDyadic(random, widths[i], widths[i - 1])).ToList();
            var target = RandomDyadic(random, widths[depth], widths[0]);
            var lambda = random.Next(3) == 0 ? 0 : Math.ScaleB(random.Next(1, 64), -random.Next(0, 8));
            var enclosure = HessianEnclosure.Of(layers, target, lambda);
            var exact = ExactHessian(layers, target, lambda);
            var n = exact.GetLength(0);
            Assert.Equal(n, enclosure.RowCount);
            for (var u = 0; u < n; u++)
            {
                for (var v = 0; v < n; v++)
                {
                    Assert.True(ExactRational.IsIn(exact[u, v], enclosure[u, v]), $"trial {trial}, widths ({string.Join(",", widths)}): entry ({u},{v}) = {exact[u, v]} outside {enclosure[u, v]}");
                    if (lambda == 0 || u != v)
                    {
                        // Exact products: the tightest enclosure doubles allow.
                        Assert.Equal((ExactRational.RoundDown(exact[u, v]), ExactRational.RoundUp(exact[u, v])), (enclosure[u, v].Lower, enclosure[u, v].Upper));
                    }

                    entries++;
                }
            }
        }

        output.WriteLine($"{entries} exact Hessian entries, each inside its enclosure.");
    }

    [Fact]
    public void HessianEnclosure_MidpointsAgreeWithTheOracle()
    {
        var random = new Random(7);
        int[] widths = [3, 4, 2, 3];
        var layers = Enumerable.Range(1, 3).Select(i => Samples.Gaussian(random, widths[i], widths[i - 1])).ToList();
        var target = Samples.Gaussian(random, 3, 3);
        var enclosure = HessianEnclosure.Of(layers, target, 0.25);
        var oracle = new LossLandscape([.. layers.Select(l => Matrix<double>.Build.DenseOfArray(l))], Matrix<double>.Build.DenseOfArray(target), 0.25).DenseHessian();
        var scale = oracle.FrobeniusNorm();
        var worstWidth = 0.0;
        for (var u = 0; u < oracle.RowCount; u++)
        {
            for (var v = 0; v < oracle.ColumnCount; v++)
            {
                Assert.True(Math.Abs(enclosure[u, v].Midpoint - oracle[u, v]) <= 1e-12 * scale, $"entry ({u},{v}): {enclosure[u, v]} vs oracle {oracle[u, v]:R}");
                worstWidth = Math.Max(worstWidth, enclosure[u, v].Width / scale);
            }
        }

        output.WriteLine($"worst entry width {worstWidth:G3} of ||H||_F");
        Assert.True(worstWidth < 1e-15);
    }

    [Fact]
    public void RayleighQuotient_MatrixFree_AgreesWithTheDenseEnclosure()
    {
        var random = new Random(20261211);
        for (var trial = 0; trial < 40; trial++)
        {
            var depth = 1 + random.Next(4);
            var widths = Enumerable.Range(0, depth + 1).Select(_ => 1 + random.Next(3)).ToArray();
            var layers = Enumerable.Range(1, depth).Select(i => Samples.Gaussian(random, widths[i], widths[i - 1])).ToList();
            var target = trial % 2 == 0 ? null : Samples.Gaussian(random, widths[depth], widths[0]);
            var lambda = trial % 3 == 0 ? 0 : random.NextDouble();
            var n = Enumerable.Range(1, depth).Sum(i => widths[i] * widths[i - 1]);
            var v = Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();
            var dense = (target is null ? HessianEnclosure.AtOwnProduct(layers, lambda) : HessianEnclosure.Of(layers, target, lambda)).RayleighQuotient(v);
            var free = HessianEnclosure.RayleighQuotient(layers, target, lambda, v);
            Assert.False(dense.IsDisjointFrom(free), $"trial {trial}: dense {dense}, matrix-free {free}");
            Assert.True(free.Width <= 1e-12 * (free.Magnitude + 1), $"trial {trial}: {free} is wide");
        }
    }

    [Fact]
    public void LambdaMaxEnclosure_ContainsTheExactTopEigenvalue()
    {
        var random = new Random(20261206);
        var widths = new List<double>();
        for (var trial = 0; trial < 80; trial++)
        {
            var n = 1 + random.Next(6);
            var eigenvalues = Enumerable.Range(0, n).Select(_ => new Fraction(random.Next(-50, 50), random.Next(1, 8))).ToArray();
            if (trial % 4 == 0 && n > 1)
            {
                eigenvalues[1] = eigenvalues.Max(); // a tie at the top
            }

            var exact = ConjugatedDiagonal(random, eigenvalues);
            var h = IntervalMatrix.FromRows(n, n, [.. from i in Enumerable.Range(0, n)
                                                     from j in Enumerable.Range(0, n)
                                                     select Interval.Of(ExactRational.RoundDown(exact[i, j]), ExactRational.RoundUp(exact[i, j]))]);
            var enclosure = LambdaMaxEnclosure.Of(h);
            var top = eigenvalues.Max();
            Assert.True(ExactRational.IsIn(top, enclosure.Value), $"trial {trial}: lambda_max {top} outside {enclosure.Value} ({enclosure.Method})");
            var separated = eigenvalues.Count(e => e == top) == 1;
            if (separated)
            {
                Assert.True(enclosure.WhyWide is null, $"trial {trial}: separated top eigenvalue but wide: {enclosure.WhyWide}");
            }

            widths.Add(enclosure.RelativeWidth);
        }

        widths.Sort();
        output.WriteLine($"relative widths: median {widths[widths.Count / 2]:G3}, worst {widths[^1]:G3}");
    }

    [Fact]
    public void LambdaMaxEnclosure_AtADeepScalarMinimizer_IsNarrowAndContainsTheOracle()
    {
        var random = new Random(11);
        int[] widths = [1, 9, 4, 8, 24, 1];
        var layers = Enumerable.Range(1, widths.Length - 1).Select(i => Samples.Gaussian(random, widths[i], widths[i - 1])).ToList();
        var product = layers.Skip(1).Aggregate(Matrix<double>.Build.DenseOfArray(layers[0]), (p, w) => Matrix<double>.Build.DenseOfArray(w) * p);
        var target = product.ToArray();
        var enclosure = LambdaMaxEnclosure.Of(HessianEnclosure.Of(layers, target));
        var oracle = new LossLandscape([.. layers.Select(l => Matrix<double>.Build.DenseOfArray(l))], product).DenseHessian().Evd(Symmetricity.Symmetric).EigenValues.Max(e => e.Real);
        output.WriteLine($"N = 293: enclosure {enclosure.Value}, relative width {enclosure.RelativeWidth:G3}, oracle {oracle:R}");
        Assert.True(enclosure.Value.Contains(oracle) || Math.Abs(oracle - enclosure.Value.Midpoint) <= 1e-12 * enclosure.Scale);
        Assert.Null(enclosure.WhyWide);
    }

    private static double[,] RandomDyadic(Random random, int rows, int columns)
    {
        var m = new double[rows, columns];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                m[i, j] = Math.ScaleB(random.Next(-40, 41), -random.Next(0, 6)) + (random.Next(4) == 0 ? Math.ScaleB(1, -40) : 0);
            }
        }

        return m;
    }

    // The exact Hessian by the product rule: d^2/du dv ||P - M||^2 = 2 <P_u, P_v> + 2 <P - M, P_uv>, with P_u the product
    // whose layer of u is replaced by the unit matrix of u, and P_uv both replacements (zero when u, v share a layer).
    private static Fraction[,] ExactHessian(IReadOnlyList<double[,]> layers, double[,] target, double lambda)
    {
        var w = layers.Select(ToFractions).ToList();
        var index = new List<(int Layer, int Row, int Column)>();
        for (var i = 0; i < w.Count; i++)
        {
            for (var column = 0; column < w[i].GetLength(1); column++)
            {
                for (var row = 0; row < w[i].GetLength(0); row++)
                {
                    index.Add((i, row, column));
                }
            }
        }

        var residual = Subtract(Product(w), ToFractions(target));
        var n = index.Count;
        var h = new Fraction[n, n];
        for (var u = 0; u < n; u++)
        {
            for (var v = 0; v < n; v++)
            {
                var pu = Product(Replace(w, index[u]));
                var pv = Product(Replace(w, index[v]));
                var value = 2 * Inner(pu, pv);
                if (index[u].Layer != index[v].Layer)
                {
                    value += 2 * Inner(residual, Product(Replace(Replace(w, index[u]), index[v])));
                }

                if (u == v)
                {
                    value += 2 * ExactRational.Of(lambda) / new Fraction(w.Count);
                }

                h[u, v] = value;
            }
        }

        return h;
    }

    private static List<Fraction[,]> Replace(List<Fraction[,]> w, (int Layer, int Row, int Column) at)
    {
        var copy = new List<Fraction[,]>(w);
        var unit = new Fraction[w[at.Layer].GetLength(0), w[at.Layer].GetLength(1)];
        for (var i = 0; i < unit.GetLength(0); i++)
        {
            for (var j = 0; j < unit.GetLength(1); j++)
            {
                unit[i, j] = i == at.Row && j == at.Column ? Fraction.One : Fraction.Zero;
            }
        }

        copy[at.Layer] = unit;
        return copy;
    }

    private static Fraction[,] Product(List<Fraction[,]> w) => w.Skip(1).Aggregate(w[0], (p, layer) => Multiply(layer, p));

    private static Fraction[,] Multiply(Fraction[,] x, Fraction[,] y)
    {
        var z = new Fraction[x.GetLength(0), y.GetLength(1)];
        for (var i = 0; i < z.GetLength(0); i++)
        {
            for (var j = 0; j < z.GetLength(1); j++)
            {
                var sum = Fraction.Zero;
                for (var k = 0; k < x.GetLength(1); k++)
                {
                    sum += x[i, k] * y[k, j];
                }

                z[i, j] = sum;
            }
        }

        return z;
    }

    private static Fraction[,] Subtract(Fraction[,] x, Fraction[,] y)
    {
        var z = new Fraction[x.GetLength(0), x.GetLength(1)];
        for (var i = 0; i < z.GetLength(0); i++)
        {
            for (var j = 0; j < z.GetLength(1); j++)
            {
                z[i, j] = x[i, j] - y[i, j];
            }
        }

        return z;
    }

    private static Fraction Inner(Fraction[,] x, Fraction[,] y)
    {
        var sum = Fraction.Zero;
        for (var i = 0; i < x.GetLength(0); i++)
        {
            for (var j = 0; j < x.GetLength(1); j++)
            {
                sum += x[i, j] * y[i, j];
            }
        }

        return sum;
    }

    private static Fraction[,] ToFractions(double[,] m)
    {
        var f = new Fraction[m.GetLength(0), m.GetLength(1)];
        for (var i = 0; i < f.GetLength(0); i++)
        {
            for (var j = 0; j < f.GetLength(1); j++)
            {
                f[i, j] = ExactRational.Of(m[i, j]);
            }
        }

        return f;
    }

    // Q D Q^T with Q = (I - S)(I + S)^-1 the Cayley transform of a random rational skew-symmetric S: exactly orthogonal and
    // rational, so the eigenvalues of the result are exactly those of D.
    private static Fraction[,] ConjugatedDiagonal(Random random, Fraction[] eigenvalues)
    {
        var n = eigenvalues.Length;
        var s = new Fraction[n, n];
        for (var i = 0; i < n; i++)
        {
            s[i, i] = Fraction.Zero;
            for (var j = i + 1; j < n; j++)
            {
                s[i, j] = new Fraction(random.Next(-5, 6), random.Next(1, 5));
                s[j, i] = -s[i, j];
            }
        }

        var identity = new Fraction[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                identity[i, j] = i == j ? Fraction.One : Fraction.Zero;
            }
        }

        var q = Multiply(Subtract(identity, s), Inverse(Add(identity, s)));
        var d = new Fraction[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                d[i, j] = i == j ? eigenvalues[i] : Fraction.Zero;
            }
        }

        return Multiply(Multiply(q, d), Transpose(q));
    }

    private static Fraction[,] Add(Fraction[,] x, Fraction[,] y) => Subtract(x, Negate(y));

    private static Fraction[,] Negate(Fraction[,] x)
    {
        var z = new Fraction[x.GetLength(0), x.GetLength(1)];
        for (var i = 0; i < z.GetLength(0); i++)
        {
            for (var j = 0; j < z.GetLength(1); j++)
            {
                z[i, j] = -x[i, j];
            }
        }

        return z;
    }

    private static Fraction[,] Transpose(Fraction[,] x)
    {
        var z = new Fraction[x.GetLength(1), x.GetLength(0)];
        for (var i = 0; i < z.GetLength(0); i++)
        {
            for (var j = 0; j < z.GetLength(1); j++)
            {
                z[i, j] = x[j, i];
            }
        }

        return z;
    }

    // Gauss-Jordan in exact arithmetic; I + S is invertible for skew-symmetric S (its eigenvalues are 1 + i t).
    private static Fraction[,] Inverse(Fraction[,] a)
    {
        var n = a.GetLength(0);
        var m = new Fraction[n, 2 * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < 2 * n; j++)
            {
                m[i, j] = j < n ? a[i, j] : (j - n == i ? Fraction.One : Fraction.Zero);
            }
        }

        for (var col = 0; col < n; col++)
        {
            var pivot = Enumerable.Range(col, n - col).First(r => !m[r, col].IsZero);
            for (var j = 0; j < 2 * n; j++)
            {
                (m[col, j], m[pivot, j]) = (m[pivot, j], m[col, j]);
            }

            var p = m[col, col];
            for (var j = 0; j < 2 * n; j++)
            {
                m[col, j] /= p;
            }

            for (var r = 0; r < n; r++)
            {
                if (r != col && !m[r, col].IsZero)
                {
                    var f = m[r, col];
                    for (var j = 0; j < 2 * n; j++)
                    {
                        m[r, j] -= f * m[col, j];
                    }
                }
            }
        }

        var inverse = new Fraction[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                inverse[i, j] = m[i, j + n];
            }
        }

        return inverse;
    }
}

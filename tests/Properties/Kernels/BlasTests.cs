// The kernels against their documented evaluation order (bit for bit), against MathNet, and against exact rationals.
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Kernels;
using Sharpness.Tests.Properties.Intervals;
using Xunit;

namespace Sharpness.Tests.Properties.Kernels;

[Trait("Category", "Kernels")]
public sealed class BlasTests
{
    private static readonly Transpose[] Both = [Transpose.None, Transpose.Transposed];

    // Shapes on both sides of every switch: the direct path (a dimension under 4, few multiply-adds, or under 16 columns
    // of a small A), the packed path with edge tiles, more than one k block (KC = 256), more than one packed row slab
    // (2048 rows) and the parallel limit.
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 1, 1, 1 },
        { 3, 5, 7 },
        { 7, 3, 9 },
        { 5, 9, 1 },
        { 8, 6, 16 },
        { 37, 41, 29 },
        { 64, 60, 300 },
        { 2061, 17, 9 },
        { 64, 9, 300 },
        { 150, 140, 130 },
        { 9, 2500, 5 },
    };

    // Both micro-kernels, whichever this processor runs (Vector512 without AVX-512 is emulated: correct and slow).
    public static TheoryData<string, int, int, int> TilesAndShapes()
    {
        var data = new TheoryData<string, int, int, int>();
        foreach (var tile in Enum.GetNames<MicroTile>())
        {
            foreach (var row in Shapes)
            {
                data.Add(tile, (int)row[0], (int)row[1], (int)row[2]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TilesAndShapes))]
    public void Gemm_EveryEntryIsTheDocumentedFusedChain(string tileName, int m, int n, int k)
    {
        var tile = Enum.Parse<MicroTile>(tileName);
        var random = new Random((m * 7919) + (n * 31) + k);
        foreach (var transA in Both)
        {
            foreach (var transB in Both)
            {
                foreach (var (alpha, beta) in new[] { (1.0, 0.0), (0.75, 1.0), (-1.3, 0.5) })
                {
                    var (aRows, aColumns) = transA == Transpose.None ? (m, k) : (k, m);
                    var (bRows, bColumns) = transB == Transpose.None ? (k, n) : (n, k);
                    var (lda, ldb, ldc) = (aRows + 2, bRows + 1, m + 3);
                    var a = Random(random, (lda * aColumns) - 2);
                    var b = Random(random, (ldb * bColumns) - 1);
                    var c = Random(random, ldc * n);
                    if (beta == 0)
                    {
                        c[0] = double.NaN;
                    }

                    var expected = (double[])c.Clone();
                    for (var j = 0; j < n; j++)
                    {
                        for (var i = 0; i < m; i++)
                        {
                            var s = beta == 0 ? 0 : beta * c[i + (j * ldc)];
                            for (var p = 0; p < k; p++)
                            {
                                var aip = transA == Transpose.None ? a[i + (p * lda)] : a[p + (i * lda)];
                                var bpj = transB == Transpose.None ? b[p + (j * ldb)] : b[j + (p * ldb)];
                                s = Math.FusedMultiplyAdd(alpha * aip, bpj, s);
                            }

                            expected[i + (j * ldc)] = s;
                        }
                    }

                    Blas.GemmWith(tile, transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
                    Assert.True(
                        expected.AsSpan().SequenceEqual(c),
                        $"{tile} {m}x{n}x{k} {transA}/{transB} alpha {alpha} beta {beta}: first difference at {FirstDifference(expected, c)}");
                }
            }
        }
    }

    [Fact]
    public void Gemm_AgreesWithMathNet()
    {
        var random = new Random(5);
        var a = Matrix<double>.Build.Dense(90, 70, (_, _) => random.NextDouble() - 0.5);
        var b = Matrix<double>.Build.Dense(70, 110, (_, _) => random.NextDouble() - 0.5);
        var c = new double[90 * 110];
        Blas.Gemm(Transpose.None, Transpose.None, 90, 110, 70, 1, a.ToColumnMajorArray(), 90, b.ToColumnMajorArray(), 70, 0, c, 90);
        var expected = (a * b).ToColumnMajorArray();
        var bound = (a.PointwiseAbs() * b.PointwiseAbs()).ToColumnMajorArray();
        for (var i = 0; i < c.Length; i++)
        {
            // Each is within gamma_70 |A||B| of the exact product whatever its summation order (Higham, eq. 3.13), so they
            // differ by at most twice that.
            Assert.True(Math.Abs(c[i] - expected[i]) <= 140 * 1.1102230246251565e-16 * bound[i], $"entry {i}: {c[i]} vs MathNet {expected[i]}");
        }
    }

    [Fact]
    public void Gemm_IsWithinTheForwardErrorBoundOfTheExactProduct()
    {
        var random = new Random(6);
        const int m = 6, n = 5, k = 40;
        var a = Random(random, m * k);
        var b = Random(random, k * n);
        var c = new double[m * n];
        Blas.Gemm(Transpose.None, Transpose.None, m, n, k, 1, a, m, b, k, 0, c, m);
        const double u = 1.1102230246251565e-16;
        for (var j = 0; j < n; j++)
        {
            for (var i = 0; i < m; i++)
            {
                var exact = Fraction.Zero;
                var magnitude = 0.0;
                for (var p = 0; p < k; p++)
                {
                    exact += ExactRational.Of(a[i + (p * m)]) * ExactRational.Of(b[p + (j * k)]);
                    magnitude += Math.Abs(a[i + (p * m)] * b[p + (j * k)]);
                }

                // A chain of k fused multiply-adds rounds k times: |error| <= gamma_k sum |a_ip b_pj| (Higham, eq. 3.5).
                var error = ExactRational.Of(c[i + (j * m)]) - exact;
                var bound = ExactRational.Of(k * u / (1 - (k * u)) * magnitude * 1.0000001);
                Assert.True(error <= bound && -error <= bound, $"entry ({i}, {j}) is {error} from the exact product");
            }
        }
    }

    [Fact]
    public void Gemm_IsExactOnSmallIntegers()
    {
        var random = new Random(7);
        const int m = 20, n = 19, k = 33;
        var a = Enumerable.Range(0, m * k).Select(_ => (double)random.Next(-1000, 1000)).ToArray();
        var b = Enumerable.Range(0, k * n).Select(_ => (double)random.Next(-1000, 1000)).ToArray();
        var c = new double[m * n];
        Blas.Gemm(Transpose.Transposed, Transpose.None, m, n, k, 1, Transposed(a, m, k), k, b, k, 0, c, m);
        for (var j = 0; j < n; j++)
        {
            for (var i = 0; i < m; i++)
            {
                var exact = Fraction.Zero;
                for (var p = 0; p < k; p++)
                {
                    exact += new Fraction((long)a[i + (p * m)]) * new Fraction((long)b[p + (j * k)]);
                }

                Assert.Equal(exact, ExactRational.Of(c[i + (j * m)]));
            }
        }
    }

    [Fact]
    public void Gemm_WithZeroAlphaOrK_OnlyScalesC()
    {
        var c = new[] { 1.0, 2, 3, 4 };
        Blas.Gemm(Transpose.None, Transpose.None, 2, 2, 3, 0, [double.NaN, 1, 1, 1, 1, 1], 2, [1.0, 1, 1, 1, 1, 1], 3, 2, c, 2);
        Assert.Equal([2.0, 4, 6, 8], c);
        Blas.Gemm(Transpose.None, Transpose.None, 2, 2, 0, 1, [], 2, [], 1, 0, c, 2);
        Assert.Equal([0.0, 0, 0, 0], c);
    }

    [Fact]
    public void Gemm_RejectsBadShapes()
    {
        var x = new double[6];
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => Blas.Gemm(Transpose.None, Transpose.None, -1, 2, 2, 1, x, 1, x, 2, 0, x, 1));
        Assert.Equal("m", negative.ParamName);
        Assert.Equal("n", Assert.Throws<ArgumentOutOfRangeException>(() => Blas.Gemm(Transpose.None, Transpose.None, 2, -1, 2, 1, x, 2, x, 2, 0, x, 2)).ParamName);
        Assert.Equal("k", Assert.Throws<ArgumentOutOfRangeException>(() => Blas.Gemm(Transpose.None, Transpose.None, 2, 2, -1, 1, x, 2, x, 1, 0, x, 2)).ParamName);
        var lda = Assert.Throws<ArgumentOutOfRangeException>(() => Blas.Gemm(Transpose.None, Transpose.None, 3, 2, 2, 1, x, 2, x, 2, 0, x, 3));
        Assert.Equal("lda", lda.ParamName);
        Assert.Contains("lda is 2 but the stored a has 3 rows", lda.Message, StringComparison.Ordinal);
        var shortB = Assert.Throws<ArgumentException>(() => Blas.Gemm(Transpose.None, Transpose.Transposed, 2, 3, 3, 1, x, 2, new double[8], 3, 0, x, 2));
        Assert.Equal("b", shortB.ParamName);
        Assert.Contains("b has length 8 but a 3x3 matrix with leading dimension 3 needs 9", shortB.Message, StringComparison.Ordinal);
        var shortC = Assert.Throws<ArgumentException>(() => Blas.Gemm(Transpose.None, Transpose.None, 2, 4, 1, 1, x, 2, x, 1, 0, x, 2));
        Assert.Equal("c", shortC.ParamName);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(4111)]
    [InlineData(8191)] // one short of two blocks of 4096: a block count rounded up once too often would slice past the end
    [InlineData(100_003)]
    public void Dot_IsTheDocumentedOrder_AndDotManyMatchesIt(int n)
    {
        var random = new Random(n);
        var x = Random(random, n);
        var columns = Enumerable.Range(0, 3).Select(_ => Random(random, n)).ToList();
        var h = new double[3];
        Blas.DotMany(columns, x, h);
        for (var i = 0; i < 3; i++)
        {
            var expected = ReferenceDot(columns[i], x);
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(Blas.Dot(columns[i], x)));
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(h[i]));
        }
    }

    [Fact]
    public void Dot_IsWithinTheForwardErrorBoundOfTheExactSum()
    {
        var random = new Random(8);
        var x = Random(random, 3000);
        var y = Random(random, 3000);
        var exact = Fraction.Zero;
        var magnitude = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            exact += ExactRational.Of(x[i]) * ExactRational.Of(y[i]);
            magnitude += Math.Abs(x[i] * y[i]);
        }

        var error = ExactRational.Of(Blas.Dot(x, y)) - exact;
        var bound = ExactRational.Of(3000 * 1.1102230246251565e-16 * magnitude);
        Assert.True(error <= bound && -error <= bound, $"dot is {error} from the exact sum");
    }

    [Theory]
    [InlineData(13)]
    [InlineData(8191)]
    [InlineData(70_001)]
    public void AxpyMany_IsSuccessiveFusedAxpys(int n)
    {
        var random = new Random(n + 1);
        var columns = Enumerable.Range(0, 4).Select(_ => Random(random, n)).ToList();
        double[] h = [0.3, -1.7, 2.5, 1e-3];
        var y = Random(random, n);
        var expected = (double[])y.Clone();
        for (var i = 0; i < 4; i++)
        {
            var factor = -0.5 * h[i];
            for (var r = 0; r < n; r++)
            {
                expected[r] = Math.FusedMultiplyAdd(factor, columns[i][r], expected[r]);
            }
        }

        Blas.AxpyMany(-0.5, columns, h, y);
        Assert.True(expected.AsSpan().SequenceEqual(y));
        var single = (double[])expected.Clone();
        Blas.Axpy(2, columns[0], single);
        for (var r = 0; r < n; r++)
        {
            Assert.Equal(Math.FusedMultiplyAdd(2, columns[0][r], expected[r]), single[r]);
        }
    }

    // The fused sweep of Lanczos's two Gram-Schmidt passes: the same bits as the update, then the inner products and the
    // squared norm of the updated vector taken separately, below and above the parallel threshold, with fewer inner
    // products than update columns.
    [Theory]
    [InlineData(13, 4)]
    [InlineData(8191, 2)]
    [InlineData(9000, 3)]
    [InlineData(70_001, 4)]
    public void AxpyDotMany_IsAxpyManyThenDotManyThenDot(int n, int dots)
    {
        var random = new Random(n + 2);
        var columns = Enumerable.Range(0, 4).Select(_ => Random(random, n)).ToList();
        double[] h = [0.3, -1.7, 2.5, 1e-3];
        var y = Random(random, n);
        var expected = (double[])y.Clone();
        Blas.AxpyMany(-1, columns, h, expected);
        var expectedDots = new double[dots];
        Blas.DotMany(columns, expected, expectedDots);

        var fusedDots = new double[dots];
        var square = Blas.AxpyDotMany(-1, columns, h, y, fusedDots);
        Assert.True(expected.AsSpan().SequenceEqual(y));
        Assert.True(expectedDots.AsSpan().SequenceEqual(fusedDots));
        Assert.Equal(BitConverter.DoubleToInt64Bits(Blas.Dot(expected, expected)), BitConverter.DoubleToInt64Bits(square));
        var missing = Assert.Throws<ArgumentException>(() => Blas.AxpyDotMany(1, columns, h, y, new double[5]));
        Assert.Contains("5 coefficients but only 4 columns", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void VectorKernels_RejectShortOperands()
    {
        var dot = Assert.Throws<ArgumentException>(() => Blas.Dot(new double[3], new double[2]));
        Assert.Contains("y has length 2 but x has length 3", dot.Message, StringComparison.Ordinal);
        var axpy = Assert.Throws<ArgumentException>(() => Blas.Axpy(1, new double[3], new double[2]));
        Assert.Equal("y", axpy.ParamName);
        Assert.Contains("y has length 2 but x has length 3", axpy.Message, StringComparison.Ordinal);
        var many = Assert.Throws<ArgumentException>(() => Blas.DotMany([new double[3]], new double[3], new double[2]));
        Assert.Contains("2 coefficients but only 1 columns", many.Message, StringComparison.Ordinal);
        var column = Assert.Throws<ArgumentException>(() => Blas.AxpyMany(1, [new double[2]], [1.0], new double[3]));
        Assert.Contains("Column 0 has length 2 but the vector has length 3", column.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ManyColumnKernels_RejectNullColumns_ByName()
    {
        var v = new double[2];
        Assert.Equal("columns", Assert.Throws<ArgumentNullException>(() => Blas.DotMany(null!, v, v)).ParamName);
        Assert.Equal("columns", Assert.Throws<ArgumentNullException>(() => Blas.AxpyMany(1, null!, v, v)).ParamName);
        Assert.Equal("columns", Assert.Throws<ArgumentNullException>(() => Blas.AxpyDotMany(1, null!, v, v, v)).ParamName);
    }

    [Fact]
    public void Scale_MultipliesEveryEntry()
    {
        double[] x = [1, -2, 3, 4, 5, 6.5];
        Blas.Scale(-2, x);
        Assert.Equal([-2.0, 4, -6, -8, -10, -13], x);
    }

    [Fact]
    public void Kernels_ReferenceNothingOfTheSuite()
    {
        var references = typeof(Blas).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty).ToList();
        Assert.DoesNotContain(references, name => name.StartsWith("Sharpness", StringComparison.Ordinal) || name.StartsWith("MathNet", StringComparison.Ordinal));
    }

    // The order Blas.Dot documents, written out with scalars: blocks of 4096, 16 lanes, pairwise reductions, fused tail.
    private static double ReferenceDot(double[] x, double[] y)
    {
        var total = 0.0;
        for (var start = 0; start < x.Length; start += Blas.DotBlock)
        {
            var length = Math.Min(Blas.DotBlock, x.Length - start);
            var lanes = new double[16];
            var i = 0;
            for (; i + 16 <= length; i += 16)
            {
                for (var l = 0; l < 16; l++)
                {
                    lanes[l] = Math.FusedMultiplyAdd(x[start + i + l], y[start + i + l], lanes[l]);
                }
            }

            var v = new double[4];
            for (var l = 0; l < 4; l++)
            {
                v[l] = (lanes[l] + lanes[4 + l]) + (lanes[8 + l] + lanes[12 + l]);
            }

            var sum = (v[0] + v[1]) + (v[2] + v[3]);
            for (; i < length; i++)
            {
                sum = Math.FusedMultiplyAdd(x[start + i], y[start + i], sum);
            }

            total += sum;
        }

        return total;
    }

    private static double[] Random(Random random, int length) =>
        [.. Enumerable.Range(0, length).Select(_ => (random.NextDouble() - 0.5) * Math.Pow(2, random.Next(-4, 5)))];

    private static double[] Transposed(double[] a, int rows, int columns)
    {
        var t = new double[a.Length];
        for (var j = 0; j < columns; j++)
        {
            for (var i = 0; i < rows; i++)
            {
                t[j + (i * columns)] = a[i + (j * rows)];
            }
        }

        return t;
    }

    private static int FirstDifference(double[] expected, double[] actual)
    {
        for (var i = 0; i < expected.Length; i++)
        {
            if (BitConverter.DoubleToInt64Bits(expected[i]) != BitConverter.DoubleToInt64Bits(actual[i]))
            {
                return i;
            }
        }

        return -1;
    }
}

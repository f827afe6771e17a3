// Claims certified at instances: the Hessian's enclosure (oracle side) against the closed forms' enclosures (formula
// side). Intersecting enclosures certify a claim up to their width; disjoint ones, or an exact identity, prove it wrong.
// Every counterexample of the README's Findings gets the strongest certificate available.
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Intervals;
using Sharpness.Oracles;
using Sharpness.Theory;
using Sharpness.Theory.Certified;
using Xunit;
using Xunit.Abstractions;

namespace Sharpness.Tests.Properties.Intervals;

[Trait("Category", "Intervals")]
public sealed class CertificateTests(ITestOutputHelper output)
{
    [Fact]
    public void ExactT5_T4_C6_CertifiedToHold_AtRandomMinimizers_AndMutantsCertifiedToFail()
    {
        var random = new Random(20261207);
        var worst = 0.0;
        for (var trial = 0; trial < 40; trial++)
        {
            var depth = 1 + random.Next(4);
            var (first, last) = trial % 3 == 0 ? (1, 1) : (1 + random.Next(3), 1 + random.Next(3));
            var widths = Enumerable.Range(0, depth + 1).Select(i => i == 0 ? first : i == depth ? last : Math.Min(first, last) + random.Next(3)).ToArray();

            var layers = Enumerable.Range(1, depth).Select(i => Samples.Gaussian(random, widths[i], widths[i - 1])).ToList();
            var minimizer = Minimizer.OfProduct(layers.Select(l => Matrix<double>.Build.DenseOfArray(l)));
            var hessian = LambdaMaxEnclosure.Of(HessianEnclosure.AtOwnProduct(layers));
            var theorem5 = EnclosedClosedForms.Theorem5LambdaMax(minimizer);
            var context = $"trial {trial}, widths ({string.Join(",", widths)}): Hessian {hessian.Value}, EXACT-T5 {theorem5}";
            Assert.False(hessian.Value.IsDisjointFrom(theorem5), context);
            Assert.True(hessian.Value.IsDisjointFrom(theorem5 / Interval.Point(2)), $"the halved mutant is not certified wrong: {context}");
            worst = Math.Max(worst, hessian.Value.Hull(theorem5).Width / hessian.Scale);
            if (widths[0] == 1 && widths[^1] == 1)
            {
                Assert.False(hessian.Value.IsDisjointFrom(EnclosedClosedForms.Theorem4LambdaMax(minimizer)), context);
            }

            if (depth == 2)
            {
                Assert.False(hessian.Value.IsDisjointFrom(EnclosedClosedForms.Corollary6LambdaMax(minimizer)), context);
            }

            // EXACT-MM eq. 35 is a lower bound: never certified to fail.
            Assert.False(EnclosedClosedForms.FlatValue(minimizer).Lower > hessian.Value.Upper, context);
        }

        output.WriteLine($"EXACT-T5 certified at 40 minimizers; worst width of the union of both enclosures {worst:G3} of ||H||_F");
        Assert.True(worst < 1e-12);
    }

    [Fact]
    public void EnclosedScalarForms_AreNarrowAndAgreeWithTheDoubleFormulas()
    {
        var random = new Random(20261210);
        for (var trial = 0; trial < 200; trial++)
        {
            var depth = 2 + random.Next(7);
            var m = Math.ScaleB(random.NextDouble() + 0.1, random.Next(-20, 20)) * (random.Next(2) == 0 ? 1 : -1);
            var lambda = Math.ScaleB(random.NextDouble() + 0.1, random.Next(-10, 10));
            var w = Math.ScaleB(random.NextDouble(), random.Next(-3, 3));
            int[] widths = [.. Enumerable.Range(0, depth + 1).Select(_ => 1 + random.Next(4))];
            var c = Math.ScaleB(random.NextDouble() + 0.1, random.Next(-5, 5));
            Close(EnclosedClosedForms.CriticalLambda(m, depth), Sharpness.Theory.Regularized.CriticalLambda.Of(m, depth));
            Close(EnclosedClosedForms.TraceLowerBound(widths, lambda, c), Sharpness.Theory.Regularized.TraceLowerBound.Of(widths, lambda, c));
            var printed = EnclosedClosedForms.Theorem3PrintedEigenvalues(w, lambda, depth);
            var last = (2 * depth * Math.Pow(w, (2 * depth) - 2)) + (4 * lambda / depth) - (2 * lambda);
            Close(printed[^1], last, (2 * depth * Math.Pow(w, (2 * depth) - 2)) + (2 * lambda));
            Close(printed[0], 4 * lambda / depth);
        }

        static void Close(Interval enclosure, double value, double? scale = null)
        {
            var s = scale ?? Math.Abs(value);
            Assert.True(enclosure.Width <= 1e-14 * s, $"{enclosure} is wide");
            Assert.True(Math.Abs(enclosure.Midpoint - value) <= 1e-12 * s, $"{enclosure} vs {value:R}");
        }
    }

    /// <summary>
    /// Layers of sizes 1e-160, 1e-160, 1e160 (widths 2,2,2,2): the partial product W_2 W_1 is subnormal (1e-320) and keeps
    /// about three digits. The floating-point oracles formed the residual M - W_3 (W_2 W_1) from it and were off by about
    /// 4e-4 (the certificate showed that the formula was right and the oracle wrong); they now form the product from layers
    /// scaled by powers of two, and all three numbers agree inside the proven enclosure.
    /// </summary>
    [Fact]
    public void ExactT5_AtSubnormalPartialProducts_OracleAgreesWithTheCertificate()
    {
        var random = new Random(3);
        double[] scales = [1e-160, 1e-160, 1e160];
        var layers = scales.Select(c =>
        {
            var m = new double[2, 2];
            for (var i = 0; i < 2; i++)
            {
                for (var j = 0; j < 2; j++)
                {
                    m[i, j] = c * (random.NextDouble() - 0.5);
                }
            }

            return m;
        }).ToList();
        var matrices = layers.Select(l => Matrix<double>.Build.DenseOfArray(l)).ToList();
        var minimizer = Minimizer.OfProduct(matrices);
        var enclosure = LambdaMaxEnclosure.Of(HessianEnclosure.AtOwnProduct(layers)).Value;
        var theorem5 = Sharpness.Theory.Exact.Theorem5.LambdaMax(minimizer);
        var landscape = new LossLandscape(matrices, minimizer.Target);
        var oracle = landscape.DenseHessian().Evd(Symmetricity.Symmetric).EigenValues.Max(e => e.Real);
        var lanczos = Lanczos.Largest(landscape.HessianOperator()).Eigenvalue;
        output.WriteLine($"proven lambda_max {enclosure}, EXACT-T5 {theorem5:R}, dense oracle {oracle:R}, Lanczos {lanczos:R}");
        Assert.True(enclosure.Contains(theorem5));
        Assert.True(Math.Abs(oracle - enclosure.Midpoint) <= 1e-14 * enclosure.Midpoint, $"dense oracle {oracle:R}");
        Assert.True(Math.Abs(lanczos - enclosure.Midpoint) <= 1e-12 * enclosure.Midpoint, $"Lanczos {lanczos:R}");
    }

    [Fact]
    public void ExactCe_RationalCompanion_IsFlatButNotBalanced_Exactly()
    {
        // M = diag(9, 2, 1) = Lf R^T with Lf = diag(3, 1, 1), R = diag(3, 2, 1): smax(Lf) = smax(R) = 3 = sqrt(smax(M)).
        double[,] lf = { { 3, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } };
        double[,] rt = { { 3, 0, 0 }, { 0, 2, 0 }, { 0, 0, 1 } };
        var layers = new List<double[,]> { rt, lf };
        var hessian = LambdaMaxEnclosure.Of(HessianEnclosure.AtOwnProduct(layers));
        var minimizer = Minimizer.OfProduct(layers.Select(l => Matrix<double>.Build.DenseOfArray(l)));
        var flat = EnclosedClosedForms.FlatValue(minimizer);
        output.WriteLine($"lambda_max in {hessian.Value}, flat value (eq. 35) {flat}");
        Assert.True(hessian.Value.Contains(36) && flat.Contains(36));
        Assert.False(hessian.Value.IsDisjointFrom(flat));
        var l = DyadicMatrix.Of(lf);
        var r = DyadicMatrix.Of(rt).Transpose();
        Assert.False((l * l.Transpose() - r * r.Transpose()).IsZero()); // Lf Lf^T = diag(9,1,1) != R R^T = diag(9,4,1)
        Assert.NotEqual(l.FrobeniusSquared(), r.FrobeniusSquared());    // 11 != 14
    }

    [Fact]
    public void ExactCe_AsPrinted_IsFlatUpToTheEnclosureWidth()
    {
        double[,] lf = { { Math.Sqrt(11), 0, 0 }, { 0, 2.0 / 3, 0 }, { 0, 0, 1 } };
        double[,] rt = { { Math.Sqrt(11), 0, 0 }, { 0, 3, 0 }, { 0, 0, 1 } };
        var layers = new List<double[,]> { rt, lf };
        var hessian = LambdaMaxEnclosure.Of(HessianEnclosure.AtOwnProduct(layers));
        var flat = EnclosedClosedForms.FlatValue(Minimizer.OfProduct(layers.Select(x => Matrix<double>.Build.DenseOfArray(x))));
        output.WriteLine($"lambda_max in {hessian.Value} (width {hessian.RelativeWidth:G3} relative), flat value {flat}");
        Assert.False(hessian.Value.IsDisjointFrom(flat));
        Assert.True(hessian.Value.Contains(44) || Math.Abs(hessian.Value.Midpoint - 44) < 1e-13 * 44);
    }

    [Fact]
    public void ExactMm_Eq31FailsAtZeroTarget_Exactly()
    {
        // L = 3, widths 1, w = (1, 0, 0), m = 0: every Hessian entry is exactly 0, so lambda_max = 0 is the flat value,
        // while eq. 31 demands smax(B_2) = |w_1| = |m|^(1/3) = 0.
        var layers = new List<double[,]> { new double[,] { { 1 } }, new double[,] { { 0 } }, new double[,] { { 0 } } };
        var h = HessianEnclosure.Of(layers, new double[,] { { 0 } });
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                Assert.Equal(Interval.Zero, h[i, j]);
            }
        }

        Assert.NotEqual(0.0, layers[0][0, 0]);
    }

    [Fact]
    public void RegT3_FailsAtCollapsedMinimizers_Exactly()
    {
        // L = 2, m = 0, lambda = 1, w = 0: the Hessian is exactly I (eigenvalues 1, 1); eq. 17 says {2, 0}.
        var h = HessianEnclosure.Of([new double[,] { { 0 } }, new double[,] { { 0 } }], new double[,] { { 0 } }, 1);
        Assert.Equal((Interval.Point(1), Interval.Zero, Interval.Zero, Interval.Point(1)), (h[0, 0], h[0, 1], h[1, 0], h[1, 1]));
        var printed = EnclosedClosedForms.Theorem3PrintedEigenvalues(0, 1, 2);
        Assert.Equal([Interval.Point(2), Interval.Zero], printed);
        Assert.Equal([Interval.Point(1), Interval.Point(1)], EnclosedClosedForms.Theorem3Eigenvalues(0, 0, 1, 2));

        // L = 3, m = 1, lambda = 3 > lambda_c: the Hessian is exactly 2 I; eq. 17 gives the negative 4 - 6 = -2.
        var h3 = HessianEnclosure.Of([new double[,] { { 0 } }, new double[,] { { 0 } }, new double[,] { { 0 } }], new double[,] { { 1 } }, 3);
        Assert.Equal(Interval.Point(2), h3[1, 1]);
        Assert.Equal(Interval.Zero, h3[0, 2]);
        Assert.True(EnclosedClosedForms.Theorem3PrintedEigenvalues(0, 3, 3)[^1].Upper < 0);
        Assert.True(EnclosedClosedForms.CriticalLambda(1, 3).Upper < 3);

        // Global minimality of w = 0 there: (1 - rho)^2 + 3 |rho|^(2/3) - 1 = t^2 (t^4 -+ 2 t + 3) with t = |rho|^(1/3),
        // and t^4 -+ 2t + 3 = (t^2 - 1)^2 + 2 (t -+ 1/2)^2 + 3/2 > 0: an exact sum-of-squares certificate.
        Assert.True(Polynomial.Equal([3, -2, 0, 0, 1], Polynomial.Add(Polynomial.Square([-1, 0, 1]), Polynomial.Scale(2, Polynomial.Square([-0.5, 1])), [1.5])));
        Assert.True(Polynomial.Equal([3, 2, 0, 0, 1], Polynomial.Add(Polynomial.Square([-1, 0, 1]), Polynomial.Scale(2, Polynomial.Square([0.5, 1])), [1.5])));
    }

    [Fact]
    public void RegT2_TwoGlobalMinimizersAtLambdaC_Exactly()
    {
        // L = 3, m = 2, lambda = 3 = lambda_c: rho = 0 and rho = 1 (w_i = 1) have exactly equal loss 4 = (D, R) = (4, 0) and (1, 3).
        static Dyadic ThreeTimesLoss(double w) => (Dyadic.Of(3) * (Dyadic.Of(2) - Dyadic.Of(w * w * w)) * (Dyadic.Of(2) - Dyadic.Of(w * w * w))) + (Dyadic.Of(3) * Dyadic.Of(3 * w * w));
        Assert.Equal(ThreeTimesLoss(0), ThreeTimesLoss(1));
        Assert.True(EnclosedClosedForms.CriticalLambda(2, 3).Contains(3));

        // Both are global: (2 - rho)^2 + 3 |rho|^(2/3) - 4 = t^2 (t - 1)^2 (t^2 + 2t + 3) for rho = t^3 >= 0, and
        // t^2 (t^4 + 4t + 3) > 0 for rho = -t^3 < 0; t^4 - 4t + 3 = (t - 1)^2 (t^2 + 2t + 3) exactly.
        Assert.True(Polynomial.Equal([3, -4, 0, 0, 1], Polynomial.Multiply(Polynomial.Square([-1, 1]), [3, 2, 1])));
    }

    [Fact]
    public void RegIso_NullVectorAtLambdaTwiceM_Exactly()
    {
        // L = 2, m = 1, lambda = 2, w = 0: the Hessian is exactly [[2, -2], [-2, 2]], and (1, 1) is a null vector.
        var h = HessianEnclosure.Of([new double[,] { { 0 } }, new double[,] { { 0 } }], new double[,] { { 1 } }, 2);
        Assert.Equal((Interval.Point(2), Interval.Point(-2), Interval.Point(-2), Interval.Point(2)), (h[0, 0], h[0, 1], h[1, 0], h[1, 1]));
        Assert.Equal(Interval.Zero, h[0, 0] + h[0, 1]);
        Assert.Equal(Interval.Zero, h[1, 0] + h[1, 1]);

        // w = 0 is the global minimizer: (1 - rho)^2 + 2 |rho| - 1 = rho^2 + 2 |rho| - 2 rho >= 0.
        Assert.True(Polynomial.Equal([0, 0, 1], Polynomial.Add([1, -2, 1], [0, 2], [-1]))); // rho >= 0: rho^2
    }

    /// <summary>Polynomials as coefficient lists (constant first) with exact dyadic coefficients, for exact identities.</summary>
    private static class Polynomial
    {
        public static double[] Multiply(double[] p, double[] q)
        {
            var r = new Dyadic[p.Length + q.Length - 1];
            for (var i = 0; i < p.Length; i++)
            {
                for (var j = 0; j < q.Length; j++)
                {
                    r[i + j] += Dyadic.Of(p[i]) * Dyadic.Of(q[j]);
                }
            }

            return [.. r.Select(Exact)];
        }

        public static double[] Square(double[] p) => Multiply(p, p);

        public static double[] Scale(double c, double[] p) => Multiply([c], p);

        public static double[] Add(params double[][] terms)
        {
            var r = new Dyadic[terms.Max(t => t.Length)];
            foreach (var t in terms)
            {
                for (var i = 0; i < t.Length; i++)
                {
                    r[i] += Dyadic.Of(t[i]);
                }
            }

            return [.. r.Select(Exact)];
        }

        public static bool Equal(double[] p, double[] q) =>
            Enumerable.Range(0, Math.Max(p.Length, q.Length)).All(i => Dyadic.Of(i < p.Length ? p[i] : 0) == Dyadic.Of(i < q.Length ? q[i] : 0));

        // The coefficients here are small dyadics, so each is a double exactly; a coefficient that is not would be refused.
        private static double Exact(Dyadic d)
        {
            var x = d.Enclose();
            Assert.Equal(x.Lower, x.Upper);
            return x.Lower;
        }
    }
}

[Trait("Category", "Intervals")]
public sealed class ExactRankTests(ITestOutputHelper output)
{
    [Fact]
    public void DyadicMatrix_Rank_AgreesWithRationalElimination()
    {
        var random = new Random(20261208);
        for (var trial = 0; trial < 200; trial++)
        {
            var (rows, columns) = (1 + random.Next(6), 1 + random.Next(6));
            var rank = 1 + random.Next(Math.Min(rows, columns));
            // A product of random integer factors has rank at most 'rank'; scaled by powers of two to exercise exponents.
            var x = Integers(random, rows, rank);
            var y = Integers(random, rank, columns);
            var product = new double[rows, columns];
            for (var i = 0; i < rows; i++)
            {
                for (var j = 0; j < columns; j++)
                {
                    var sum = 0.0;
                    for (var k = 0; k < rank; k++)
                    {
                        sum += x[i, k] * y[k, j];
                    }

                    product[i, j] = Math.ScaleB(sum, -random.Next(0, 60));
                }
            }

            Assert.Equal(RationalRank(product), DyadicMatrix.Of(product).Rank());
        }
    }

    [Fact]
    public void ExactRank_HessianRankIsExactly_q_dZeroPlusdL_Minusq_AtGaussianMinimizers()
    {
        // EXACT-RANK (rank <= d_0 d_L) certified exactly; the exact rank is SINGH-RANK's q (d_0 + d_L - q) in general position.
        var random = new Random(20261209);
        for (var trial = 0; trial < 25; trial++)
        {
            var depth = 1 + random.Next(3);
            var (first, last) = (1 + random.Next(3), 1 + random.Next(3));
            var widths = Enumerable.Range(0, depth + 1).Select(i => i == 0 ? first : i == depth ? last : Math.Min(first, last) + random.Next(2)).ToArray();
            // Gaussian layers are in general position with probability one (small integers often are not: a zero 1x1 layer).
            var layers = Enumerable.Range(1, depth).Select(i => Samples.Gaussian(random, widths[i], widths[i - 1])).ToList();
            var rank = HessianEnclosure.ExactAtOwnProduct(layers).Rank();
            var q = widths.Min();
            Assert.True(rank <= widths[0] * widths[^1], $"widths ({string.Join(",", widths)}): rank {rank} > d_0 d_L");
            Assert.True(q * (widths[0] + widths[^1] - q) == rank, $"widths ({string.Join(",", widths)}): exact rank {rank}, q (d_0 + d_L - q) = {q * (widths[0] + widths[^1] - q)}");
        }

        output.WriteLine("25 exact Hessian ranks at Gaussian minimizers, each q (d_0 + d_L - q) <= d_0 d_L.");
    }

    private static double[,] Integers(Random random, int rows, int columns)
    {
        var m = new double[rows, columns];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                m[i, j] = random.Next(-9, 10);
            }
        }

        return m;
    }

    private static int RationalRank(double[,] m)
    {
        var (rows, columns) = (m.GetLength(0), m.GetLength(1));
        var a = new Fractions.Fraction[rows, columns];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                a[i, j] = ExactRational.Of(m[i, j]);
            }
        }

        var rank = 0;
        for (var c = 0; c < columns && rank < rows; c++)
        {
            var pivot = Enumerable.Range(rank, rows - rank).FirstOrDefault(r => !a[r, c].IsZero, -1);
            if (pivot < 0)
            {
                continue;
            }

            for (var k = 0; k < columns; k++)
            {
                (a[rank, k], a[pivot, k]) = (a[pivot, k], a[rank, k]);
            }

            for (var r = rank + 1; r < rows; r++)
            {
                var f = a[r, c] / a[rank, c];
                for (var k = 0; k < columns; k++)
                {
                    a[r, k] -= f * a[rank, k];
                }
            }

            rank++;
        }

        return rank;
    }
}

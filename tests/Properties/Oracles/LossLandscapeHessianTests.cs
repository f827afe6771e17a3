// The loss landscape oracle against first principles: finite differences, jets, and the matrix-free product.
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Oracles;
using Xunit;

namespace Sharpness.Tests.Properties.Oracles;

/// <summary>The loss landscape oracle (loss, gradient, Hessian, jets, matrix-free product) checked against first principles.</summary>
[Trait("Category", "Oracle")]
public sealed class LossLandscapeHessianTests
{
    // Widths d_0..d_L: L = 2, 3, 4, with scalar ends (d_0 = d_L = 1), matrix ends, and mixed ends.
    /// <summary>Seeded random points (seed, widths d_0..d_L, lambda); none is a minimizer.</summary>
    public static TheoryData<int, int[], double> Points => new()
    {
        { 1, [1, 3, 1], 0.0 },
        { 2, [2, 3, 2], 0.0 },
        { 3, [1, 3, 2, 1], 0.0 },
        { 4, [2, 3, 2, 3], 0.7 },
        { 5, [1, 2, 3, 2, 1], 0.0 },
        { 6, [3, 2, 4, 2, 2], 0.25 },
        { 7, [2, 4, 3], 1.5 },
        { 8, [1, 2, 3, 2, 1], 0.5 },
    };

    /// <summary>A 1x1 two-layer chain whose loss, gradient and Hessian are computed by hand.</summary>
    [Fact]
    public void ScalarChain_MatchesHandComputedLossGradientAndHessian()
    {
        // f(a, b) = (ab - m)^2 + (lambda/2)(a^2 + b^2) at a = 2, b = 3, m = 5, lambda = 1.
        var landscape = new LossLandscape([Scalar(2), Scalar(3)], Scalar(5), lambda: 1);

        Assert.Equal(7.5, landscape.Loss(), 14);
        double[] gradient = [(2 * 1 * 3) + 2, (2 * 1 * 2) + 3];
        Assert.True(OracleSamples.MaxAbsDifference(gradient, landscape.Gradient()) < 1e-14);
        var expected = Matrix<double>.Build.DenseOfArray(new double[,] { { 19, 14 }, { 14, 9 } });
        Assert.True(OracleSamples.MaxAbs(landscape.DenseHessian() - expected) < 1e-13);
        Assert.Equal(19 + 28 + 9, landscape.SecondDirectionalDerivative([1.0, 1.0]), 12);
        int[] widths = [1, 1, 1];
        Assert.Equal(widths, landscape.Widths);
        Assert.Equal(2, landscape.Depth);
        Assert.Equal(2, landscape.ParameterCount);
    }

    /// <summary>The dense Hessian equals the central-difference Hessian of the loss (default step).</summary>
    [Theory]
    [MemberData(nameof(Points))]
    public void DenseHessian_MatchesFiniteDifferenceHessianOfLoss(int seed, int[] widths, double lambda)
    {
        var landscape = OracleSamples.RandomPoint(seed, widths, lambda);
        var w = landscape.Parameters();
        var hessian = landscape.DenseHessian();
        var scale = OracleSamples.MaxAbs(hessian);

        // Truncation is O(h^2) in general, and roundoff about eps |f| / h^2 ~ 2e-16 * |f| / 1e-8 ~ 1e-8 |f| at h = 1e-4;
        // with |f| = O(10) here, 1e-6 of the Hessian's scale leaves a wide margin yet catches any wrong term (O(1) errors).
        var fd = OracleSamples.ToMatrix(FiniteDifferences.Hessian(x => landscape.Loss(x), w));
        var error = OracleSamples.MaxAbs(hessian - fd);
        Assert.True(error <= 1e-6 * scale, $"max |H - H_fd| = {error:G3}, scale {scale:G3}");
    }

    /// <summary>With a large step the stencils are exact for this loss, so the agreement is to roundoff.</summary>
    [Theory]
    [MemberData(nameof(Points))]
    public void DenseHessian_MatchesLargeStepFiniteDifferences_ToRoundoff(int seed, int[] widths, double lambda)
    {
        // The product is linear in each parameter, so f restricted to any two coordinates is a polynomial of degree <= 2 in
        // each; the central stencils are then EXACT (no truncation at any h). A large step h = 0.25 shrinks the roundoff
        // eps |f| / h^2 to ~1e-14 |f|, so the analytic Hessian must agree to ~1e-11 relative: a much sharper check.
        var landscape = OracleSamples.RandomPoint(seed, widths, lambda);
        var hessian = landscape.DenseHessian();
        var fd = OracleSamples.ToMatrix(FiniteDifferences.Hessian(x => landscape.Loss(x), landscape.Parameters(), relativeStep: 0.25));
        var error = OracleSamples.MaxAbs(hessian - fd);
        var scale = Math.Max(OracleSamples.MaxAbs(hessian), landscape.Loss());
        Assert.True(error <= 1e-11 * scale, $"max |H - H_fd| = {error:G3}, scale {scale:G3}");
    }

    /// <summary>The analytic gradient equals central differences of the loss.</summary>
    [Theory]
    [MemberData(nameof(Points))]
    public void Gradient_MatchesFiniteDifferences(int seed, int[] widths, double lambda)
    {
        var landscape = OracleSamples.RandomPoint(seed, widths, lambda);
        var gradient = landscape.Gradient();
        var scale = Math.Max(1, gradient.Max(Math.Abs));

        // Exact stencil again (f is quadratic along each coordinate); only roundoff eps |f| / h ~ 1e-12 |f| remains.
        var fd = FiniteDifferences.Gradient(x => landscape.Loss(x), landscape.Parameters());
        Assert.True(OracleSamples.MaxAbsDifference(gradient, fd) <= 1e-9 * scale);
        var coarse = FiniteDifferences.Gradient(x => landscape.Loss(x), landscape.Parameters(), relativeStep: 0.25);
        Assert.True(OracleSamples.MaxAbsDifference(gradient, coarse) <= 1e-12 * Math.Max(scale, landscape.Loss()));
    }

    /// <summary>The gradient at an arbitrary vector is the gradient of the landscape built at that vector's layers.</summary>
    [Theory]
    [MemberData(nameof(Points))]
    public void GradientAtVector_EqualsGradientOfLandscapeAtThatPoint(int seed, int[] widths, double lambda)
    {
        var random = new Random(seed);
        var layers = OracleSamples.Layers(random, widths);
        var target = OracleSamples.Gaussian(random, widths[^1], widths[0]);
        var here = new LossLandscape(layers, target, lambda);
        var there = new LossLandscape(OracleSamples.Layers(new Random(seed + 1000), widths), target, lambda);

        Assert.Equal(there.Gradient(), here.Gradient(there.Parameters()));
        Assert.Equal(there.Loss(), here.Loss(there.Parameters()));
    }

    /// <summary>The jet second derivative equals u^T H u.</summary>
    [Theory]
    [MemberData(nameof(Points))]
    public void SecondDirectionalDerivative_EqualsQuadraticFormOfDenseHessian(int seed, int[] widths, double lambda)
    {
        var landscape = OracleSamples.RandomPoint(seed, widths, lambda);
        var hessian = landscape.DenseHessian();
        var random = new Random(seed + 100);
        for (var trial = 0; trial < 5; trial++)
        {
            var u = Vector<double>.Build.Dense(landscape.ParameterCount, _ => random.NextDouble() - 0.5);
            var jet = landscape.SecondDirectionalDerivative(u.ToArray());
            var quadratic = u * (hessian * u);

            // Two independent exact computations: only roundoff separates them, relative to ||H|| ||u||^2.
            var scale = hessian.FrobeniusNorm() * u.DotProduct(u);
            Assert.True(Math.Abs(jet - quadratic) <= 1e-12 * scale, $"jet {jet:R} vs u^T H u {quadratic:R}");
        }
    }

    /// <summary>The matrix-free product with e_j is column j of the dense Hessian.</summary>
    [Theory]
    [MemberData(nameof(Points))]
    public void HessianOperator_ReproducesEveryColumnOfDenseHessian(int seed, int[] widths, double lambda)
    {
        var landscape = OracleSamples.RandomPoint(seed, widths, lambda);
        var hessian = landscape.DenseHessian();
        var op = landscape.HessianOperator();
        var n = landscape.ParameterCount;
        Assert.Equal(n, op.Dimension);
        var scale = OracleSamples.MaxAbs(hessian);
        var e = new double[n];
        var y = new double[n];
        for (var j = 0; j < n; j++)
        {
            Array.Clear(e);
            e[j] = 1;
            op.Multiply(e, y);
            var column = hessian.Column(j).ToArray();
            Assert.True(OracleSamples.MaxAbsDifference(column, y) <= 1e-13 * scale, $"column {j}");
        }

        var v = Vector<double>.Build.Dense(n, i => Math.Sin(i + 1.0));
        op.Multiply(v.ToArray(), y);
        Assert.True(OracleSamples.MaxAbsDifference((hessian * v).ToArray(), y) <= 1e-13 * scale * n);
    }

    /// <summary>The dense Hessian is exactly symmetric and the shape members agree with the widths.</summary>
    [Theory]
    [MemberData(nameof(Points))]
    public void DenseHessian_IsExactlySymmetric_AndLossMatchesAtOwnParameters(int seed, int[] widths, double lambda)
    {
        var landscape = OracleSamples.RandomPoint(seed, widths, lambda);
        var hessian = landscape.DenseHessian();
        Assert.Equal(hessian, hessian.Transpose());
        Assert.Equal(landscape.Loss(), landscape.Loss(landscape.Parameters()));
        Assert.Equal(widths.Length - 1, landscape.Depth);
        Assert.Equal(widths, landscape.Widths);
        Assert.Equal(Enumerable.Range(1, widths.Length - 1).Sum(i => widths[i] * widths[i - 1]), landscape.ParameterCount);
    }

    /// <summary>At a minimizer the Hessian is PSD and equals 2 J^T J (J the Jacobian of vec(product)).</summary>
    [Theory]
    [InlineData(11, new[] { 1, 3, 1 })]
    [InlineData(12, new[] { 2, 3, 2 })]
    [InlineData(13, new[] { 1, 2, 3, 2, 1 })]
    [InlineData(14, new[] { 3, 2, 4, 2 })]
    public void AtMinimizer_HessianIsPsdAndEqualsTwiceJacobianGram(int seed, int[] widths)
    {
        var random = new Random(seed);
        var layers = OracleSamples.Layers(random, widths);
        var landscape = new LossLandscape(layers, OracleSamples.Product(layers));
        var w = landscape.Parameters();

        // vec(P(w)): each layer reshaped column-major exactly as the parameter vector stacks it.
        double[] VecProduct(double[] x)
        {
            var offset = 0;
            var parts = new List<Matrix<double>>();
            for (var i = 1; i < widths.Length; i++)
            {
                var size = widths[i] * widths[i - 1];
                parts.Add(Matrix<double>.Build.Dense(widths[i], widths[i - 1], x[offset..(offset + size)]));
                offset += size;
            }

            return OracleSamples.Product(parts).ToColumnMajorArray();
        }

        // P is linear in each coordinate, so the central Jacobian is exact up to roundoff.
        var jacobian = OracleSamples.ToMatrix(FiniteDifferences.Jacobian(VecProduct, w));
        var gaussNewton = 2 * jacobian.TransposeThisAndMultiply(jacobian);
        var hessian = landscape.DenseHessian();
        var scale = OracleSamples.MaxAbs(hessian);
        Assert.True(OracleSamples.MaxAbs(hessian - gaussNewton) <= 1e-9 * scale);
        Assert.True(landscape.Loss() < 1e-28);
        Assert.True(landscape.Gradient().Max(Math.Abs) < 1e-13);

        var eigenvalues = DenseSpectrum.Eigenvalues(hessian);
        Assert.True(eigenvalues[0] >= -1e-12 * eigenvalues[^1], $"smallest eigenvalue {eigenvalues[0]:G3}");
    }

    /// <summary>The dense Hessian at N ~ 2,600 agrees with the matrix-free product column by column (its speed is measured in bench/, not in a timed test).</summary>
    [Fact]
    public void DenseHessian_AtTwoThousandFiveHundredParameters_MatchesTheMatrixFreeProduct()
    {
        int[] widths = [10, 35, 35, 30];
        var landscape = OracleSamples.RandomPoint(21, widths, 0.1);
        Assert.Equal(2625, landscape.ParameterCount);
        var hessian = landscape.DenseHessian();

        // Spot-check a few columns against the matrix-free product (independent code).
        var op = landscape.HessianOperator();
        var y = new double[landscape.ParameterCount];
        foreach (var j in new[] { 0, 349, 350, 1574, 1575, 2624 })
        {
            var e = new double[landscape.ParameterCount];
            e[j] = 1;
            op.Multiply(e, y);
            Assert.True(OracleSamples.MaxAbsDifference(hessian.Column(j).ToArray(), y) <= 1e-12 * OracleSamples.MaxAbs(hessian));
        }
    }

    private static Matrix<double> Scalar(double x) => Matrix<double>.Build.Dense(1, 1, x);
}

// The memory cap of the Krylov basis, the HVP's reuse of its workspaces, and layers wider than an identity could be.
using Sharpness.Oracles;
using Xunit;

namespace Sharpness.Tests.Properties.Oracles;

/// <summary>Lanczos under a memory cap, and the Hessian-vector product at shapes where identities would not fit.</summary>
[Trait("Category", "Oracle")]
public sealed class LanczosScaleTests
{
    /// <summary>A cap of ten vectors still finds the top of a clustered spectrum, through more restarts.</summary>
    [Fact]
    public void Largest_UnderABasisCap_MatchesTheDenseSpectrum()
    {
        var matrix = OracleSamples.RandomSymmetric(3, 150);
        var expected = DenseSpectrum.Eigenvalues(matrix)[^1];
        var op = new MatrixOperator(matrix);
        var free = Lanczos.Largest(op);
        var capped = Lanczos.Largest(op, new LanczosOptions { MaxBasisBytes = 10 * 150 * sizeof(double), MaxRestarts = 400 });
        var norm = matrix.L2Norm();
        Assert.True(Math.Abs(capped.Eigenvalue - expected) <= 1e-10 * norm, $"{capped.Eigenvalue:R} vs {expected:R}");
        Assert.True(capped.Residual <= 1e-11 * norm);

        // Ten vectors are above the floor of eight, so the cap binds, and a smaller basis costs more products.
        Assert.True(capped.Products > free.Products, $"capped {capped.Products} products, uncapped {free.Products}");
    }

    /// <summary>The cap never goes below eight vectors, however small it is.</summary>
    [Fact]
    public void Largest_UnderATinyCap_KeepsEightVectors()
    {
        var op = new MatrixOperator(OracleSamples.RandomSymmetric(2, 40));
        var tiny = Lanczos.Largest(op, new LanczosOptions { MaxBasisBytes = 1, MaxRestarts = 400 });
        var eight = Lanczos.Largest(op, new LanczosOptions { MaxKrylovDimension = 8, MaxRestarts = 400 });
        Assert.Equal(eight.Products, tiny.Products);
        Assert.Equal(eight.Eigenvalue, tiny.Eigenvalue);
    }

    /// <summary>A cap that is not positive is rejected by name.</summary>
    [Fact]
    public void Largest_RejectsANonPositiveCap()
    {
        var op = new MatrixOperator(OracleSamples.RandomSymmetric(2, 4));
        var error = Assert.Throws<ArgumentException>(() => Lanczos.Largest(op, new LanczosOptions { MaxBasisBytes = 0 }));
        Assert.Equal("options", error.ParamName);
        Assert.Contains("MaxBasisBytes must be positive but is 0", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// One 1 x 20000 layer has the Hessian 2 I (loss ||M - W||_F^2): the product needs no 20000 x 20000 identity, and
    /// Lanczos finds 2 at once.
    /// </summary>
    [Fact]
    public void WideSingleLayer_HasHessianTwoI()
    {
        var random = new Random(9);
        var layer = OracleSamples.Gaussian(random, 1, 20000);
        var landscape = new LossLandscape([layer], OracleSamples.Gaussian(random, 1, 20000));
        var op = landscape.HessianOperator();
        var x = Enumerable.Range(0, op.Dimension).Select(i => Math.Sin(i + 0.25)).ToArray();
        var y = new double[op.Dimension];
        op.Multiply(x, y);
        Assert.Equal(x.Select(v => 2 * v), y);
        var top = Lanczos.Largest(op);
        Assert.True(Math.Abs(top.Eigenvalue - 2) <= 1e-12, $"lambda_max {top.Eigenvalue:R}");
    }

    /// <summary>Widths (20000, 4, 1) run without a d_0 x d_0 identity; a (30, 4, 1) twin checks the same path against the dense Hessian.</summary>
    [Fact]
    public void WideInputLayer_AgreesWithTheDenseHessianOfEachBlock()
    {
        // The dense Hessian cannot be formed at N = 80004; a twin of widths (30, 4, 1) exercises the same code path.
        var twin = OracleSamples.RandomPoint(11, [30, 4, 1], 0.2);
        var dense = twin.DenseHessian();
        var op = twin.HessianOperator();
        var y = new double[op.Dimension];
        for (var j = 0; j < op.Dimension; j++)
        {
            var e = new double[op.Dimension];
            e[j] = 1;
            op.Multiply(e, y);
            Assert.True(OracleSamples.MaxAbsDifference(dense.Column(j).ToArray(), y) <= 1e-13 * OracleSamples.MaxAbs(dense), $"column {j}");
        }

        var wide = OracleSamples.RandomPoint(12, [20000, 4, 1]);
        var top = Lanczos.Largest(wide.HessianOperator());
        Assert.True(top.Residual <= 1e-11 * Math.Abs(top.Eigenvalue));
    }

    /// <summary>Concurrent products on one operator take separate workspaces and agree with a sequential one bit for bit.</summary>
    [Fact]
    public void Multiply_IsThreadSafe_AndRepeatable()
    {
        var landscape = OracleSamples.RandomPoint(13, [6, 9, 7, 5], 0.1);
        var op = landscape.HessianOperator();
        var inputs = Enumerable.Range(0, 8).Select(s => Enumerable.Range(0, op.Dimension).Select(i => Math.Cos((s + 1) * (i + 1))).ToArray()).ToArray();
        var expected = inputs.Select(x =>
        {
            var y = new double[op.Dimension];
            op.Multiply(x, y);
            return y;
        }).ToArray();
        var actual = new double[inputs.Length][];
        Parallel.For(0, inputs.Length * 4, t =>
        {
            var y = new double[op.Dimension];
            op.Multiply(inputs[t % inputs.Length], y);
            if (t >= inputs.Length * 3)
            {
                actual[t % inputs.Length] = y;
            }
        });
        for (var s = 0; s < inputs.Length; s++)
        {
            Assert.Equal(expected[s], actual[s]);
        }
    }
}

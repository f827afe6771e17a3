// Fixed examples of Lanczos's contract that random Hessians reach only sometimes: invalid operators, the wanted end at
// exactly zero, exact invariance under powers of two and under A -> -A, the restart schedule's budget, a basis longer than
// one kernel block (and than the parallel threshold), arrays reused across restarts, and the message of a failure.
using System.Globalization;
using System.Text.RegularExpressions;
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Oracles;
using Sharpness.Tests.Properties.Oracles;
using Xunit;

namespace Sharpness.Tests.Properties.Mutation;

public sealed partial class LanczosExamples
{
    [Fact]
    public void RejectsAnEmptyOperator_AToleranceOfOne_AndANonFiniteProduct()
    {
        var empty = Assert.Throws<ArgumentException>(() => Lanczos.Largest(new Diagonal([])));
        Assert.Contains("dimension 0", empty.Message, StringComparison.Ordinal);
        Assert.Equal("op", empty.ParamName);

        var one = Assert.Throws<ArgumentException>(() => Lanczos.Largest(new Diagonal([1, 2]), new LanczosOptions { RelativeTolerance = 1 }));
        Assert.Contains("RelativeTolerance must be in (0, 1) but is 1", one.Message, StringComparison.Ordinal);

        var nan = Assert.Throws<ArgumentException>(() => Lanczos.Smallest(new Diagonal([1, double.NaN, 3])));
        Assert.Contains("non-finite", nan.Message, StringComparison.Ordinal);
        Assert.Equal("op", nan.ParamName);
    }

    [Fact]
    public void WantedEndAtZero_ConvergesRelativeToTheNorm()
    {
        // The Hessian at a minimum is positive semidefinite with zero eigenvalues; its smallest eigenvalue is 0, and a
        // stopping rule relative to |theta| alone could never be met there. The scale is the largest |Ritz value| seen.
        double[] psd = [0, 0, .. Enumerable.Range(1, 58).Select(i => (double)i)];
        var smallest = Lanczos.Smallest(new Diagonal(psd));
        Assert.InRange(smallest.Eigenvalue, -1e-11 * 58, 1e-11 * 58);
        Assert.True(smallest.Residual <= 1e-11 * 58, $"residual {smallest.Residual:G3}");

        var nsd = Lanczos.Largest(new Diagonal([.. psd.Select(v => -v)]));
        Assert.InRange(nsd.Eigenvalue, -1e-11 * 58, 1e-11 * 58);
    }

    [Theory]
    [InlineData(300)]
    [InlineData(-300)]
    public void PowersOfTwo_ScaleEveryResultExactly(int exponent)
    {
        // Every step is homogeneous in A (relative tests, unit basis vectors, the scaled dense EVD), and multiplying by 2^k is
        // exact, so Lanczos on 2^k A takes the same steps: the same products, the same vector, 2^k times the value.
        var matrix = OracleSamples.RandomSymmetric(21, 60);
        var options = new LanczosOptions { MaxKrylovDimension = 12, MaxRestarts = 200 };
        var scale = Math.ScaleB(1.0, exponent);
        foreach (var smallest in new[] { false, true })
        {
            LanczosResult Run(Matrix<double> m) =>
                smallest ? Lanczos.Smallest(new MatrixOperator(m), options) : Lanczos.Largest(new MatrixOperator(m), options);
            var unit = Run(matrix);
            var scaled = Run(scale * matrix);
            Assert.Equal(unit.Products, scaled.Products);
            Assert.Equal(unit.Eigenvector, scaled.Eigenvector);
            Assert.Equal(scale * unit.Eigenvalue, scaled.Eigenvalue);
            Assert.Equal(scale * unit.Residual, scaled.Residual);
        }
    }

    [Fact]
    public void Smallest_IsLargestOfTheNegatedOperator_Exactly()
    {
        var matrix = OracleSamples.RandomSymmetric(22, 50);
        var options = new LanczosOptions { MaxKrylovDimension = 10, MaxRestarts = 200 };
        var smallest = Lanczos.Smallest(new MatrixOperator(matrix), options);
        var largest = Lanczos.Largest(new MatrixOperator(-matrix), options);
        Assert.Equal(-largest.Eigenvalue, smallest.Eigenvalue);
        Assert.Equal(largest.Eigenvector, smallest.Eigenvector);
        Assert.Equal(largest.Products, smallest.Products);
    }

    [Theory]
    [InlineData(2 * 4096 + 37)]       // more than one kernel block (Blas.DotBlock = 4096), not a multiple of it
    [InlineData((1 << 16) + 4099)]    // past 2^16 as well
    public void ThickRestarts_KeepHalfTheBasis_AndStayWithinTheirBudget(int n)
    {
        // The top eigenvalue 1.02 next to 1.01, above the rest spread over [0, 1). The thick restart of Wu and Simon (keep
        // the top 8 of 16 Ritz vectors) converges in 114 products at both sizes and 12 restarts; keeping only the top Ritz
        // vector took 136 and 145 products, keeping all but one more than 25 restarts (one product each). Deterministic, so
        // these counts are a property of the schedule, not a timing.
        var options = new LanczosOptions { MaxKrylovDimension = 16, MaxRestarts = 25 };
        var result = Lanczos.Largest(new Diagonal(Separated(n)), options);
        Assert.True(result.Products <= 125, $"{result.Products} products");
        Assert.True(Math.Abs(result.Eigenvalue - 1.02) <= 1e-10, $"{result.Eigenvalue:R}");
        Assert.True(Math.Abs(Math.Abs(result.Eigenvector[n - 1]) - 1) <= 1e-9, $"{result.Eigenvector[n - 1]:R}");
    }

    [Theory]
    [InlineData(24, 30)]
    [InlineData(25, 61)]
    [InlineData(26, 97)]
    public void Result_IsTheRayleighQuotientAndResidualOfItsVector_Exactly(int seed, int n)
    {
        // LanczosResult's contract: the eigenvalue is v^T A v and the residual ||A v - theta v||, recomputed with one real
        // product; both in the kernels' fixed summation order, so the recomputation here agrees to the last bit (for the
        // smallest end Lanczos works with -A, and every step of the recomputation only changes sign).
        var matrix = OracleSamples.RandomSymmetric(seed, n);
        var op = new MatrixOperator(matrix);
        foreach (var result in new[] { Lanczos.Largest(op), Lanczos.Smallest(op) })
        {
            var v = result.Eigenvector;
            var av = new double[n];
            op.Multiply(v, av);
            var value = Sharpness.Kernels.Blas.Dot(v, av);
            var r = new double[n];
            for (var i = 0; i < n; i++)
            {
                r[i] = av[i] - (value * v[i]);
            }

            Assert.Equal(value, result.Eigenvalue);
            Assert.Equal(Math.Sqrt(Sharpness.Kernels.Blas.Dot(r, r)), result.Residual);
        }
    }

    [Fact]
    public void NonSymmetricOperator_IsNeverAccepted()
    {
        // Lanczos assumes symmetry; an operator that is not (a wrong Hessian-vector product) makes the Ritz estimates
        // optimistic, and the recomputed true residual must then refuse them, at any size, rather than return a number.
        foreach (var n in new[] { 5, 40 })
        {
            var matrix = OracleSamples.Gaussian(new Random(23), n, n);
            var error = Assert.Throws<LanczosDidNotConvergeException>(
                () => Lanczos.Largest(new Unchecked(matrix), new LanczosOptions { MaxRestarts = 5 }));
            Assert.True(error.Residual > 1e-6, $"n = {n}: residual {error.Residual:G3}");
        }
    }

    [Fact]
    public void NotConverging_SaysWhichEndAndWhere()
    {
        // diag(1..200) with a budget of one cycle of 4 vectors: both ends fail; the message names the end, the estimate (in
        // the operator's sign, inside the spectrum) and the scale the residual was compared with (at least |theta|).
        double[] values = [.. Enumerable.Range(1, 200).Select(i => (double)i)];
        var options = new LanczosOptions { MaxKrylovDimension = 4, MaxRestarts = 0 };
        foreach (var (end, run) in new (string, Func<LanczosResult>)[]
        {
            ("largest", () => Lanczos.Largest(new Diagonal(values), options)),
            ("smallest", () => Lanczos.Smallest(new Diagonal(values), options)),
        })
        {
            var error = Assert.Throws<LanczosDidNotConvergeException>(run);
            var match = Message().Match(error.Message);
            Assert.True(match.Success, error.Message);
            Assert.Equal(end, match.Groups["end"].Value);
            Assert.Equal("0", match.Groups["restarts"].Value);
            var theta = double.Parse(match.Groups["theta"].Value, CultureInfo.InvariantCulture);
            var scale = double.Parse(match.Groups["scale"].Value, CultureInfo.InvariantCulture);
            Assert.InRange(theta, 1, 200);
            Assert.True(end == "largest" ? theta > 100 : theta < 100, $"{end}: theta = {theta}");
            // The scale is the largest |Ritz value| seen, also at the smallest end (where theta is near 1).
            Assert.True(scale >= theta * (1 - 1e-5) && scale > 100, $"{end}: scale {scale}, theta {theta}");
            Assert.Equal(error.Residual.ToString("G6", CultureInfo.InvariantCulture), match.Groups["residual"].Value);
        }
    }

    // diag(0, 1/n, ..., (n - 2)/n, 1.02), the top eigenvector the last unit vector.
    internal static double[] Separated(int n) => [.. Enumerable.Range(0, n - 2).Select(i => (double)i / n), 1.01, 1.02];

    [GeneratedRegex(@"^Lanczos \((?<end>largest|smallest)\) did not converge after (?<restarts>\d+) restarts and \d+ products: residual \|\|A v - theta v\|\| = (?<residual>\S+) for theta = (?<theta>\S+), above 1E-11 x (?<scale>\S+)\.$")]
    private static partial Regex Message();

    // Any square matrix, symmetric or not (MatrixOperator refuses the latter).
    private sealed class Unchecked(Matrix<double> matrix) : ILinearOperator
    {
        public int Dimension => matrix.RowCount;

        public void Multiply(ReadOnlySpan<double> x, Span<double> y) =>
            (matrix * Vector<double>.Build.DenseOfArray(x.ToArray())).AsArray().CopyTo(y);
    }

    // diag(values) without a dense matrix, so that N can pass the kernels' block and parallel thresholds cheaply.
    internal sealed class Diagonal(double[] values) : ILinearOperator
    {
        public int Dimension => values.Length;

        public void Multiply(ReadOnlySpan<double> x, Span<double> y)
        {
            for (var i = 0; i < values.Length; i++)
            {
                y[i] = values[i] * x[i];
            }
        }
    }
}

/// <summary>Allocation counts: <see cref="GC.GetTotalAllocatedBytes"/> counts every thread, so these run alone.</summary>
[CollectionDefinition(nameof(AllocationExamples), DisableParallelization = true)]
public sealed class RunsAlone;

[Collection(nameof(AllocationExamples))]
public sealed class AllocationExamples
{
    [Fact]
    public void Restarts_ReuseTheBasisArrays()
    {
        // Vectors a restart frees are reused, and its row-block buffers are returned to the pool: beyond the first cycle's
        // 16 basis vectors and a few working vectors (27 vectors' worth in all over 15 cycles, measured), a run of many
        // restarts allocates almost nothing. Without the reuse each cycle would allocate 8 new vectors.
        const int n = (5 * 4096) + 1;
        var op = new LanczosExamples.Diagonal(LanczosExamples.Separated(n));
        var options = new LanczosOptions { MaxKrylovDimension = 16, MaxRestarts = 400 };
        Lanczos.Largest(op, options);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var result = Lanczos.Largest(op, options);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        var cycles = (result.Products / 8) + 1;
        Assert.True(cycles >= 10, $"{result.Products} products");
        Assert.True(allocated <= (20L + (2 * cycles)) * n * sizeof(double), $"{allocated} bytes over about {cycles} cycles: {allocated / (8.0 * n):F1} vectors");
    }
}

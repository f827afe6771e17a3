// Fixed examples of the two Hessian oracles at points random draws do not reach: zero layers (the saddle at the origin's
// faces), a parameter count whose dense Hessian cannot exist, the message naming a bad entry, and the matrix-free
// product's promise to allocate no vectors after its first call.
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Oracles;
using Sharpness.Tests.Properties.Oracles;
using Xunit;

namespace Sharpness.Tests.Properties.Mutation;

public sealed class HessianExamples
{
    [Theory]
    [InlineData(0)] // W_1 = 0: every prefix product B_k (k >= 2) is zero
    [InlineData(2)] // W_3 = 0: every suffix product A_k (k <= 2) is zero
    public void DenseHessian_AtAZeroLayer_IsTheOperatorsMatrix(int zero)
    {
        var random = new Random(41 + zero);
        int[] widths = [2, 3, 2, 2];
        var layers = OracleSamples.Layers(random, widths);
        layers[zero] = Matrix<double>.Build.Dense(layers[zero].RowCount, layers[zero].ColumnCount);
        var landscape = new LossLandscape(layers, OracleSamples.Gaussian(random, 2, 2));
        var dense = landscape.DenseHessian();

        // The two oracles share no code: column j of the dense matrix against the operator applied to e_j.
        var op = landscape.HessianOperator();
        var n = landscape.ParameterCount;
        var column = new double[n];
        for (var j = 0; j < n; j++)
        {
            var unit = new double[n];
            unit[j] = 1;
            op.Multiply(unit, column);
            for (var i = 0; i < n; i++)
            {
                Assert.True(double.IsFinite(dense[i, j]), $"entry ({i}, {j}) is {dense[i, j]}");
                Assert.True(Math.Abs(dense[i, j] - column[i]) <= 1e-13 * Math.Max(1, Math.Abs(column[i])), $"({i}, {j}): {dense[i, j]:R} vs {column[i]:R}");
            }
        }

        Assert.Equal(dense, dense.Transpose());
    }

    [Fact]
    public void DenseHessian_RefusesMoreThanOneArrayHolds()
    {
        // N = 46341 is the least N with N^2 > Array.MaxLength; the operator still works there.
        var layer = Matrix<double>.Build.Dense(1, 46341, 1e-3);
        var landscape = new LossLandscape([layer], Matrix<double>.Build.Dense(1, 46341));
        var error = Assert.Throws<InvalidOperationException>(landscape.DenseHessian);
        Assert.Contains("A dense 46341x46341 Hessian does not fit in one array", error.Message, StringComparison.Ordinal);
        var y = new double[46341];
        landscape.HessianOperator().Multiply(new double[46341], y);
        Assert.All(y, x => Assert.Equal(0, x));
    }

    [Fact]
    public void StackedVector_BadEntry_IsNamedByIndexAndBlock()
    {
        // Widths (2, 3, 1): W_1 has 6 entries (0..5), W_2 three (6..8); entry 7 is the second of W_2.
        var layers = OracleSamples.Layers(new Random(44), [2, 3, 1]);
        var landscape = new LossLandscape(layers, OracleSamples.Gaussian(new Random(45), 1, 2));
        var w = new double[landscape.ParameterCount];
        w[7] = double.PositiveInfinity;
        var error = Assert.Throws<ArgumentException>(() => landscape.Loss(w));
        Assert.Contains("Entry 7 (0-based) of the vector, in block W[2], is Infinity", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HessianOperator_AfterItsFirstProduct_AllocatesNoVectors()
    {
        // The directional derivatives live in a workspace taken back after each call (HessianOperator's remarks); an
        // aliased call copies x into the workspace's own buffer, also allocated once.
        var landscape = OracleSamples.RandomPoint(46, [30, 40, 40, 30]);
        var op = landscape.HessianOperator();
        var x = new double[op.Dimension];
        var y = new double[op.Dimension];
        x[3] = 1;
        op.Multiply(x, y);
        op.Multiply(y, y);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 3; i++)
        {
            op.Multiply(x, y);
            op.Multiply(y, y);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        // Measured: about 2.5 KB per product (the kernels' bookkeeping); a fresh workspace or copy of x would be 32 KB or more.
        Assert.True(allocated < sizeof(double) * op.Dimension, $"{allocated} bytes for six products of dimension {op.Dimension}");
    }
}

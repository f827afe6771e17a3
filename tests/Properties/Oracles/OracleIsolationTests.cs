// The oracles own their data: callers mutating their inputs or outputs cannot change what an oracle reports.
using Sharpness.Oracles;
using Xunit;

namespace Sharpness.Tests.Properties.Oracles;

/// <summary>Input copying, output freshness, non-mutation of operands, and the oracles' independence from the rest of the repository.</summary>
[Trait("Category", "Oracle")]
public sealed class OracleIsolationTests
{
    /// <summary>Mutating the caller's layers and target after construction changes nothing.</summary>
    [Fact]
    public void LossLandscape_CopiesItsInputs()
    {
        var random = new Random(41);
        var layers = OracleSamples.Layers(random, [2, 3, 2]);
        var target = OracleSamples.Gaussian(random, 2, 2);
        var landscape = new LossLandscape(layers, target, 0.3);
        var loss = landscape.Loss();
        var w = landscape.Parameters();
        var hessian = landscape.DenseHessian();
        var gradient = landscape.Gradient();

        layers[0][0, 0] += 10;
        layers[1].Clear();
        target[1, 1] = -7;

        Assert.Equal(loss, landscape.Loss());
        Assert.Equal(w, landscape.Parameters());
        Assert.Equal(gradient, landscape.Gradient());
        Assert.Equal(hessian, landscape.DenseHessian());
    }

    /// <summary>Returned arrays and matrices are fresh: mutating them changes nothing.</summary>
    [Fact]
    public void LossLandscape_ReturnsFreshOutputs()
    {
        var landscape = OracleSamples.RandomPoint(42, [1, 3, 2, 1], 0.1);
        var expectedLoss = landscape.Loss();
        var expectedHessian = landscape.DenseHessian();

        landscape.Parameters()[0] = 99;
        landscape.Gradient()[0] = 99;
        landscape.DenseHessian()[0, 0] = 99;

        Assert.Equal(expectedLoss, landscape.Loss());
        Assert.Equal(expectedHessian, landscape.DenseHessian());
    }

    /// <summary>Multiply leaves x unchanged, and gives the same answer when x and y are the same array.</summary>
    [Fact]
    public void Multiply_DoesNotModifyInput_AndToleratesAliasing()
    {
        var landscape = OracleSamples.RandomPoint(43, [2, 3, 4, 2], 0.2);
        var matrix = OracleSamples.RandomSymmetric(44, 7);
        foreach (ILinearOperator op in new ILinearOperator[] { landscape.HessianOperator(), new MatrixOperator(matrix) })
        {
            var x = Enumerable.Range(0, op.Dimension).Select(i => Math.Cos(i + 0.5)).ToArray();
            var original = (double[])x.Clone();
            var y = new double[op.Dimension];
            op.Multiply(x, y);
            Assert.Equal(original, x);

            op.Multiply(x, x);
            Assert.Equal(y, x);
        }
    }

    /// <summary>MatrixOperator copies its matrix.</summary>
    [Fact]
    public void MatrixOperator_CopiesItsMatrix()
    {
        var matrix = OracleSamples.RandomSymmetric(45, 4);
        var op = new MatrixOperator(matrix);
        var x = new double[] { 1, 2, 3, 4 };
        var before = new double[4];
        op.Multiply(x, before);
        matrix.Clear();
        var after = new double[4];
        op.Multiply(x, after);
        Assert.Equal(before, after);
    }

    /// <summary>
    /// The oracles reference no other project of the repository but the interval arithmetic and the BLAS-level kernels,
    /// which themselves reference none (a formula checked against itself proves nothing).
    /// </summary>
    [Fact]
    public void OraclesAssembly_ReferencesNoOtherSharpnessAssembly()
    {
        var references = typeof(LossLandscape).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty);
        Assert.DoesNotContain(references, name => name.StartsWith("Sharpness", StringComparison.Ordinal) && name != "Sharpness.Intervals" && name != "Sharpness.Kernels");
        Assert.Contains(references, name => name == "MathNet.Numerics");
        Assert.Equal("Sharpness.Oracles", typeof(LossLandscape).Assembly.GetName().Name);
    }
}

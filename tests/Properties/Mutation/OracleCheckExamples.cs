// Fixed examples of the oracles' own checks at the inputs that separate them from plausible wrong ones (one side of a
// finite difference changing length, a zero width on one side only, an asymmetry within the scaled threshold), the
// messages a user reads, and the Hessian-vector product on layers tall enough (16 rows or more) for its axpy path.
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Oracles;
using Xunit;
using static Sharpness.Tests.Properties.Mutation.ArgumentAssert;

namespace Sharpness.Tests.Properties.Mutation;

public sealed class OracleCheckExamples
{
    [Fact]
    public void FiniteDifferences_Jacobian_RejectsAFunctionWhoseLengthChangesOnOneSideOnly() =>
        AssertArgument<ArgumentException>("f", "The function returned 2 and 1 values but 1 at x.",
            () => FiniteDifferences.Jacobian(v => v[0] > 1 ? [1.0, 2.0] : [1.0], [1.0]));

    [Fact]
    public void LossLandscape_RejectsAZeroWidthOnEitherSide_AndNamesTheLayer()
    {
        var one = Matrix<double>.Build.Dense(1, 1, 1);
        AssertArgument<ArgumentException>("layers", "W[2] is 0x1; every width must be at least 1.", () => _ = new LossLandscape([one, Matrix<double>.Build.Dense(0, 1)], one));
        AssertArgument<ArgumentException>("layers", "W[1] is 1x0; every width must be at least 1.", () => _ = new LossLandscape([Matrix<double>.Build.Dense(1, 0), one], one));
        AssertArgument<ArgumentException>("layers", "W[3] is 1x2 but W[2] has 1 rows; W[3] must have as many columns as W[2] has rows.",
            () => _ = new LossLandscape([one, one, Matrix<double>.Build.Dense(1, 2)], one));
    }

    [Fact]
    public void SymmetricMatrixCheck_RejectsTheEmptyMatrix() =>
        AssertArgument<ArgumentException>("symmetric", "The matrix must not be empty (0x0).", () => DenseSpectrum.Eigenvalues(Matrix<double>.Build.Dense(0, 0)));

    [Fact]
    public void SymmetricMatrixCheck_AcceptsAnAsymmetryBelow1e8TimesTheLargestEntry_AndNamesTheEntriesOfALargerOne()
    {
        // Largest entry 1e4: the threshold is 1e-8 * 1e4 = 1e-4, so a gap of 1e-6 passes (not 1e-8 / 1e4, nor 1e-8 * 0).
        var nearly = Matrix<double>.Build.DenseOfArray(new double[,] { { 1e4, 1 }, { 1 + 1e-6, 1 } });
        Assert.Equal(2, DenseSpectrum.Eigenvalues(nearly).Length);
        var skew = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 0, 0 }, { 0, 1, 0 }, { 5, 0, 1 } });
        AssertArgument<ArgumentException>("symmetric", "entries (3, 1) and (1, 3) differ by 5 (1-based; largest entry 5).", () => DenseSpectrum.Eigenvalues(skew));
    }

    [Fact]
    public void HessianOperator_OnLayersOfSixteenRowsOrMore_EqualsTheDenseHessian()
    {
        // Widths (2, 17, 18, 2): the hidden layers have 17 and 18 rows, so the block products take their axpy path.
        var random = new Random(11);
        Matrix<double> Gaussian(int rows, int columns) => Matrix<double>.Build.Dense(rows, columns, (_, _) => random.NextDouble() - 0.5);
        var layers = new[] { Gaussian(17, 2), Gaussian(18, 17), Gaussian(2, 18) };
        var landscape = new LossLandscape(layers, Gaussian(2, 2), lambda: 0.5);
        var dense = landscape.DenseHessian();
        var op = landscape.HessianOperator();
        var n = landscape.ParameterCount;
        var x = Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();
        var y = new double[n];
        op.Multiply(x, y);
        var expected = dense * Vector<double>.Build.DenseOfArray(x);
        var scale = expected.L2Norm();
        Assert.True((Vector<double>.Build.DenseOfArray(y) - expected).L2Norm() <= 1e-12 * scale, "H x of the operator differs from the dense Hessian's");
    }
}

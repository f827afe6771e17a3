// Fixed examples of the oracles with exact expected values: spectra of diagonal matrices, finite differences of
// polynomials whose derivatives are known, aliased operator arguments, and Lanczos far from unit scale.
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Oracles;
using Xunit;

namespace Sharpness.Tests.Properties.Mutation;

public sealed class OracleExamples
{
    [Fact]
    public void DenseSpectrum_SortsAscending_WithMatchingEigenvectors()
    {
        var m = Matrix<double>.Build.DenseOfDiagonalArray([3, -1, 2]);
        Assert.Equal([-1.0, 2.0, 3.0], DenseSpectrum.Eigenvalues(m));
        var (top, v) = DenseSpectrum.Largest(m);
        Assert.Equal(3, top);
        Assert.Equal(1, Math.Abs(v[0]), 15);
        var (bottom, u) = DenseSpectrum.Smallest(m);
        Assert.Equal(-1, bottom);
        Assert.Equal(1, Math.Abs(u[1]), 15);
    }

    [Fact]
    public void MatrixOperator_Multiply_IsTheMatrixProduct_AlsoInPlace()
    {
        var op = new MatrixOperator(Matrix<double>.Build.DenseOfArray(new double[,] { { 2, 1 }, { 1, 3 } }));
        var y = new double[2];
        op.Multiply([1, 0], y);
        Assert.Equal([2.0, 1.0], y);
        double[] x = [1, 2];
        op.Multiply(x, x);
        Assert.Equal([4.0, 7.0], x);
        Assert.Equal(2, op.Dimension);
    }

    [Fact]
    public void HessianOperator_Multiply_InPlace_EqualsTheDenseHessianProduct()
    {
        // Scalar chain w = (1, 2), m = 5, lambda = 1, applied in place (x and y the same array).
        var landscape = new LossLandscape([Matrix<double>.Build.Dense(1, 1, 1), Matrix<double>.Build.Dense(1, 1, 2)], Matrix<double>.Build.Dense(1, 1, 5), lambda: 1);
        var dense = landscape.DenseHessian();
        double[] x = [1, -1];
        var expected = (dense * Vector<double>.Build.DenseOfArray(x)).ToArray();
        landscape.HessianOperator().Multiply(x, x);
        Assert.Equal(expected, x);
        // Hand-computed: loss (5 - w1 w2)^2 + (w1^2 + w2^2)/2; H = [[2 w2^2 + 1, 2 w1 w2 - 2 (5 - w1 w2)], [., 2 w1^2 + 1]].
        Assert.Equal(Matrix<double>.Build.DenseOfArray(new double[,] { { 9, -2 }, { -2, 3 } }), dense);
    }

    [Fact]
    public void FiniteDifferences_OfAQuadratic_AreExactToRoundoff()
    {
        // f = x0^2 x1 + 3 x1 at (1, 2): gradient (2 x0 x1, x0^2 + 3) = (4, 4), Hessian [[2 x1, 2 x0], [2 x0, 0]] = [[4, 2], [2, 0]].
        static double F(double[] v) => (v[0] * v[0] * v[1]) + (3 * v[1]);
        double[] x = [1, 2];
        var g = FiniteDifferences.Gradient(F, x);
        Assert.Equal(4, g[0], 7);
        Assert.Equal(4, g[1], 7);
        var h = FiniteDifferences.Hessian(F, x);
        Assert.Equal(4, h[0, 0], 5);
        Assert.Equal(2, h[0, 1], 5);
        Assert.Equal(2, h[1, 0], 5);
        Assert.Equal(0, h[1, 1], 5);
        var j = FiniteDifferences.Jacobian(v => [v[0] * v[1], v[0]], x);
        Assert.Equal(2, j[0, 0], 7);
        Assert.Equal(1, j[0, 1], 7);
        Assert.Equal(1, j[1, 0], 7);
        Assert.Equal(0, j[1, 1], 7);
    }

    [Fact]
    public void FiniteDifferences_StepScalesWithLargeCoordinates()
    {
        // f = x^3 at x = 1000: a relative step of 1e-4 times |x| gives central differences exact up to h^2 = 1e-2 (f''' h^2 / 6 = 0.01).
        var g = FiniteDifferences.Gradient(v => v[0] * v[0] * v[0], [1000.0]);
        Assert.Equal(3e6, g[0], 0);
        Assert.InRange(g[0] - 3e6, 0, 0.02);
    }

    [Fact]
    public void FiniteDifferences_Jacobian_RejectsAFunctionWhoseLengthChanges()
    {
        var ex = Assert.Throws<ArgumentException>(() => FiniteDifferences.Jacobian(v => v[0] == 1 ? [1.0] : [1.0, 2.0], [1.0]));
        Assert.Equal("f", ex.ParamName);
        Assert.Contains("The function returned 2 and 2 values but 1 at x", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1e-200)]
    [InlineData(1e-155)]
    [InlineData(1e120)]
    [InlineData(1e155)]
    public void Lanczos_FarFromUnitScale_FindsTheExtremeEigenvalues(double scale)
    {
        // diag(1..30) * scale: at 1e-155 the squared norms of the Krylov vectors' images underflow, so the norm is rescaled;
        // at 1e155 and 1e-200 the projected matrix's EVD failed or stalled until it ran on the matrix over its largest entry.
        var op = new MatrixOperator(Matrix<double>.Build.DenseOfDiagonalArray([.. Enumerable.Range(1, 30).Select(i => i * scale)]));
        Assert.Equal(30 * scale, Lanczos.Largest(op).Eigenvalue, 30 * scale * 1e-10);
        Assert.Equal(scale, Lanczos.Smallest(op).Eigenvalue, 30 * scale * 1e-10);
    }

    [Fact]
    public void LanczosDidNotConvergeException_Constructors_KeepMessageResidualAndProducts()
    {
        var plain = new LanczosDidNotConvergeException();
        Assert.Equal("Lanczos did not converge.", plain.Message);
        Assert.True(double.IsNaN(plain.Residual));
        Assert.Equal(0, plain.Products);
        var withMessage = new LanczosDidNotConvergeException("stopped");
        Assert.Equal("stopped", withMessage.Message);
        Assert.True(double.IsNaN(withMessage.Residual));
        var inner = new InvalidOperationException("inner");
        var wrapped = new LanczosDidNotConvergeException("wrapped", inner);
        Assert.Same(inner, wrapped.InnerException);
        Assert.True(double.IsNaN(wrapped.Residual));
        var full = new LanczosDidNotConvergeException("full", 0.25, 7);
        Assert.Equal(0.25, full.Residual);
        Assert.Equal(7, full.Products);
    }
}

// Lanczos against the dense symmetric eigensolver, on matrices chosen to be hard (ties, rank 1, zero) and on Hessians.
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Oracles;
using Xunit;

namespace Sharpness.Tests.Properties.Oracles;

/// <summary>Lanczos against the dense symmetric eigensolver and on Hessian operators.</summary>
[Trait("Category", "Oracle")]
public sealed class LanczosTests
{
    /// <summary>Names of the test matrices.</summary>
    public static TheoryData<string> Matrices => [.. Cases.Keys];

    private static readonly Dictionary<string, Func<Matrix<double>>> Cases = new()
    {
        ["1x1"] = () => Matrix<double>.Build.Dense(1, 1, -3.25),
        ["zero 7x7"] = () => Matrix<double>.Build.Dense(7, 7),
        ["random 5x5"] = () => OracleSamples.RandomSymmetric(1, 5),
        ["random 40x40"] = () => OracleSamples.RandomSymmetric(2, 40),
        // Larger than the default Krylov dimension (80), so it needs restarts.
        ["random 150x150"] = () => OracleSamples.RandomSymmetric(3, 150),
        ["diagonal 30x30"] = () => Matrix<double>.Build.DenseOfDiagonalArray([.. Enumerable.Range(0, 30).Select(i => (i * 0.37) - 4)]),
        ["rank-1 20x20"] = () =>
        {
            var u = OracleSamples.Gaussian(new Random(4), 20, 1);
            return 2.5 * u.TransposeAndMultiply(u);
        },
        ["negative rank-1 20x20"] = () =>
        {
            var u = OracleSamples.Gaussian(new Random(5), 20, 1);
            return -u.TransposeAndMultiply(u);
        },
        ["tied top and bottom 25x25"] = () => Spectral(6, [.. Enumerable.Repeat(7.0, 3), .. Enumerable.Range(0, 19).Select(i => i * 0.3), .. Enumerable.Repeat(-2.0, 3)]),
        ["clustered 100x100"] = () => Spectral(7, [10.0, 10 - 1e-6, .. Enumerable.Range(0, 98).Select(i => 9.0 * i / 98)]),
    };

    /// <summary>Both extreme eigenvalues agree with the dense spectrum, with a true, small residual.</summary>
    [Theory]
    [MemberData(nameof(Matrices))]
    public void LargestAndSmallest_MatchDenseSpectrum(string name)
    {
        var matrix = Cases[name]();
        var op = new MatrixOperator(matrix);
        var eigenvalues = DenseSpectrum.Eigenvalues(matrix);
        var norm = Math.Max(Math.Abs(eigenvalues[0]), Math.Abs(eigenvalues[^1]));

        foreach (var (result, expected) in new[] { (Lanczos.Largest(op), eigenvalues[^1]), (Lanczos.Smallest(op), eigenvalues[0]) })
        {
            // Residual r bounds the eigenvalue error by r (and by r^2 / gap away from ties); 1e-11 ||A|| is the stopping rule.
            Assert.True(Math.Abs(result.Eigenvalue - expected) <= 1e-10 * Math.Max(norm, 1e-300), $"{name}: {result.Eigenvalue:R} vs {expected:R}");
            Assert.True(result.Residual <= 1e-11 * norm, $"{name}: residual {result.Residual:G3}");
            AssertReportedResidualIsTrue(matrix, result);
            Assert.Equal(1.0, OracleSamples.Norm(result.Eigenvector), 12);
            Assert.True(result.Products >= 1);
        }
    }

    /// <summary>The zero operator has eigenvalue 0, found at once.</summary>
    [Fact]
    public void ZeroOperator_HasEigenvalueZero_WithZeroResidual()
    {
        var op = new MatrixOperator(Matrix<double>.Build.Dense(4, 4));
        var result = Lanczos.Largest(op);
        Assert.Equal(0.0, result.Eigenvalue);
        Assert.Equal(0.0, result.Residual);
        Assert.Equal(2, result.Products);
    }

    /// <summary>A 1x1 operator returns its entry.</summary>
    [Fact]
    public void OneByOne_ReturnsTheEntry()
    {
        var op = new MatrixOperator(Matrix<double>.Build.Dense(1, 1, 4.5));
        Assert.Equal(4.5, Lanczos.Largest(op).Eigenvalue, 14);
        Assert.Equal(4.5, Lanczos.Smallest(op).Eigenvalue, 14);
        Assert.Equal(1.0, Math.Abs(Lanczos.Largest(op).Eigenvector[0]), 15);
    }

    /// <summary>Same input, same output; another seed gives the same eigenvalue.</summary>
    [Fact]
    public void IsDeterministic_AndSeedChangesOnlyTheStart()
    {
        var op = new MatrixOperator(OracleSamples.RandomSymmetric(8, 60));
        var first = Lanczos.Largest(op);
        var second = Lanczos.Largest(op);
        Assert.Equal(first.Eigenvalue, second.Eigenvalue);
        Assert.Equal(first.Eigenvector, second.Eigenvector);
        var other = Lanczos.Largest(op, new LanczosOptions { Seed = 99 });
        Assert.Equal(first.Eigenvalue, other.Eigenvalue, 10);
    }

    /// <summary>A small Krylov dimension still converges, through restarts.</summary>
    [Fact]
    public void SmallKrylovDimension_ConvergesThroughRestarts()
    {
        var matrix = OracleSamples.RandomSymmetric(9, 60);
        var options = new LanczosOptions { MaxKrylovDimension = 12, MaxRestarts = 200 };
        var result = Lanczos.Largest(new MatrixOperator(matrix), options);
        var expected = DenseSpectrum.Largest(matrix).Value;
        Assert.True(Math.Abs(result.Eigenvalue - expected) <= 1e-10 * Math.Abs(expected));
        Assert.True(result.Products > 12);
    }

    /// <summary>A hopeless budget throws LanczosDidNotConvergeException quoting the residual.</summary>
    [Fact]
    public void NoRestartsAllowed_ThrowsWithResidual()
    {
        var matrix = Spectral(10, [1.0, 1 - 1e-9, .. Enumerable.Range(0, 198).Select(i => 0.99 * i / 198)]);
        var options = new LanczosOptions { MaxKrylovDimension = 5, MaxRestarts = 0 };
        var error = Assert.Throws<LanczosDidNotConvergeException>(() => Lanczos.Largest(new MatrixOperator(matrix), options));
        Assert.Contains("residual", error.Message, StringComparison.Ordinal);
        Assert.True(error.Residual > 0);
        Assert.Contains(error.Residual.ToString("G6", System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    /// <summary>Lanczos on the matrix-free Hessian agrees with the dense Hessian at both ends.</summary>
    [Theory]
    [InlineData(31, new[] { 1, 4, 3, 1 }, 0.0)]
    [InlineData(32, new[] { 3, 4, 2, 3 }, 0.0)]
    [InlineData(33, new[] { 2, 5, 5, 2 }, 0.4)]
    public void HessianOperator_ExtremeEigenvaluesMatchDenseHessian(int seed, int[] widths, double lambda)
    {
        // A random point, not a minimizer: the Hessian is indefinite, so both ends are informative.
        var landscape = OracleSamples.RandomPoint(seed, widths, lambda);
        var eigenvalues = DenseSpectrum.Eigenvalues(landscape.DenseHessian());
        var norm = Math.Max(Math.Abs(eigenvalues[0]), Math.Abs(eigenvalues[^1]));
        var op = landscape.HessianOperator();
        var largest = Lanczos.Largest(op);
        var smallest = Lanczos.Smallest(op);
        Assert.True(eigenvalues[0] < 0);
        Assert.True(Math.Abs(largest.Eigenvalue - eigenvalues[^1]) <= 1e-10 * norm);
        Assert.True(Math.Abs(smallest.Eigenvalue - eigenvalues[0]) <= 1e-10 * norm);

        // The Rayleigh quotient of the Ritz vector by the jet oracle: a third independent route to the same number.
        Assert.True(Math.Abs(landscape.SecondDirectionalDerivative(largest.Eigenvector) - largest.Eigenvalue) <= 1e-11 * norm);
    }

    /// <summary>At N > 100,000 Lanczos converges to a tiny residual (its speed is measured in bench/, not in a timed test).</summary>
    [Fact]
    public void HessianOperator_AtOverOneHundredThousandParameters_Converges()
    {
        int[] widths = [5, 320, 320, 5];
        var layers = OracleSamples.Layers(new Random(2024), widths);
        var landscape = new LossLandscape(layers, OracleSamples.Product(layers));
        Assert.True(landscape.ParameterCount >= 100_000);

        var op = landscape.HessianOperator();
        var result = Lanczos.Largest(op);

        Assert.True(result.Eigenvalue > 0);
        Assert.True(result.Residual <= 1e-10 * result.Eigenvalue, $"residual {result.Residual:G3} for {result.Eigenvalue:G6}");
        Assert.Equal(1.0, OracleSamples.Norm(result.Eigenvector), 12);
        var quotient = landscape.SecondDirectionalDerivative(result.Eigenvector);
        Assert.True(Math.Abs(quotient - result.Eigenvalue) <= 1e-10 * result.Eigenvalue);
    }

    private static void AssertReportedResidualIsTrue(Matrix<double> matrix, LanczosResult result)
    {
        var v = Vector<double>.Build.DenseOfArray(result.Eigenvector);
        var residual = ((matrix * v) - (result.Eigenvalue * v)).L2Norm();
        Assert.True(Math.Abs(residual - result.Residual) <= 1e-14 * Math.Max(1, matrix.L2Norm()), $"{residual:G3} vs {result.Residual:G3}");
    }

    // Q diag(values) Q^T for a random orthogonal Q: a dense matrix with a prescribed spectrum.
    private static Matrix<double> Spectral(int seed, double[] values)
    {
        var q = OracleSamples.RandomOrthogonal(seed, values.Length);
        var a = q * Matrix<double>.Build.DenseOfDiagonalArray(values) * q.Transpose();
        return 0.5 * (a + a.Transpose());
    }
}

// Bad inputs fail fast with the exact exception type, the offending parameter and a message that locates the problem.
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Oracles;
using Xunit;

namespace Sharpness.Tests.Properties.Oracles;

/// <summary>Argument validation of every oracle entry point.</summary>
[Trait("Category", "Oracle")]
public sealed class OracleValidationTests
{
    private static readonly Matrix<double> W1 = Matrix<double>.Build.Dense(3, 2, (i, j) => i + (2.0 * j) + 1);
    private static readonly Matrix<double> W2 = Matrix<double>.Build.Dense(4, 3, (i, j) => (i * 0.5) - j);
    private static readonly Matrix<double> Target = Matrix<double>.Build.Dense(4, 2, 1.0);

    /// <summary>Null layers or target: ArgumentNullException naming the parameter.</summary>
    [Fact]
    public void LossLandscape_NullArguments_ThrowArgumentNullException()
    {
        Assert.Equal("layers", Assert.Throws<ArgumentNullException>(() => new LossLandscape(null!, Target)).ParamName);
        Assert.Equal("target", Assert.Throws<ArgumentNullException>(() => new LossLandscape([W1, W2], null!)).ParamName);
    }

    /// <summary>Each malformed landscape throws ArgumentException with the parameter name and a locating message.</summary>
    [Theory]
    [MemberData(nameof(BadLandscapeIndices))]
    public void LossLandscape_BadInput_ThrowsArgumentException(int index)
    {
        var (paramName, fragment, create) = BadLandscapes[index];
        var error = Assert.Throws<ArgumentException>(create);
        Assert.Equal(paramName, error.ParamName);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    /// <summary>The malformed landscapes by index: theory data of delegates cannot be serialized, and Stryker then cannot
    /// tell which case covers which mutant.</summary>
    public static TheoryData<int> BadLandscapeIndices => [.. Enumerable.Range(0, BadLandscapes.Length)];

    // Malformed landscapes: expected parameter name, message fragment, constructor call.
    private static readonly (string ParamName, string Fragment, Func<LossLandscape> Create)[] BadLandscapes =
    [
        ("layers", "At least one layer", () => new LossLandscape([], Target)),
        ("layers", "W[2] is null", () => new LossLandscape([W1, null!], Target)),
        (
            "layers", "W[2] is 3x4 but W[1] has 5 rows",
            () => new LossLandscape([Matrix<double>.Build.Dense(5, 2), Matrix<double>.Build.Dense(3, 4)], Matrix<double>.Build.Dense(3, 2))),
        ("target", "M is 2x4 but the product W[2]...W[1] is 4x2", () => new LossLandscape([W1, W2], Matrix<double>.Build.Dense(2, 4))),
        ("target", "M is 4x3", () => new LossLandscape([W1, W2], Matrix<double>.Build.Dense(4, 3))),
        ("layers", "W[2] has a non-finite entry (NaN) at row 2, column 3", () => new LossLandscape([W1, With(W2, 1, 2, double.NaN)], Target)),
        ("layers", "W[1] has a non-finite entry (-Infinity) at row 3, column 1", () => new LossLandscape([With(W1, 2, 0, double.NegativeInfinity), W2], Target)),
        ("target", "M has a non-finite entry (Infinity) at row 4, column 2", () => new LossLandscape([W1, W2], With(Target, 3, 1, double.PositiveInfinity))),
        ("lambda", "lambda must be finite and >= 0 but is -0.5", () => new LossLandscape([W1, W2], Target, -0.5)),
        ("lambda", "but is NaN", () => new LossLandscape([W1, W2], Target, double.NaN)),
        ("lambda", "but is Infinity", () => new LossLandscape([W1, W2], Target, double.PositiveInfinity)),
    ];

    /// <summary>Vectors of the wrong length or with non-finite entries are rejected by every method that takes one.</summary>
    [Fact]
    public void VectorArguments_WrongLengthOrNonFinite_Throw()
    {
        var landscape = new LossLandscape([W1, W2], Target);
        var n = landscape.ParameterCount;
        var op = landscape.HessianOperator();

        AssertArgument("w", "length 3 but the landscape has N = 18", () => landscape.Loss(new double[3]));
        AssertArgument("w", "is NaN", () => landscape.Loss(Enumerable.Repeat(double.NaN, n).ToArray()));
        AssertArgument("w", "length 17 but the landscape has N = 18", () => landscape.Gradient(new double[n - 1]));
        AssertArgument("w", "is -Infinity", () => landscape.Gradient(Enumerable.Repeat(double.NegativeInfinity, n).ToArray()));
        AssertArgument("u", "length 19", () => landscape.SecondDirectionalDerivative(new double[n + 1]));
        AssertArgument("x", "x has length 2", () => op.Multiply(new double[2], new double[n]));
        AssertArgument("y", "y has length 2", () => op.Multiply(new double[n], new double[2]));
        var bad = new double[n];
        bad[5] = double.PositiveInfinity;
        AssertArgument("x", "x[5] is", () => op.Multiply(bad, new double[n]));

        var matrixOp = new MatrixOperator(Matrix<double>.Build.DenseIdentity(3));
        AssertArgument("x", "dimension 3", () => matrixOp.Multiply(new double[2], new double[3]));
        AssertArgument("y", "dimension 3", () => matrixOp.Multiply(new double[3], new double[4]));
    }

    /// <summary>Dense symmetric inputs must be square, finite and symmetric.</summary>
    [Fact]
    public void SymmetricMatrixInputs_Validated()
    {
        var rectangular = Matrix<double>.Build.Dense(2, 3);
        var nonFinite = With(Matrix<double>.Build.DenseIdentity(3), 1, 1, double.NaN);
        var asymmetric = With(Matrix<double>.Build.DenseIdentity(3), 0, 2, 0.5);

        AssertArgument("symmetric", "square but is 2x3", () => DenseSpectrum.Eigenvalues(rectangular));
        AssertArgument("symmetric", "non-finite entry (NaN) at row 2, column 2", () => DenseSpectrum.Largest(nonFinite));
        AssertArgument("symmetric", "must be symmetric", () => DenseSpectrum.Smallest(asymmetric));
        AssertArgument("symmetric", "square but is 2x3", () => new MatrixOperator(rectangular));
        AssertArgument("symmetric", "must be symmetric", () => new MatrixOperator(asymmetric));
        Assert.Equal("symmetric", Assert.Throws<ArgumentNullException>(() => DenseSpectrum.Eigenvalues(null!)).ParamName);
    }

    /// <summary>Lanczos rejects a null operator and nonsensical options.</summary>
    [Fact]
    public void Lanczos_BadArguments_Throw()
    {
        var op = new MatrixOperator(Matrix<double>.Build.DenseIdentity(5));
        Assert.Equal("op", Assert.Throws<ArgumentNullException>(() => Lanczos.Largest(null!)).ParamName);
        Assert.Equal("op", Assert.Throws<ArgumentNullException>(() => Lanczos.Smallest(null!)).ParamName);
        AssertArgument("options", "MaxKrylovDimension must be at least 2", () => Lanczos.Largest(op, new LanczosOptions { MaxKrylovDimension = 1 }));
        AssertArgument("options", "MaxRestarts must be >= 0", () => Lanczos.Largest(op, new LanczosOptions { MaxRestarts = -1 }));
        AssertArgument("options", "RelativeTolerance must be in (0, 1)", () => Lanczos.Smallest(op, new LanczosOptions { RelativeTolerance = 0 }));
        AssertArgument("options", "RelativeTolerance must be in (0, 1)", () => Lanczos.Smallest(op, new LanczosOptions { RelativeTolerance = double.NaN }));
    }

    /// <summary>Finite differences reject a non-positive step and null arguments.</summary>
    [Fact]
    public void FiniteDifferences_BadArguments_Throw()
    {
        double[] x = [1, 2];
        AssertArgument("relativeStep", "positive and finite", () => FiniteDifferences.Gradient(v => v[0], x, 0));
        AssertArgument("relativeStep", "positive and finite", () => FiniteDifferences.Hessian(v => v[0], x, double.NaN));
        AssertArgument("relativeStep", "positive and finite", () => FiniteDifferences.Jacobian(v => v, x, -1));
        Assert.Equal("f", Assert.Throws<ArgumentNullException>(() => FiniteDifferences.Gradient(null!, x)).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentNullException>(() => FiniteDifferences.Hessian(v => v[0], null!)).ParamName);
    }

    private static void AssertArgument(string paramName, string fragment, Action action)
    {
        var error = Assert.Throws<ArgumentException>(action);
        Assert.Equal(paramName, error.ParamName);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    private static void AssertArgument(string paramName, string fragment, Func<object> action) =>
        AssertArgument(paramName, fragment, () => { _ = action(); });

    private static Matrix<double> With(Matrix<double> matrix, int row, int column, double value)
    {
        var copy = matrix.Clone();
        copy[row, column] = value;
        return copy;
    }
}

using MathNet.Numerics.LinearAlgebra;

namespace Sharpness.Oracles;

/// <summary>A dense symmetric matrix seen as an <see cref="ILinearOperator"/> (used to test <see cref="Lanczos"/> against <see cref="DenseSpectrum"/>).</summary>
public sealed class MatrixOperator : ILinearOperator
{
    private readonly double[] _columnMajor;

    /// <summary>Wraps a copy of <paramref name="symmetric"/>, which must be square, finite and symmetric.</summary>
    /// <param name="symmetric">The matrix; later changes to it are not seen.</param>
    /// <exception cref="ArgumentException">The matrix is not square, has a non-finite entry, or is not symmetric.</exception>
    public MatrixOperator(Matrix<double> symmetric)
    {
        SymmetricMatrixCheck.Validate(symmetric, nameof(symmetric));
        Dimension = symmetric.RowCount;
        _columnMajor = symmetric.ToColumnMajorArray();
    }

    /// <inheritdoc />
    public int Dimension { get; }

    /// <summary>Computes <c>y = A x</c> for the wrapped matrix <c>A</c>.</summary>
    /// <param name="x">The input vector (length <see cref="Dimension"/>); not modified.</param>
    /// <param name="y">Receives <c>A x</c> (length <see cref="Dimension"/>).</param>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    public void Multiply(ReadOnlySpan<double> x, Span<double> y)
    {
        var n = Dimension;
        if (x.Length != n)
        {
            throw new ArgumentException($"x has length {x.Length} but the operator has dimension {n}.", nameof(x));
        }

        if (y.Length != n)
        {
            throw new ArgumentException($"y has length {y.Length} but the operator has dimension {n}.", nameof(y));
        }

        // Writing y while still reading x would corrupt the result if the caller passes aliased spans.
        var input = x.Overlaps(y) ? x.ToArray() : x;
        y.Clear();
        for (var j = 0; j < n; j++)
        {
            var xj = input[j];
            var column = _columnMajor.AsSpan(j * n, n);
            for (var i = 0; i < n; i++)
            {
                y[i] += column[i] * xj;
            }
        }
    }
}

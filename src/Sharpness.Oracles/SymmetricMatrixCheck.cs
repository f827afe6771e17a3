using MathNet.Numerics.LinearAlgebra;

namespace Sharpness.Oracles;

/// <summary>Shared argument validation for dense symmetric inputs.</summary>
internal static class SymmetricMatrixCheck
{
    // Loose enough to accept matrices that are symmetric up to roundoff (e.g. J^T J formed by a product),
    // tight enough to reject a matrix that is simply not symmetric, whose lower triangle the EVD would silently ignore.
    private const double RelativeAsymmetry = 1e-8;

    public static void Validate(Matrix<double>? matrix, string paramName)
    {
        if (matrix is null)
        {
            throw new ArgumentNullException(paramName);
        }

        if (matrix.RowCount != matrix.ColumnCount)
        {
            throw new ArgumentException($"The matrix must be square but is {matrix.RowCount}x{matrix.ColumnCount}.", paramName);
        }

        var n = matrix.RowCount;
        if (n == 0)
        {
            throw new ArgumentException("The matrix must not be empty (0x0).", paramName);
        }

        var scale = 0.0;
        for (var j = 0; j < n; j++)
        {
            for (var i = 0; i < n; i++)
            {
                var a = matrix[i, j];
                if (!double.IsFinite(a))
                {
                    throw new ArgumentException($"The matrix has a non-finite entry ({a}) at row {i + 1}, column {j + 1} (1-based).", paramName);
                }

                scale = Math.Max(scale, Math.Abs(a));
            }
        }

        for (var j = 0; j < n; j++)
        {
            for (var i = j + 1; i < n; i++)
            {
                var gap = Math.Abs(matrix[i, j] - matrix[j, i]);
                if (gap > RelativeAsymmetry * scale)
                {
                    throw new ArgumentException(
                        $"The matrix must be symmetric but entries ({i + 1}, {j + 1}) and ({j + 1}, {i + 1}) differ by {gap:G3} (1-based; largest entry {scale:G3}).",
                        paramName);
                }
            }
        }
    }
}

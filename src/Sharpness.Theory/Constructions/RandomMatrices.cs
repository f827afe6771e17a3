using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace Sharpness.Theory.Constructions;

/// <summary>Deterministic random matrices drawn from a caller's <see cref="Random"/> (the caller owns the seed).</summary>
public static class RandomMatrices
{
    /// <summary>A <c>rows x columns</c> matrix of independent <c>N(0, scale^2)</c> entries.</summary>
    public static Matrix<double> Gaussian(int rows, int columns, Random random, double scale = 1)
    {
        ArgumentNullException.ThrowIfNull(random);
        Preconditions.RequireNonNegative(scale, nameof(scale));
        var normal = new Normal(0, 1, random);
        return Matrix<double>.Build.Dense(rows, columns, (_, _) => scale * normal.Sample());
    }

    /// <summary>A <c>rows x columns</c> matrix with orthonormal columns (<c>rows &gt;= columns</c>), Haar-like via QR of a Gaussian.</summary>
    /// <exception cref="ArgumentException">More columns than rows.</exception>
    public static Matrix<double> Orthonormal(int rows, int columns, Random random)
    {
        if (columns > rows)
        {
            throw new ArgumentException($"Cannot have {columns} orthonormal columns in dimension {rows}.", nameof(columns));
        }

        return Gaussian(rows, columns, random).QR(QRMethod.Thin).Q;
    }

    /// <summary>The first <paramref name="columns"/> columns of the identity of size <paramref name="rows"/>.</summary>
    internal static Matrix<double> IdentityColumns(int rows, int columns) =>
        Matrix<double>.Build.Dense(rows, columns, (i, j) => i == j ? 1 : 0);
}

using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace Sharpness.Oracles;

/// <summary>The full spectrum of a dense symmetric matrix, by MathNet's symmetric eigenvalue decomposition.</summary>
public static class DenseSpectrum
{
    /// <summary>
    /// The largest parameter count N for which callers take the dense spectrum rather than Lanczos on the matrix-free
    /// Hessian. A dense EVD at N = 400 costs about N^3 = 6.4e7 flops and N^2 doubles (1.3 MB), well under a second, and is
    /// robust where Lanczos has to work (repeated top eigenvalues, a zero Hessian); above it the O(N^3) cost grows quickly
    /// (0.3 s at N = 600, about 20 s at N = 2421 here) while Lanczos needs a few hundred Hessian-vector products.
    /// </summary>
    public const int DenseLimit = 400;

    /// <summary>All eigenvalues of a symmetric matrix, in ascending order.</summary>
    /// <param name="symmetric">A square, finite, symmetric matrix (symmetric up to roundoff).</param>
    /// <returns>The <c>n</c> eigenvalues, ascending (repeated eigenvalues appear repeatedly).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="symmetric"/> is null.</exception>
    /// <exception cref="ArgumentException">The matrix is empty, not square, not finite or not symmetric.</exception>
    public static double[] Eigenvalues(Matrix<double> symmetric) => Decompose(symmetric).Values;

    /// <summary>The largest eigenvalue of a symmetric matrix and a unit eigenvector for it.</summary>
    /// <param name="symmetric">A square, finite, symmetric matrix.</param>
    /// <returns>The eigenvalue and a unit-norm eigenvector (any one, if the eigenvalue is repeated).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="symmetric"/> is null.</exception>
    /// <exception cref="ArgumentException">The matrix is empty, not square, not finite or not symmetric.</exception>
    public static (double Value, double[] Vector) Largest(Matrix<double> symmetric)
    {
        var (values, vectors) = Decompose(symmetric);
        return (values[^1], vectors.Column(values.Length - 1).ToArray());
    }

    /// <summary>The smallest eigenvalue of a symmetric matrix and a unit eigenvector for it.</summary>
    /// <param name="symmetric">A square, finite, symmetric matrix.</param>
    /// <returns>The eigenvalue and a unit-norm eigenvector (any one, if the eigenvalue is repeated).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="symmetric"/> is null.</exception>
    /// <exception cref="ArgumentException">The matrix is empty, not square, not finite or not symmetric.</exception>
    public static (double Value, double[] Vector) Smallest(Matrix<double> symmetric)
    {
        var (values, vectors) = Decompose(symmetric);
        return (values[0], vectors.Column(0).ToArray());
    }

    private static (double[] Values, Matrix<double> Vectors) Decompose(Matrix<double> symmetric)
    {
        SymmetricMatrixCheck.Validate(symmetric, nameof(symmetric));
        var (evd, largest) = ScaledEvd(symmetric);
        var n = symmetric.RowCount;

        // Sorted explicitly rather than relying on the provider's output order.
        var order = Enumerable.Range(0, n).OrderBy(i => evd.EigenValues[i].Real).ToArray();
        var values = order.Select(i => evd.EigenValues[i].Real * largest).ToArray();
        var vectors = Matrix<double>.Build.Dense(n, n, (r, c) => evd.EigenVectors[r, order[c]]);
        return (values, vectors);
    }

    /// <summary>
    /// The symmetric EVD of <c>X / max|x_ij|</c> and that largest entry, by which the eigenvalues are to be multiplied back.
    /// MathNet 5's symmetric EVD stops on absolute thresholds, so on a Hessian with entries near 1e-200 it returned half the
    /// top eigenvalue (2e-200 for <c>[[1e-100]], [[1e-100]]</c>, whose lambda_max is 4e-200); normalized, it is scale-invariant.
    /// Dividing by a power of two would be exact, but the largest entry keeps the normalized matrix's largest entry at 1.
    /// </summary>
    internal static (Evd<double> Evd, double Largest) ScaledEvd(Matrix<double> symmetric)
    {
        var largest = 0.0;
        foreach (var x in symmetric.Enumerate())
        {
            largest = Math.Max(largest, Math.Abs(x));
        }

        return largest > 0 ? (Normalized(symmetric, largest).Evd(Symmetricity.Symmetric), largest) : (symmetric.Evd(Symmetricity.Symmetric), 1.0);
    }

    // Entry by entry, not x / largest: MathNet may divide by multiplying with 1 / largest, which overflows for a subnormal largest.
    private static Matrix<double> Normalized(Matrix<double> x, double largest) => x.Map(v => v / largest);
}

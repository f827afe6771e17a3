using MathNet.Numerics.LinearAlgebra;
using Sharpness.Kernels;

namespace Sharpness.Theory.Linear;

/// <summary>The spectral norm <c>smax(X)</c>, the largest singular value (EXACT notation sigma_max).</summary>
/// <remarks>
/// Up to <see cref="SvdLimit"/> rows or columns the largest value of the SVD; beyond, <c>sqrt(lambda_max(G))</c> for the
/// smaller Gram matrix <c>G = X^T X</c> or <c>X X^T</c>, from a Krylov iteration that applies <c>G</c> as two
/// matrix-vector products and never forms it. The SVD's cost grows as <c>n^3</c> (11 s for a 1826 x 1826 partial product
/// of an N = 1e7 network, which EXACT eq. 34-35 need five of), the iteration's as <c>n^2</c> per product.
/// </remarks>
public static class SpectralNorm
{
    /// <summary>
    /// The least of the row and column counts up to which the SVD is taken: MathNet's managed SVD of a 200 x 200 matrix
    /// takes about 20 ms.
    /// </summary>
    public const int SvdLimit = 200;

    /// <summary><c>smax(X)</c> (0 for a zero matrix).</summary>
    /// <exception cref="ArgumentException">A non-finite entry.</exception>
    public static double Of(Matrix<double> x)
    {
        Preconditions.RequireFinite(x, nameof(x), "The matrix");
        return OfValidated(x);
    }

    internal static double OfValidated(Matrix<double> x) =>
        Math.Min(x.RowCount, x.ColumnCount) <= SvdLimit ? ScaledSvd.SingularValues(x)[0] : OfGram(x);

    // sqrt(lambda_max(G)) on X / max|x_ij|, scaled back as ScaledSvd does, so entries are at most 1 and nothing over- or
    // underflows; tr(G) = ||X||_F^2 >= lambda_max(G) is the iteration's scale. Column-major: column j of X is a[j m .. j m + m).
    private static double OfGram(Matrix<double> x)
    {
        var largest = x.Enumerate().Max(Math.Abs);
        if (largest == 0)
        {
            return 0;
        }

        var (m, k) = (x.RowCount, x.ColumnCount);
        var a = x.ToColumnMajorArray();
        for (var i = 0; i < a.Length; i++)
        {
            a[i] /= largest; // entry by entry: 1 / largest is infinite for a subnormal largest
        }

        var trace = Blas.Dot(a, a);
        var tall = m >= k;
        var order = tall ? k : m;
        var middle = new double[tall ? m : k];
        Action<double[], double[]> gram = tall
            ? (v, y) => { Times(a, m, k, v, middle); TransposeTimes(a, m, k, middle, y); }
            : (u, y) => { TransposeTimes(a, m, k, u, middle); Times(a, m, k, middle, y); };
        var (value, _) = ThickRestartLanczos.TopEigenpair(order, gram, trace, $"the {order} x {order} Gram matrix of a {m} x {k} matrix");
        return Math.Sqrt(Math.Max(value, 0)) * largest;
    }

    // y = X v for the m x k column-major X: one axpy per column.
    private static void Times(double[] a, int m, int k, double[] v, double[] y)
    {
        Array.Clear(y);
        for (var j = 0; j < k; j++)
        {
            Blas.Axpy(v[j], a.AsSpan(j * m, m), y);
        }
    }

    // y = X^T u: one dot per column.
    private static void TransposeTimes(double[] a, int m, int k, double[] u, double[] y)
    {
        for (var j = 0; j < k; j++)
        {
            y[j] = Blas.Dot(a.AsSpan(j * m, m), u);
        }
    }
}

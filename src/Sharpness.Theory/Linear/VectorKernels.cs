// VectorKernels: the level-1 operations of the closed forms' Krylov iteration (Theorem 5 beyond the dense limit), each
// in one summation order fixed by the length alone, so results are bit-identical from run to run.
namespace Sharpness.Theory.Linear;

/// <summary>Dot product, update and scaling of plain vectors for <see cref="KroneckerSumOperator"/>'s iteration.</summary>
internal static class VectorKernels
{
    /// <summary><c>x^T y</c>: four partial sums over the entries <c>i = l (mod 4)</c>, added as <c>(s0 + s1) + (s2 + s3)</c>, then the tail.</summary>
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var n = x.Length;
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        var i = 0;
        for (; i + 4 <= n; i += 4)
        {
            s0 += x[i] * y[i];
            s1 += x[i + 1] * y[i + 1];
            s2 += x[i + 2] * y[i + 2];
            s3 += x[i + 3] * y[i + 3];
        }

        var sum = (s0 + s1) + (s2 + s3);
        for (; i < n; i++)
        {
            sum += x[i] * y[i];
        }

        return sum;
    }

    /// <summary><c>||x||_2 = sqrt(x^T x)</c> (the iteration's vectors are near unit length, so squaring is safe).</summary>
    public static double Norm(ReadOnlySpan<double> x) => Math.Sqrt(Dot(x, x));

    /// <summary><c>y += alpha x</c>.</summary>
    public static void Axpy(double alpha, ReadOnlySpan<double> x, Span<double> y)
    {
        for (var i = 0; i < x.Length; i++)
        {
            y[i] += alpha * x[i];
        }
    }

    /// <summary><c>x *= alpha</c>.</summary>
    public static void Scale(Span<double> x, double alpha)
    {
        for (var i = 0; i < x.Length; i++)
        {
            x[i] *= alpha;
        }
    }
}

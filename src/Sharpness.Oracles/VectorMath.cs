using Sharpness.Kernels;

namespace Sharpness.Oracles;

/// <summary>Dot products, updates and an overflow-safe norm on spans, through the kernels' fixed summation order.</summary>
/// <remarks>
/// <see cref="Blas"/> fixes each sum's order by the lengths alone, so results are bit-identical on every machine and at
/// every processor count.
/// </remarks>
internal static class VectorMath
{
    /// <summary>x^T y in the kernels' fixed order (<see cref="Blas.Dot"/>).</summary>
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y) => Blas.Dot(x, y);

    /// <summary>y += a x, one fused multiply-add per entry (<see cref="Blas.Axpy"/>).</summary>
    public static void Axpy(double a, ReadOnlySpan<double> x, Span<double> y) => Blas.Axpy(a, x, y);

    /// <summary>
    /// The exponent <c>e</c> with the largest |entry| in <c>[2^e, 2^(e+1))</c> (0 for a zero or empty span): dividing by
    /// <c>2^e</c>, which is exact, brings the entries to at most 2 in size.
    /// </summary>
    public static int UnitExponent(ReadOnlySpan<double> x)
    {
        var largest = 0.0;
        foreach (var v in x)
        {
            largest = Math.Max(largest, Math.Abs(v));
        }

        return largest > 0 ? Math.ILogB(largest) : 0;
    }

    /// <summary>The Euclidean norm, safe from overflow and underflow of the squares.</summary>
    public static double Norm(ReadOnlySpan<double> x) => Norm(Dot(x, x), x);

    /// <summary>
    /// The Euclidean norm of <paramref name="x"/> from its square <paramref name="square"/> = <c>x^T x</c> as
    /// <see cref="Dot"/> computes it (a fused kernel may have computed it on the way), rescaled when the squares over- or
    /// underflowed.
    /// </summary>
    public static double Norm(double square, ReadOnlySpan<double> x)
    {
        var norm = Math.Sqrt(square);
        // Inside (1e-150, 1e150) no square under- or overflowed (NaN fails both tests and goes the long way too).
        if (norm > 1e-150 && norm < 1e150)
        {
            return norm;
        }

        // Squares overflowed, underflowed or were not finite: rescale by the largest entry.
        var largest = 0.0;
        foreach (var v in x)
        {
            largest = Math.Max(largest, Math.Abs(v));
        }

        if (largest == 0 || !double.IsFinite(largest))
        {
            return largest;
        }

        var sum = 0.0;
        foreach (var v in x)
        {
            var s = v / largest;
            sum += s * s;
        }

        return largest * Math.Sqrt(sum);
    }
}

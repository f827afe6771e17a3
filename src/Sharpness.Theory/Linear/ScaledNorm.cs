// ScaledNorm: Frobenius and Euclidean norms that neither underflow nor overflow (the whole double range).
using MathNet.Numerics.LinearAlgebra;

namespace Sharpness.Theory.Linear;

/// <summary>
/// Norms computed as <c>s sqrt(sum (x_i / s)^2)</c> with <c>s</c> the largest magnitude. MathNet's <c>FrobeniusNorm</c> sums
/// squares: a residual of 1e-200 squares to 0 (so a point 1e-200 away from its target of size 3e-200 was called a minimizer)
/// and entries of 1e160 square to infinity.
/// </summary>
public static class ScaledNorm
{
    /// <summary>The Frobenius norm <c>||X||_F</c>, exact to rounding over the whole double range.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> is null.</exception>
    public static double Frobenius(Matrix<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return Euclidean(x.Enumerate());
    }

    /// <summary>The Euclidean norm <c>sqrt(sum x_i^2)</c>, exact to rounding over the whole double range.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    public static double Euclidean(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        double[] list = [.. values];
        var largest = 0.0;
        foreach (var v in list)
        {
            largest = Math.Max(largest, Math.Abs(v));
        }

        if (largest == 0 || !double.IsFinite(largest))
        {
            return largest;
        }

        // Dividing by a power of two near the largest magnitude is exact, so in the normal range this is the plain sum.
        var shift = Math.ILogB(largest);
        var sum = 0.0;
        foreach (var v in list)
        {
            var s = Math.ScaleB(v, -shift);
            sum += s * s;
        }

        return Math.ScaleB(Math.Sqrt(sum), shift);
    }
}

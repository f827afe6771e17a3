using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Sharpness.Oracles;

/// <summary>Dot products and updates on spans, vectorized but with a fixed summation order.</summary>
/// <remarks>
/// Vector256 is used explicitly (not the hardware-width Vector&lt;T&gt;) and the four lanes are reduced in a fixed order, so
/// results are bit-identical on every machine; multiply and add are never fused, matching scalar IEEE arithmetic.
/// AggressiveOptimization skips tier-0 code, whose slowness would otherwise dominate one-off large calls.
/// </remarks>
internal static class VectorMath
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var n = x.Length;
        ref var xr = ref MemoryMarshal.GetReference(x);
        ref var yr = ref MemoryMarshal.GetReference(y);
        var acc0 = Vector256<double>.Zero;
        var acc1 = Vector256<double>.Zero;
        var i = 0;
        for (; i + 8 <= n; i += 8)
        {
            acc0 += Vector256.LoadUnsafe(ref xr, (nuint)i) * Vector256.LoadUnsafe(ref yr, (nuint)i);
            acc1 += Vector256.LoadUnsafe(ref xr, (nuint)(i + 4)) * Vector256.LoadUnsafe(ref yr, (nuint)(i + 4));
        }

        var acc = acc0 + acc1;
        var sum = (acc.GetElement(0) + acc.GetElement(1)) + (acc.GetElement(2) + acc.GetElement(3));
        for (; i < n; i++)
        {
            sum += x[i] * y[i];
        }

        return sum;
    }

    /// <summary>y += a x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Axpy(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        var n = x.Length;
        if (y.Length < n)
        {
            throw new ArgumentException("y is shorter than x.", nameof(y));
        }

        ref var xr = ref MemoryMarshal.GetReference(x);
        ref var yr = ref MemoryMarshal.GetReference(y);
        var av = Vector256.Create(a);
        var i = 0;
        for (; i + 4 <= n; i += 4)
        {
            (Vector256.LoadUnsafe(ref yr, (nuint)i) + (av * Vector256.LoadUnsafe(ref xr, (nuint)i))).StoreUnsafe(ref yr, (nuint)i);
        }

        for (; i < n; i++)
        {
            y[i] += a * x[i];
        }
    }

    public static double Norm(ReadOnlySpan<double> x)
    {
        var norm = Math.Sqrt(Dot(x, x));
        if (norm > 0 && norm < 1e150 && norm > 1e-150)
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

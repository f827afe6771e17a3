// Level-1 and column-list level-2 kernels: dot products, updates and their many-vector forms for Krylov bases that are
// too large for one array. Every result has one summation order fixed by the lengths alone (see Dot), never by the
// thread count or the hardware's vector width.
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Sharpness.Kernels;

/// <summary>
/// BLAS-like dense kernels on column-major storage and plain vectors: <see cref="Gemm"/>, <see cref="Dot"/>,
/// <see cref="Axpy"/>, <see cref="Scale"/>, <see cref="DotMany"/>, <see cref="AxpyMany"/>.
/// </summary>
/// <remarks>
/// Arithmetic only, at the level of MathNet or a BLAS: no formula of the suite lives here, and the assembly references
/// nothing of the suite, so the oracles and the formulas can both use it. All kernels are deterministic: each result is
/// computed in an order fixed by the arguments' lengths, so it is bit-identical from run to run, across processor counts
/// (<c>DOTNET_PROCESSOR_COUNT</c>) and on every x64 or Arm64 machine (Vector256 arithmetic is IEEE per lane and the fused
/// multiply-add is exact-then-rounded wherever it runs).
/// </remarks>
public static unsafe partial class Blas
{
    /// <summary>The block length of <see cref="Dot"/>'s fixed summation order (a multiple of 16).</summary>
    public const int DotBlock = 4096;

    // Vectors at least this long are shared out between threads, block by block.
    private const int ParallelLength = 1 << 16;

    /// <summary>The inner product <c>x^T y = sum_i x_i y_i</c> in a fixed order.</summary>
    /// <remarks>
    /// The order: <c>x</c> is cut into blocks of <see cref="DotBlock"/> entries (the last may be shorter). In a block, 16
    /// partial sums take the entries <c>i = l (mod 16)</c> of its 16-aligned part by fused multiply-adds, in increasing
    /// <c>i</c>, held as four Vector256 (lanes 0-3, 4-7, 8-11, 12-15) that are added as <c>(v0 + v1) + (v2 + v3)</c>,
    /// whose four lanes are added as <c>(l0 + l1) + (l2 + l3)</c>; the block's tail is added entry by entry with fused multiply-adds. The block
    /// sums are added in block order. Long vectors compute their blocks on several threads; the order does not change.
    /// </remarks>
    /// <param name="x">The first vector.</param>
    /// <param name="y">The second vector, at least as long as <paramref name="x"/> (its extra entries are ignored).</param>
    /// <returns>The inner product over the length of <paramref name="x"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="y"/> is shorter than <paramref name="x"/>.</exception>
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (y.Length < x.Length)
        {
            throw new ArgumentException($"y has length {y.Length} but x has length {x.Length}.", nameof(y));
        }

        var n = x.Length;
        var blocks = (n + DotBlock - 1) / DotBlock;
        if (n < ParallelLength || Environment.ProcessorCount == 1)
        {
            var sum = 0.0;
            for (var block = 0; block < blocks; block++)
            {
                var start = block * DotBlock;
                var length = Math.Min(DotBlock, n - start);
                sum += BlockDot(x.Slice(start, length), y.Slice(start, length));
            }

            return sum;
        }

        var partial = new double[blocks];
        fixed (double* px = x, py = y)
        {
            var ax = (nint)px;
            var ay = (nint)py;
            ParallelFor(blocks, block =>
            {
                var start = block * DotBlock;
                var length = Math.Min(DotBlock, n - start);
                partial[block] = BlockDot(new ReadOnlySpan<double>((double*)ax + start, length), new ReadOnlySpan<double>((double*)ay + start, length));
            });
        }

        var total = 0.0;
        foreach (var s in partial)
        {
            total += s;
        }

        return total;
    }

    /// <summary><c>y := y + alpha x</c>, each entry as one fused multiply-add <c>fma(alpha, x_i, y_i)</c>.</summary>
    /// <param name="alpha">The factor.</param>
    /// <param name="x">The vector added.</param>
    /// <param name="y">The vector updated, at least as long as <paramref name="x"/> (its extra entries are left alone).</param>
    /// <exception cref="ArgumentException"><paramref name="y"/> is shorter than <paramref name="x"/>.</exception>
    public static void Axpy(double alpha, ReadOnlySpan<double> x, Span<double> y)
    {
        if (y.Length < x.Length)
        {
            throw new ArgumentException($"y has length {y.Length} but x has length {x.Length}.", nameof(y));
        }

        AxpyCore(alpha, x, y[..x.Length]);
    }

    /// <summary><c>x := alpha x</c>, entry by entry.</summary>
    /// <param name="alpha">The factor.</param>
    /// <param name="x">The vector scaled in place.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Scale(double alpha, Span<double> x)
    {
        var n = x.Length;
        ref var xr = ref MemoryMarshal.GetReference(x);
        var av = Vector256.Create(alpha);
        var i = 0;
        for (; i + 4 <= n; i += 4)
        {
            (av * Vector256.LoadUnsafe(ref xr, (nuint)i)).StoreUnsafe(ref xr, (nuint)i);
        }

        for (; i < n; i++)
        {
            x[i] *= alpha;
        }
    }

    /// <summary>
    /// The inner products <c>h_i = q_i^T x</c> of <paramref name="x"/> with the first <c>h.Length</c> vectors of
    /// <paramref name="columns"/> (the transposed matrix-vector product <c>Q^T x</c> of a matrix stored as separate columns).
    /// </summary>
    /// <remarks>
    /// Each <c>h_i</c> is bit-identical to <see cref="Dot"/><c>(q_i, x)</c>; the work is ordered by blocks of rows, so that
    /// a block of <paramref name="x"/> is read from cache for every column (one pass over the basis instead of one per
    /// column).
    /// </remarks>
    /// <param name="columns">The columns <c>q_i</c>, each at least as long as <paramref name="x"/>.</param>
    /// <param name="x">The vector.</param>
    /// <param name="h">Receives the inner products; its length is the number of columns used.</param>
    /// <exception cref="ArgumentException">Fewer columns than <c>h.Length</c>, or a column shorter than <paramref name="x"/>.</exception>
    public static void DotMany(IReadOnlyList<double[]> columns, ReadOnlySpan<double> x, Span<double> h)
    {
        ArgumentNullException.ThrowIfNull(columns);
        CheckColumns(columns, h.Length, x.Length);
        var count = h.Length;
        var n = x.Length;
        var blocks = (n + DotBlock - 1) / DotBlock;
        // From ArrayPool (every entry is written before it is read): at N = 1e7 with a basis of 13 the partials are 254 KB, a
        // large-object allocation two or three times per Lanczos step, and the lambda-max verb's resident memory crept up by
        // about 110 MB over its 159 steps while that garbage waited for a full collection. UpdateThenDots likewise.
        var partial = ArrayPool<double>.Shared.Rent(count * blocks);
        fixed (double* px = x)
        {
            var ax = (nint)px;
            void Block(int block)
            {
                var start = block * DotBlock;
                var length = Math.Min(DotBlock, n - start);
                var xs = new ReadOnlySpan<double>((double*)ax + start, length);
                for (var i = 0; i < count; i++)
                {
                    partial[(i * blocks) + block] = BlockDot(columns[i].AsSpan(start, length), xs);
                }
            }

            For((long)count * n, blocks, Block);
        }

        SumBlocks(partial, blocks, h);
        ArrayPool<double>.Shared.Return(partial);
    }

    // h_i = the sum of row i's block partials (partial[i blocks + block]) in block order.
    private static void SumBlocks(double[] partial, int blocks, Span<double> h)
    {
        for (var i = 0; i < h.Length; i++)
        {
            var sum = 0.0;
            for (var block = 0; block < blocks; block++)
            {
                sum += partial[(i * blocks) + block];
            }

            h[i] = sum;
        }
    }

    /// <summary>
    /// <c>y := y + alpha sum_i h_i q_i</c> over the first <c>h.Length</c> vectors of <paramref name="columns"/> (the
    /// matrix-vector product <c>Q h</c> of a matrix stored as separate columns, added to <paramref name="y"/>).
    /// </summary>
    /// <remarks>
    /// Each entry is the chain <c>y_r = fma(alpha h_i, q_i[r], y_r)</c> for <c>i = 0, 1, ...</c> in order (each factor
    /// <c>alpha h_i</c> rounded once), bit-identical to successive <see cref="Axpy"/> calls; the work is ordered by blocks of
    /// rows, so that a block of <paramref name="y"/> stays in cache while every column is added.
    /// </remarks>
    /// <param name="alpha">The common factor.</param>
    /// <param name="columns">The columns <c>q_i</c>, each at least as long as <paramref name="y"/>.</param>
    /// <param name="h">The coefficients; their count is the number of columns used.</param>
    /// <param name="y">The vector updated.</param>
    /// <exception cref="ArgumentException">Fewer columns than <c>h.Length</c>, or a column shorter than <paramref name="y"/>.</exception>
    public static void AxpyMany(double alpha, IReadOnlyList<double[]> columns, ReadOnlySpan<double> h, Span<double> y)
    {
        ArgumentNullException.ThrowIfNull(columns);
        CheckColumns(columns, h.Length, y.Length);
        _ = UpdateThenDots(alpha, columns, h, y, [], square: false);
    }

    /// <summary>
    /// <see cref="AxpyMany"/> and then <see cref="DotMany"/> on the updated vector, in one pass over the columns:
    /// <c>y := y + alpha Q h</c>, then <c>g_i = q_i^T y</c> for the first <c>g.Length</c> columns; returns <c>y^T y</c>.
    /// </summary>
    /// <remarks>
    /// Bit-identical to <c>AxpyMany(alpha, columns, h, y)</c> followed by <c>DotMany(columns, y, g)</c> and
    /// <c>Dot(y, y)</c>: every block of rows of <paramref name="y"/> is updated in full and then, while it is still in
    /// cache, its partial inner products are taken, and the partial sums are added in the same block order. A second
    /// Gram-Schmidt pass reads the columns once less this way.
    /// </remarks>
    /// <param name="alpha">The common factor of the update.</param>
    /// <param name="columns">The columns <c>q_i</c>, each at least as long as <paramref name="y"/>.</param>
    /// <param name="h">The coefficients of the update; their count is the number of columns added.</param>
    /// <param name="y">The vector updated.</param>
    /// <param name="g">Receives the inner products of the updated vector; its length is the number of columns used.</param>
    /// <returns>The squared norm <c>y^T y</c> of the updated vector, as <see cref="Dot"/> computes it.</returns>
    /// <exception cref="ArgumentException">Fewer columns than <c>h.Length</c> or <c>g.Length</c>, or a column shorter than <paramref name="y"/>.</exception>
    public static double AxpyDotMany(double alpha, IReadOnlyList<double[]> columns, ReadOnlySpan<double> h, Span<double> y, Span<double> g)
    {
        ArgumentNullException.ThrowIfNull(columns);
        CheckColumns(columns, Math.Max(h.Length, g.Length), y.Length);
        return UpdateThenDots(alpha, columns, h, y, g, square: true);
    }

    // Block of rows by block of rows: y += alpha Q h (the chain of AxpyCore in column order), then, while the block is in
    // cache, the block partials of g_i = q_i^T y and (with square) of y^T y, added in block order. Returns y^T y, or 0
    // without square.
    private static double UpdateThenDots(double alpha, IReadOnlyList<double[]> columns, ReadOnlySpan<double> h, Span<double> y, Span<double> g, bool square)
    {
        var count = h.Length;
        var dots = g.Length;
        var n = y.Length;
        var factors = new double[count];
        for (var i = 0; i < count; i++)
        {
            factors[i] = alpha * h[i];
        }

        var blocks = (n + DotBlock - 1) / DotBlock;
        var sums = dots + (square ? 1 : 0);
        var partial = ArrayPool<double>.Shared.Rent(sums * blocks);
        fixed (double* py = y)
        {
            var ay = (nint)py;
            void Block(int block)
            {
                var start = block * DotBlock;
                var length = Math.Min(DotBlock, n - start);
                var ys = new Span<double>((double*)ay + start, length);
                for (var i = 0; i < count; i++)
                {
                    AxpyCore(factors[i], columns[i].AsSpan(start, length), ys);
                }

                for (var i = 0; i < dots; i++)
                {
                    partial[(i * blocks) + block] = BlockDot(columns[i].AsSpan(start, length), ys);
                }

                if (square)
                {
                    partial[(dots * blocks) + block] = BlockDot(ys, ys);
                }
            }

            For((long)(count + sums) * n, blocks, Block);
        }

        SumBlocks(partial, blocks, g);
        var total = 0.0;
        for (var block = 0; square && block < blocks; block++)
        {
            total += partial[(dots * blocks) + block];
        }

        ArrayPool<double>.Shared.Return(partial);
        return total;
    }

    private static void CheckColumns(IReadOnlyList<double[]> columns, int count, int length)
    {
        if (columns.Count < count)
        {
            throw new ArgumentException($"{count} coefficients but only {columns.Count} columns.", nameof(columns));
        }

        for (var i = 0; i < count; i++)
        {
            if (columns[i] is null || columns[i].Length < length)
            {
                throw new ArgumentException($"Column {i} has length {columns[i]?.Length ?? 0} but the vector has length {length}.", nameof(columns));
            }
        }
    }

    // The blocks on several threads when there are at least ParallelLength multiply-adds; the results do not depend on it.
    private static void For(long work, int blocks, Action<int> body)
    {
        if (work < ParallelLength || Environment.ProcessorCount == 1)
        {
            for (var block = 0; block < blocks; block++)
            {
                body(block);
            }
        }
        else
        {
            ParallelFor(blocks, body);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double BlockDot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var n = x.Length;
        ref var xr = ref MemoryMarshal.GetReference(x);
        ref var yr = ref MemoryMarshal.GetReference(y);
        var s0 = Vector256<double>.Zero;
        var s1 = Vector256<double>.Zero;
        var s2 = Vector256<double>.Zero;
        var s3 = Vector256<double>.Zero;
        var i = 0;
        for (; i + 16 <= n; i += 16)
        {
            s0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref xr, (nuint)i), Vector256.LoadUnsafe(ref yr, (nuint)i), s0);
            s1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref xr, (nuint)(i + 4)), Vector256.LoadUnsafe(ref yr, (nuint)(i + 4)), s1);
            s2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref xr, (nuint)(i + 8)), Vector256.LoadUnsafe(ref yr, (nuint)(i + 8)), s2);
            s3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref xr, (nuint)(i + 12)), Vector256.LoadUnsafe(ref yr, (nuint)(i + 12)), s3);
        }

        var s = (s0 + s1) + (s2 + s3);
        var sum = (s.GetElement(0) + s.GetElement(1)) + (s.GetElement(2) + s.GetElement(3));
        for (; i < n; i++)
        {
            sum = Math.FusedMultiplyAdd(x[i], y[i], sum);
        }

        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AxpyCore(double alpha, ReadOnlySpan<double> x, Span<double> y)
    {
        var n = x.Length;
        ref var xr = ref MemoryMarshal.GetReference(x);
        ref var yr = ref MemoryMarshal.GetReference(y);
        var av = Vector256.Create(alpha);
        var i = 0;
        for (; i + 8 <= n; i += 8)
        {
            Vector256.FusedMultiplyAdd(av, Vector256.LoadUnsafe(ref xr, (nuint)i), Vector256.LoadUnsafe(ref yr, (nuint)i)).StoreUnsafe(ref yr, (nuint)i);
            Vector256.FusedMultiplyAdd(av, Vector256.LoadUnsafe(ref xr, (nuint)(i + 4)), Vector256.LoadUnsafe(ref yr, (nuint)(i + 4))).StoreUnsafe(ref yr, (nuint)(i + 4));
        }

        for (; i < n; i++)
        {
            y[i] = Math.FusedMultiplyAdd(alpha, x[i], y[i]);
        }
    }
}

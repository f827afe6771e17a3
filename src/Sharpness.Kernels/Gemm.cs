// The matrix product C := alpha op(A) op(B) + beta C (BLAS's DGEMM), column-major, cache-blocked the way BLIS and
// OpenBLAS do it (Goto & van de Geijn 2008; Van Zee & van de Geijn 2015): B is packed in kc x nc slabs, A in mc x kc
// blocks, and an 8x6 register-blocked micro-kernel of Vector256 fused multiply-adds runs over the packed panels.
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Sharpness.Kernels;

public static unsafe partial class Blas
{
    // Micro-tile: 8 rows (two Vector256) by 6 columns = 12 accumulators, which with two loads of A and one broadcast of B
    // fits the 16 vector registers of AVX2 without spills.
    private const int MR = 8;
    private const int NR = 6;

    // kc x NR of B (12 KB) stays in L1, mc x kc of A (256 KB) in L2, kc x nc of B (4 MB) in L3.
    private const int KC = 256;
    private const int MC = 128;
    private const int NC = 340 * NR;

    // Rows of A packed at once: the blocks a parallel step shares out (2048 x 256 doubles, 4 MB).
    private const int MS = 16 * MC;

    // Below this many multiply-adds, or with a dimension under 4, packing costs more than it saves.
    private const long DirectLimit = 32 * 32 * 32;

    // Below this many multiply-adds one thread is faster than starting others.
    private const long ParallelLimit = 1L << 21;

    /// <summary>
    /// The matrix product <c>C := alpha op(A) op(B) + beta C</c> (BLAS's DGEMM) on column-major storage: entry <c>(i, j)</c>
    /// of a matrix stored in <c>x</c> with leading dimension <c>ldx</c> is <c>x[i + j ldx]</c>.
    /// </summary>
    /// <remarks>
    /// <para><c>op(A)</c> is <c>m x k</c>, <c>op(B)</c> is <c>k x n</c>, <c>C</c> is <c>m x n</c>; the stored <c>A</c> is
    /// <c>m x k</c> (<see cref="Transpose.None"/>) or <c>k x m</c> (<see cref="Transpose.Transposed"/>), likewise <c>B</c>.</para>
    /// <para>Every entry is computed in one fixed order, whatever the blocking, thread count or vector width:
    /// <c>s = beta c_ij</c> (exactly <c>0</c> when <c>beta = 0</c>, so that <c>C</c> may hold anything, NaN included), then
    /// <c>s = fma(alpha a_ip, b_pj, s)</c> for <c>p = 0, 1, ..., k - 1</c>, each product <c>alpha a_ip</c> rounded once
    /// (exact when <c>alpha = 1</c>). Results are therefore bit-identical from run to run, across processor counts and
    /// between the direct and the packed paths. When <c>alpha = 0</c> or <c>k = 0</c> only <c>C := beta C</c> is done.</para>
    /// <para>Large products run on all processors (<see cref="Parallel"/>); <c>C</c> must not overlap <c>A</c> or <c>B</c>.</para>
    /// </remarks>
    /// <param name="transA">Whether <c>op(A) = A</c> or <c>A^T</c>.</param>
    /// <param name="transB">Whether <c>op(B) = B</c> or <c>B^T</c>.</param>
    /// <param name="m">Rows of <c>op(A)</c> and <c>C</c>.</param>
    /// <param name="n">Columns of <c>op(B)</c> and <c>C</c>.</param>
    /// <param name="k">Columns of <c>op(A)</c>, rows of <c>op(B)</c>.</param>
    /// <param name="alpha">The factor of the product.</param>
    /// <param name="a">The stored <c>A</c>.</param>
    /// <param name="lda">Leading dimension of <c>A</c>: at least its stored row count (and 1).</param>
    /// <param name="b">The stored <c>B</c>.</param>
    /// <param name="ldb">Leading dimension of <c>B</c>: at least its stored row count (and 1).</param>
    /// <param name="beta">The factor of the old <c>C</c>; <c>0</c> overwrites it.</param>
    /// <param name="c">The stored <c>C</c>, overwritten with the result.</param>
    /// <param name="ldc">Leading dimension of <c>C</c>: at least <c>m</c> (and 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is negative or a leading dimension too small.</exception>
    /// <exception cref="ArgumentException">A span is shorter than its shape and leading dimension require.</exception>
    public static void Gemm(
        Transpose transA,
        Transpose transB,
        int m,
        int n,
        int k,
        double alpha,
        ReadOnlySpan<double> a,
        int lda,
        ReadOnlySpan<double> b,
        int ldb,
        double beta,
        Span<double> c,
        int ldc)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var (aRows, aColumns) = transA == Transpose.None ? (m, k) : (k, m);
        var (bRows, bColumns) = transB == Transpose.None ? (k, n) : (n, k);
        CheckStorage(a.Length, aRows, aColumns, lda, nameof(a), nameof(lda));
        CheckStorage(b.Length, bRows, bColumns, ldb, nameof(b), nameof(ldb));
        CheckStorage(c.Length, m, n, ldc, nameof(c), nameof(ldc));
        if (m == 0 || n == 0)
        {
            return;
        }

        fixed (double* pa = a, pb = b, pc = c)
        {
            ScaleColumns(m, n, beta, pc, ldc);
            if (alpha == 0 || k == 0)
            {
                return;
            }

            if (m < 4 || n < 4 || (long)m * n * k <= DirectLimit)
            {
                Direct(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, pc, ldc);
            }
            else
            {
                Packed(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, pc, ldc);
            }
        }
    }

    private static void CheckStorage(int length, int rows, int columns, int ld, string name, string ldName)
    {
        if (ld < Math.Max(1, rows))
        {
            throw new ArgumentOutOfRangeException(ldName, ld, $"{ldName} is {ld} but the stored {name} has {rows} rows; it must be at least max(1, {rows}).");
        }

        var needed = rows == 0 || columns == 0 ? 0 : ((long)(columns - 1) * ld) + rows;
        if (length < needed)
        {
            throw new ArgumentException($"{name} has length {length} but a {rows}x{columns} matrix with leading dimension {ld} needs {needed}.", name);
        }
    }

    private static void ScaleColumns(int m, int n, double beta, double* c, int ldc)
    {
        if (beta == 1)
        {
            return;
        }

        for (var j = 0; j < n; j++)
        {
            var column = new Span<double>(c + ((long)j * ldc), m);
            if (beta == 0)
            {
                column.Clear();
            }
            else
            {
                Scale(beta, column);
            }
        }
    }

    // Small or thin products, entry by entry in the documented order: vectorized across rows when A is stored as used,
    // four independent rows at a time (for instruction-level parallelism) when it is stored transposed.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Direct(Transpose transA, Transpose transB, int m, int n, int k, double alpha, double* a, int lda, double* b, int ldb, double* c, int ldc)
    {
        var alphaV = Vector256.Create(alpha);
        for (var j = 0; j < n; j++)
        {
            var cj = c + ((long)j * ldc);
            if (transA == Transpose.None)
            {
                for (var p = 0; p < k; p++)
                {
                    var bpj = transB == Transpose.None ? b[p + ((long)j * ldb)] : b[j + ((long)p * ldb)];
                    var ap = a + ((long)p * lda);
                    var bv = Vector256.Create(bpj);
                    var i = 0;
                    for (; i + 4 <= m; i += 4)
                    {
                        Vector256.Store(Vector256.FusedMultiplyAdd(alphaV * Vector256.Load(ap + i), bv, Vector256.Load(cj + i)), cj + i);
                    }

                    for (; i < m; i++)
                    {
                        cj[i] = Math.FusedMultiplyAdd(alpha * ap[i], bpj, cj[i]);
                    }
                }

                continue;
            }

            var row = 0;
            for (; row + 4 <= m; row += 4)
            {
                var a0 = a + ((long)row * lda);
                var a1 = a0 + lda;
                var a2 = a1 + lda;
                var a3 = a2 + lda;
                double s0 = cj[row], s1 = cj[row + 1], s2 = cj[row + 2], s3 = cj[row + 3];
                for (var p = 0; p < k; p++)
                {
                    var bpj = transB == Transpose.None ? b[p + ((long)j * ldb)] : b[j + ((long)p * ldb)];
                    s0 = Math.FusedMultiplyAdd(alpha * a0[p], bpj, s0);
                    s1 = Math.FusedMultiplyAdd(alpha * a1[p], bpj, s1);
                    s2 = Math.FusedMultiplyAdd(alpha * a2[p], bpj, s2);
                    s3 = Math.FusedMultiplyAdd(alpha * a3[p], bpj, s3);
                }

                cj[row] = s0;
                cj[row + 1] = s1;
                cj[row + 2] = s2;
                cj[row + 3] = s3;
            }

            for (; row < m; row++)
            {
                var ar = a + ((long)row * lda);
                var s = cj[row];
                for (var p = 0; p < k; p++)
                {
                    s = Math.FusedMultiplyAdd(alpha * ar[p], transB == Transpose.None ? b[p + ((long)j * ldb)] : b[j + ((long)p * ldb)], s);
                }

                cj[row] = s;
            }
        }
    }

    private static void Packed(Transpose transA, Transpose transB, int m, int n, int k, double alpha, double* a, int lda, double* b, int ldb, double* c, int ldc)
    {
        var parallel = (long)m * n * k >= ParallelLimit && Environment.ProcessorCount > 1;
        var packedB = ArrayPool<double>.Shared.Rent(KC * NC);
        var packedA = ArrayPool<double>.Shared.Rent(KC * MS);
        try
        {
            fixed (double* pb = packedB, pa = packedA)
            {
                var pbAddress = (nint)pb;
                var paAddress = (nint)pa;
                var cAddress = (nint)c;
                for (var jc = 0; jc < n; jc += NC)
                {
                    var nc = Math.Min(NC, n - jc);
                    for (var pc = 0; pc < k; pc += KC)
                    {
                        var kc = Math.Min(KC, k - pc);
                        var bBase = transB == Transpose.None ? b + pc + ((long)jc * ldb) : b + jc + ((long)pc * ldb);
                        PackB(kc, nc, bBase, transB, ldb, pb);
                        for (var ic = 0; ic < m; ic += MS)
                        {
                            var ms = Math.Min(MS, m - ic);
                            var aBase = transA == Transpose.None ? a + ic + ((long)pc * lda) : a + pc + ((long)ic * lda);
                            PackA(ms, kc, aBase, transA, lda, alpha, pa);

                            // Work items: blocks of MC rows times chunks of NR-column panels, enough to keep every thread busy.
                            var rowBlocks = (ms + MC - 1) / MC;
                            var panels = (nc + NR - 1) / NR;
                            var chunks = parallel ? Math.Min(panels, Math.Max(1, ((2 * Environment.ProcessorCount) + rowBlocks - 1) / rowBlocks)) : 1;
                            var panelsPerChunk = (panels + chunks - 1) / chunks;
                            var items = rowBlocks * chunks;
                            var cBlock = (nint)(c + ic + ((long)jc * ldc));
                            void Run(int item)
                            {
                                var rowBlock = item / chunks;
                                var chunk = item % chunks;
                                var i0 = rowBlock * MC;
                                var mc = Math.Min(MC, ms - i0);
                                var firstPanel = chunk * panelsPerChunk;
                                var lastPanel = Math.Min(panels, firstPanel + panelsPerChunk);
                                Macro(
                                    mc,
                                    nc,
                                    kc,
                                    firstPanel,
                                    lastPanel,
                                    (double*)paAddress + ((long)i0 * kc),
                                    (double*)pbAddress,
                                    (double*)cBlock + i0,
                                    ldc);
                            }

                            if (parallel && items > 1)
                            {
                                Parallel.For(0, items, Run);
                            }
                            else
                            {
                                for (var item = 0; item < items; item++)
                                {
                                    Run(item);
                                }
                            }
                        }
                    }
                }

                GC.KeepAlive(cAddress);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(packedA);
            ArrayPool<double>.Shared.Return(packedB);
        }
    }

    // op(A) rows [0, ms) by columns [0, kc) from base into MR-row panels: panel r holds alpha op(A)(r MR + t, p) at
    // [r MR kc + p MR + t], zero past the last row. A block of MC rows starts at row i0 at offset i0 kc.
    private static void PackA(int ms, int kc, double* a, Transpose transA, int lda, double alpha, double* dst)
    {
        for (var i0 = 0; i0 < ms; i0 += MR)
        {
            var rows = Math.Min(MR, ms - i0);
            var d = dst + ((long)i0 * kc);
            if (transA == Transpose.None)
            {
                var alphaV = Vector256.Create(alpha);
                for (var p = 0; p < kc; p++)
                {
                    var src = a + i0 + ((long)p * lda);
                    var dp = d + (p * MR);
                    if (rows == MR)
                    {
                        Vector256.Store(alphaV * Vector256.Load(src), dp);
                        Vector256.Store(alphaV * Vector256.Load(src + 4), dp + 4);
                    }
                    else
                    {
                        for (var t = 0; t < MR; t++)
                        {
                            dp[t] = t < rows ? alpha * src[t] : 0;
                        }
                    }
                }
            }
            else
            {
                for (var t = 0; t < MR; t++)
                {
                    var src = a + ((long)(i0 + t) * lda);
                    for (var p = 0; p < kc; p++)
                    {
                        d[(p * MR) + t] = t < rows ? alpha * src[p] : 0;
                    }
                }
            }
        }
    }

    // op(B) rows [0, kc) by columns [0, nc) into NR-column panels: panel s holds op(B)(p, s NR + t) at [s NR kc + p NR + t].
    private static void PackB(int kc, int nc, double* b, Transpose transB, int ldb, double* dst)
    {
        for (var j0 = 0; j0 < nc; j0 += NR)
        {
            var columns = Math.Min(NR, nc - j0);
            var d = dst + ((long)j0 * kc);
            if (transB == Transpose.None)
            {
                for (var t = 0; t < NR; t++)
                {
                    var src = b + ((long)(j0 + t) * ldb);
                    for (var p = 0; p < kc; p++)
                    {
                        d[(p * NR) + t] = t < columns ? src[p] : 0;
                    }
                }
            }
            else
            {
                for (var p = 0; p < kc; p++)
                {
                    var src = b + j0 + ((long)p * ldb);
                    for (var t = 0; t < NR; t++)
                    {
                        d[(p * NR) + t] = t < columns ? src[t] : 0;
                    }
                }
            }
        }
    }

    private static void Macro(int mc, int nc, int kc, int firstPanel, int lastPanel, double* packedA, double* packedB, double* c, int ldc)
    {
        var edge = stackalloc double[MR * NR];
        for (var s = firstPanel; s < lastPanel; s++)
        {
            var j0 = s * NR;
            var columns = Math.Min(NR, nc - j0);
            var bp = packedB + ((long)j0 * kc);
            for (var i0 = 0; i0 < mc; i0 += MR)
            {
                var rows = Math.Min(MR, mc - i0);
                var ap = packedA + ((long)i0 * kc);
                var tile = c + i0 + ((long)j0 * ldc);
                if (rows == MR && columns == NR)
                {
                    Kernel(kc, ap, bp, tile, ldc);
                    continue;
                }

                // An edge tile runs on a full MR x NR copy; the padded lanes multiply packed zeros and are dropped.
                for (var t = 0; t < NR; t++)
                {
                    for (var r = 0; r < MR; r++)
                    {
                        edge[r + (t * MR)] = r < rows && t < columns ? tile[r + ((long)t * ldc)] : 0;
                    }
                }

                Kernel(kc, ap, bp, edge, MR);
                for (var t = 0; t < columns; t++)
                {
                    for (var r = 0; r < rows; r++)
                    {
                        tile[r + ((long)t * ldc)] = edge[r + (t * MR)];
                    }
                }
            }
        }
    }

    // C[0..8, 0..6) = fma chain over p of the packed A panel (8 per p) times the packed B panel (6 per p), C loaded first,
    // so that blocking over k continues each entry's one chain.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel(int kc, double* a, double* b, double* c, int ldc)
    {
        var c0 = c;
        var c1 = c0 + ldc;
        var c2 = c1 + ldc;
        var c3 = c2 + ldc;
        var c4 = c3 + ldc;
        var c5 = c4 + ldc;
        var x00 = Vector256.Load(c0);
        var x10 = Vector256.Load(c0 + 4);
        var x01 = Vector256.Load(c1);
        var x11 = Vector256.Load(c1 + 4);
        var x02 = Vector256.Load(c2);
        var x12 = Vector256.Load(c2 + 4);
        var x03 = Vector256.Load(c3);
        var x13 = Vector256.Load(c3 + 4);
        var x04 = Vector256.Load(c4);
        var x14 = Vector256.Load(c4 + 4);
        var x05 = Vector256.Load(c5);
        var x15 = Vector256.Load(c5 + 4);
        for (var p = 0; p < kc; p++)
        {
            var a0 = Vector256.Load(a);
            var a1 = Vector256.Load(a + 4);
            var bv = Vector256.Create(b[0]);
            x00 = Vector256.FusedMultiplyAdd(a0, bv, x00);
            x10 = Vector256.FusedMultiplyAdd(a1, bv, x10);
            bv = Vector256.Create(b[1]);
            x01 = Vector256.FusedMultiplyAdd(a0, bv, x01);
            x11 = Vector256.FusedMultiplyAdd(a1, bv, x11);
            bv = Vector256.Create(b[2]);
            x02 = Vector256.FusedMultiplyAdd(a0, bv, x02);
            x12 = Vector256.FusedMultiplyAdd(a1, bv, x12);
            bv = Vector256.Create(b[3]);
            x03 = Vector256.FusedMultiplyAdd(a0, bv, x03);
            x13 = Vector256.FusedMultiplyAdd(a1, bv, x13);
            bv = Vector256.Create(b[4]);
            x04 = Vector256.FusedMultiplyAdd(a0, bv, x04);
            x14 = Vector256.FusedMultiplyAdd(a1, bv, x14);
            bv = Vector256.Create(b[5]);
            x05 = Vector256.FusedMultiplyAdd(a0, bv, x05);
            x15 = Vector256.FusedMultiplyAdd(a1, bv, x15);
            a += MR;
            b += NR;
        }

        Vector256.Store(x00, c0);
        Vector256.Store(x10, c0 + 4);
        Vector256.Store(x01, c1);
        Vector256.Store(x11, c1 + 4);
        Vector256.Store(x02, c2);
        Vector256.Store(x12, c2 + 4);
        Vector256.Store(x03, c3);
        Vector256.Store(x13, c3 + 4);
        Vector256.Store(x04, c4);
        Vector256.Store(x14, c4 + 4);
        Vector256.Store(x05, c5);
        Vector256.Store(x15, c5 + 4);
    }
}

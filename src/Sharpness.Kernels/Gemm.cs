// The matrix product C := alpha op(A) op(B) + beta C (BLAS's DGEMM), column-major, cache-blocked the way BLIS and
// OpenBLAS do it (Goto & van de Geijn 2008; Van Zee & van de Geijn 2015): B is packed in kc x nc slabs, A in mc x kc
// blocks, and a register-blocked micro-kernel of fused multiply-adds runs over the packed panels: 24x8 of Vector512 where
// the processor has AVX-512 (BLIS's SKX shape), 8x6 of Vector256 otherwise (its Haswell shape). Both compute every entry
// in the same order, so the micro-kernel changes the speed and never a bit.
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Sharpness.Kernels;

public static unsafe partial class Blas
{
    // kc x NR of B (12-16 KB) stays in L1, MC x kc of A (240-256 KB) in L2, kc x NC of B (4-5 MB) in L3.
    private const int KC = 256;

    // Rows of A packed at once: the blocks a parallel step shares out (1920 x 256 doubles, 4 MB; 16 row blocks of 120,
    // a multiple of both tiles' 24 and 8 rows).
    private const int MS = 16 * 120;

    // Below this many multiply-adds, or with a dimension under 4, packing costs more than it saves.
    private const long DirectLimit = 32 * 32 * 32;

    // A product with fewer columns than this reads an A of at most ThinArea entries (1 MB, from L2) once per column faster
    // than it packs it: (320 x 320)(320 x 5) took twice as long packed.
    private const int ThinColumns = 16;
    private const long ThinArea = 1L << 17;

    // Below this many multiply-adds one thread is faster than starting others.
    private const long ParallelLimit = 1L << 21;

    /// <summary>The micro-tile this processor runs fastest: 24x8 with AVX-512, 8x6 without.</summary>
    internal static readonly MicroTile NativeTile = Vector512.IsHardwareAccelerated ? MicroTile.Vector512By24x8 : MicroTile.Vector256By8x6;

    [ThreadStatic]
    private static double[]? t_packedA;

    [ThreadStatic]
    private static double[]? t_packedB;

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
        int ldc) => GemmWith(NativeTile, transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);

    /// <summary>
    /// <see cref="Gemm"/> with a chosen micro-tile, so that tests run both on any processor (Vector512 without AVX-512 is
    /// emulated: correct, slow).
    /// </summary>
    internal static void GemmWith(
        MicroTile tile,
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

            if (m < 4 || n < 4 || (long)m * n * k <= DirectLimit || (n < ThinColumns && (long)m * k <= ThinArea))
            {
                Direct(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, pc, ldc);
            }
            else
            {
                Packed(Shape.Of(tile), transA, transB, m, n, k, alpha, pa, lda, pb, ldb, pc, ldc);
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

    private static void Packed(Shape shape, Transpose transA, Transpose transB, int m, int n, int k, double alpha, double* a, int lda, double* b, int ldb, double* c, int ldc)
    {
        var (mr, nr, mcMax, ncMax) = (shape.Rows, shape.Columns, shape.RowBlock, shape.ColumnSlab);
        var parallel = (long)m * n * k >= ParallelLimit && Environment.ProcessorCount > 1;
        var kcMax = Math.Min(KC, k);
        var packedB = Buffer(ref t_packedB, kcMax * RoundUp(Math.Min(ncMax, n), nr));
        var packedA = Buffer(ref t_packedA, kcMax * RoundUp(Math.Min(MS, m), mr));
        {
            fixed (double* pb = packedB, pa = packedA)
            {
                var pbAddress = (nint)pb;
                var paAddress = (nint)pa;
                var cAddress = (nint)c;
                for (var jc = 0; jc < n; jc += ncMax)
                {
                    var nc = Math.Min(ncMax, n - jc);
                    for (var pc = 0; pc < k; pc += KC)
                    {
                        var kc = Math.Min(KC, k - pc);
                        var bBase = transB == Transpose.None ? b + pc + ((long)jc * ldb) : b + jc + ((long)pc * ldb);
                        if (parallel)
                        {
                            PackBInPieces(nr, kc, nc, bBase, transB, ldb, pb);
                        }
                        else
                        {
                            PackB(nr, kc, nc, bBase, transB, ldb, pb);
                        }
                        for (var ic = 0; ic < m; ic += MS)
                        {
                            var ms = Math.Min(MS, m - ic);
                            var aBase = transA == Transpose.None ? a + ic + ((long)pc * lda) : a + pc + ((long)ic * lda);
                            if (parallel)
                            {
                                PackAInPieces(mr, ms, kc, aBase, transA, lda, alpha, pa);
                            }
                            else
                            {
                                PackA(mr, ms, kc, aBase, transA, lda, alpha, pa);
                            }

                            // Work items: blocks of MC rows times chunks of NR-column panels, enough to keep every thread busy.
                            var rowBlocks = (ms + mcMax - 1) / mcMax;
                            var panels = (nc + nr - 1) / nr;
                            var chunks = parallel ? Chunks(rowBlocks, panels) : 1;
                            var panelsPerChunk = (panels + chunks - 1) / chunks;
                            var items = rowBlocks * chunks;
                            var cBlock = (nint)(c + ic + ((long)jc * ldc));
                            void Run(int item)
                            {
                                var rowBlock = item / chunks;
                                var chunk = item % chunks;
                                var i0 = rowBlock * mcMax;
                                var mc = Math.Min(mcMax, ms - i0);
                                var firstPanel = chunk * panelsPerChunk;
                                var lastPanel = Math.Min(panels, firstPanel + panelsPerChunk);
                                Macro(
                                    shape.Tile,
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
                                ParallelFor(items, Run);
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
    }

    // PackA and PackB of a parallel product on every processor, in pieces of whole panels (packing is copying, so the
    // pieces cannot change a bit); separate methods so that a serial product allocates no closure.
    private static void PackAInPieces(int mr, int ms, int kc, double* a, Transpose transA, int lda, double alpha, double* dst)
    {
        var (source, target) = ((nint)a, (nint)dst);
        Pieces(ms, mr, (start, length) => PackA(
            mr,
            length,
            kc,
            (double*)source + (transA == Transpose.None ? start : (long)start * lda),
            transA,
            lda,
            alpha,
            (double*)target + ((long)start * kc)));
    }

    private static void PackBInPieces(int nr, int kc, int nc, double* b, Transpose transB, int ldb, double* dst)
    {
        var (source, target) = ((nint)b, (nint)dst);
        Pieces(nc, nr, (start, length) => PackB(
            nr,
            kc,
            length,
            (double*)source + (transB == Transpose.None ? (long)start * ldb : start),
            transB,
            ldb,
            (double*)target + ((long)start * kc)));
    }

    // pack(start, length) over [0, count) in one piece of whole panels per processor.
    private static void Pieces(int count, int panel, Action<int, int> pack)
    {
        var panels = (count + panel - 1) / panel;
        var pieces = Math.Min(panels, Environment.ProcessorCount);
        var perPiece = (panels + pieces - 1) / pieces * panel;
        ParallelFor(pieces, piece =>
        {
            var start = piece * perPiece;
            if (start < count)
            {
                pack(start, Math.Min(perPiece, count - start));
            }
        });
    }

    // Panel chunks per row block for a parallel step: at least 2 work items per processor, and a multiple of the processor
    // count where the panels allow, so that no processor waits for a last item alone (at n = 577, 5 row blocks on 2 cores
    // were 3 items against 2).
    private static int Chunks(int rowBlocks, int panels)
    {
        var processors = Environment.ProcessorCount;
        var chunks = Math.Max(1, ((2 * processors) + rowBlocks - 1) / rowBlocks);
        while (chunks < panels && rowBlocks * chunks % processors != 0)
        {
            chunks++;
        }

        return Math.Min(panels, chunks);
    }

    private static int RoundUp(int x, int multiple) => (x + multiple - 1) / multiple * multiple;

    // The calling thread's packing buffer, grown to at least length (packing happens on the calling thread only, so a
    // product allocates nothing once its thread has seen one as large).
    private static double[] Buffer(ref double[]? buffer, int length)
    {
        if (buffer is null || buffer.Length < length)
        {
            buffer = GC.AllocateUninitializedArray<double>(length);
        }

        return buffer;
    }

    // op(A) rows [0, ms) by columns [0, kc) from base into mr-row panels: panel r holds alpha op(A)(r mr + t, p) at
    // [r mr kc + p mr + t], zero past the last row. A block of MC rows starts at row i0 at offset i0 kc.
    private static void PackA(int mr, int ms, int kc, double* a, Transpose transA, int lda, double alpha, double* dst)
    {
        for (var i0 = 0; i0 < ms; i0 += mr)
        {
            var rows = Math.Min(mr, ms - i0);
            var d = dst + ((long)i0 * kc);
            if (transA == Transpose.None)
            {
                var alphaV = Vector256.Create(alpha);
                for (var p = 0; p < kc; p++)
                {
                    var src = a + i0 + ((long)p * lda);
                    var dp = d + (p * mr);
                    if (rows == mr)
                    {
                        for (var t = 0; t < mr; t += 4)
                        {
                            Vector256.Store(alphaV * Vector256.Load(src + t), dp + t);
                        }
                    }
                    else
                    {
                        for (var t = 0; t < mr; t++)
                        {
                            dp[t] = t < rows ? alpha * src[t] : 0;
                        }
                    }
                }
            }
            else
            {
                for (var t = 0; t < mr; t++)
                {
                    var src = a + ((long)(i0 + t) * lda);
                    for (var p = 0; p < kc; p++)
                    {
                        d[(p * mr) + t] = t < rows ? alpha * src[p] : 0;
                    }
                }
            }
        }
    }

    // op(B) rows [0, kc) by columns [0, nc) into nr-column panels: panel s holds op(B)(p, s nr + t) at [s nr kc + p nr + t].
    private static void PackB(int nr, int kc, int nc, double* b, Transpose transB, int ldb, double* dst)
    {
        for (var j0 = 0; j0 < nc; j0 += nr)
        {
            var columns = Math.Min(nr, nc - j0);
            var d = dst + ((long)j0 * kc);
            if (transB == Transpose.None)
            {
                for (var t = 0; t < nr; t++)
                {
                    var src = b + ((long)(j0 + t) * ldb);
                    for (var p = 0; p < kc; p++)
                    {
                        d[(p * nr) + t] = t < columns ? src[p] : 0;
                    }
                }
            }
            else
            {
                for (var p = 0; p < kc; p++)
                {
                    var src = b + j0 + ((long)p * ldb);
                    for (var t = 0; t < nr; t++)
                    {
                        d[(p * nr) + t] = t < columns ? src[t] : 0;
                    }
                }
            }
        }
    }

    private static void Macro(MicroTile tile, int mc, int nc, int kc, int firstPanel, int lastPanel, double* packedA, double* packedB, double* c, int ldc)
    {
        var (mr, nr) = tile == MicroTile.Vector512By24x8 ? (24, 8) : (8, 6);
        var edge = stackalloc double[24 * 8];
        for (var s = firstPanel; s < lastPanel; s++)
        {
            var j0 = s * nr;
            var columns = Math.Min(nr, nc - j0);
            var bp = packedB + ((long)j0 * kc);
            for (var i0 = 0; i0 < mc; i0 += mr)
            {
                var rows = Math.Min(mr, mc - i0);
                var ap = packedA + ((long)i0 * kc);
                var block = c + i0 + ((long)j0 * ldc);
                if (rows == mr && columns == nr)
                {
                    Kernel(tile, kc, ap, bp, block, ldc);
                    continue;
                }

                // An edge tile runs on a full mr x nr copy; the padded lanes multiply packed zeros and are dropped.
                for (var t = 0; t < nr; t++)
                {
                    for (var r = 0; r < mr; r++)
                    {
                        edge[r + (t * mr)] = r < rows && t < columns ? block[r + ((long)t * ldc)] : 0;
                    }
                }

                Kernel(tile, kc, ap, bp, edge, mr);
                for (var t = 0; t < columns; t++)
                {
                    for (var r = 0; r < rows; r++)
                    {
                        block[r + ((long)t * ldc)] = edge[r + (t * mr)];
                    }
                }
            }
        }
    }

    private static void Kernel(MicroTile tile, int kc, double* a, double* b, double* c, int ldc)
    {
        if (tile == MicroTile.Vector512By24x8)
        {
            Kernel24x8(kc, a, b, c, ldc);
        }
        else
        {
            Kernel8x6(kc, a, b, c, ldc);
        }
    }

    // C[0..8, 0..6) = fma chain over p of the packed A panel (8 per p) times the packed B panel (6 per p), C loaded first,
    // so that blocking over k continues each entry's one chain. 12 accumulators, two loads of A and one broadcast of B fit
    // the 16 vector registers of AVX2 without spills.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel8x6(int kc, double* a, double* b, double* c, int ldc)
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
            a += 8;
            b += 6;
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

    // The same chains on a 24x8 tile: 24 Vector512 accumulators, three loads of A and one broadcast of B in the 32 registers
    // of AVX-512. Written out, like Kernel8x6, on purpose: the JIT keeps named locals in registers, but not the elements of
    // an array or span of accumulators, nor locals passed by reference to a helper (the loop would spill every step).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel24x8(int kc, double* a, double* b, double* c, int ldc)
    {
        var c0 = c;
        var c1 = c + (1L * ldc);
        var c2 = c + (2L * ldc);
        var c3 = c + (3L * ldc);
        var c4 = c + (4L * ldc);
        var c5 = c + (5L * ldc);
        var c6 = c + (6L * ldc);
        var c7 = c + (7L * ldc);
        var x00 = Vector512.Load(c0);
        var x10 = Vector512.Load(c0 + 8);
        var x20 = Vector512.Load(c0 + 16);
        var x01 = Vector512.Load(c1);
        var x11 = Vector512.Load(c1 + 8);
        var x21 = Vector512.Load(c1 + 16);
        var x02 = Vector512.Load(c2);
        var x12 = Vector512.Load(c2 + 8);
        var x22 = Vector512.Load(c2 + 16);
        var x03 = Vector512.Load(c3);
        var x13 = Vector512.Load(c3 + 8);
        var x23 = Vector512.Load(c3 + 16);
        var x04 = Vector512.Load(c4);
        var x14 = Vector512.Load(c4 + 8);
        var x24 = Vector512.Load(c4 + 16);
        var x05 = Vector512.Load(c5);
        var x15 = Vector512.Load(c5 + 8);
        var x25 = Vector512.Load(c5 + 16);
        var x06 = Vector512.Load(c6);
        var x16 = Vector512.Load(c6 + 8);
        var x26 = Vector512.Load(c6 + 16);
        var x07 = Vector512.Load(c7);
        var x17 = Vector512.Load(c7 + 8);
        var x27 = Vector512.Load(c7 + 16);
        for (var p = 0; p < kc; p++)
        {
            var a0 = Vector512.Load(a);
            var a1 = Vector512.Load(a + 8);
            var a2 = Vector512.Load(a + 16);
            var bv = Vector512.Create(b[0]);
            x00 = Vector512.FusedMultiplyAdd(a0, bv, x00);
            x10 = Vector512.FusedMultiplyAdd(a1, bv, x10);
            x20 = Vector512.FusedMultiplyAdd(a2, bv, x20);
            bv = Vector512.Create(b[1]);
            x01 = Vector512.FusedMultiplyAdd(a0, bv, x01);
            x11 = Vector512.FusedMultiplyAdd(a1, bv, x11);
            x21 = Vector512.FusedMultiplyAdd(a2, bv, x21);
            bv = Vector512.Create(b[2]);
            x02 = Vector512.FusedMultiplyAdd(a0, bv, x02);
            x12 = Vector512.FusedMultiplyAdd(a1, bv, x12);
            x22 = Vector512.FusedMultiplyAdd(a2, bv, x22);
            bv = Vector512.Create(b[3]);
            x03 = Vector512.FusedMultiplyAdd(a0, bv, x03);
            x13 = Vector512.FusedMultiplyAdd(a1, bv, x13);
            x23 = Vector512.FusedMultiplyAdd(a2, bv, x23);
            bv = Vector512.Create(b[4]);
            x04 = Vector512.FusedMultiplyAdd(a0, bv, x04);
            x14 = Vector512.FusedMultiplyAdd(a1, bv, x14);
            x24 = Vector512.FusedMultiplyAdd(a2, bv, x24);
            bv = Vector512.Create(b[5]);
            x05 = Vector512.FusedMultiplyAdd(a0, bv, x05);
            x15 = Vector512.FusedMultiplyAdd(a1, bv, x15);
            x25 = Vector512.FusedMultiplyAdd(a2, bv, x25);
            bv = Vector512.Create(b[6]);
            x06 = Vector512.FusedMultiplyAdd(a0, bv, x06);
            x16 = Vector512.FusedMultiplyAdd(a1, bv, x16);
            x26 = Vector512.FusedMultiplyAdd(a2, bv, x26);
            bv = Vector512.Create(b[7]);
            x07 = Vector512.FusedMultiplyAdd(a0, bv, x07);
            x17 = Vector512.FusedMultiplyAdd(a1, bv, x17);
            x27 = Vector512.FusedMultiplyAdd(a2, bv, x27);
            a += 24;
            b += 8;
        }

        Vector512.Store(x00, c0);
        Vector512.Store(x10, c0 + 8);
        Vector512.Store(x20, c0 + 16);
        Vector512.Store(x01, c1);
        Vector512.Store(x11, c1 + 8);
        Vector512.Store(x21, c1 + 16);
        Vector512.Store(x02, c2);
        Vector512.Store(x12, c2 + 8);
        Vector512.Store(x22, c2 + 16);
        Vector512.Store(x03, c3);
        Vector512.Store(x13, c3 + 8);
        Vector512.Store(x23, c3 + 16);
        Vector512.Store(x04, c4);
        Vector512.Store(x14, c4 + 8);
        Vector512.Store(x24, c4 + 16);
        Vector512.Store(x05, c5);
        Vector512.Store(x15, c5 + 8);
        Vector512.Store(x25, c5 + 16);
        Vector512.Store(x06, c6);
        Vector512.Store(x16, c6 + 8);
        Vector512.Store(x26, c6 + 16);
        Vector512.Store(x07, c7);
        Vector512.Store(x17, c7 + 8);
        Vector512.Store(x27, c7 + 16);
    }

    // The blocking of a micro-tile: mr x nr registers, MC rows of A per block (a multiple of mr, about 250 KB at kc = 256,
    // for L2) and NC columns of B per slab (a multiple of nr, about 4-5 MB, for L3).
    private readonly record struct Shape(MicroTile Tile, int Rows, int Columns, int RowBlock, int ColumnSlab)
    {
        public static Shape Of(MicroTile tile) => tile == MicroTile.Vector512By24x8
            ? new(tile, 24, 8, 120, 300 * 8)
            : new(tile, 8, 6, 120, 340 * 6);
    }
}

/// <summary>The register-blocked micro-kernels of <see cref="Blas.Gemm"/>.</summary>
internal enum MicroTile
{
    /// <summary>8 x 6 entries in 12 Vector256 registers (AVX2).</summary>
    Vector256By8x6,

    /// <summary>24 x 8 entries in 24 Vector512 registers (AVX-512).</summary>
    Vector512By24x8,
}

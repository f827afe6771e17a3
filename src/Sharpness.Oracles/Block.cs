using System.Runtime.CompilerServices;
using MathNet.Numerics.LinearAlgebra;

namespace Sharpness.Oracles;

/// <summary>
/// A column-major dense matrix that may view a slice of a larger array, with the three accumulating products the
/// Hessian-vector product needs. MathNet's managed provider spends most of its time on overhead at these thin shapes
/// (320x5 times 5x320 costs it ~5 ms), so the hot path uses these kernels instead.
/// </summary>
internal sealed class Block
{
    // Below this many rows an axpy over a column is mostly call overhead; dotting rows of a transposed copy is faster.
    private const int ShortColumn = 16;

    private readonly double[] _data;
    private readonly int _offset;

    public Block(int rows, int columns)
        : this(rows, columns, new double[rows * columns], 0)
    {
    }

    public Block(int rows, int columns, double[] data, int offset)
    {
        Rows = rows;
        Columns = columns;
        _data = data;
        _offset = offset;
    }

    public int Rows { get; }

    public int Columns { get; }

    public Span<double> Values => _data.AsSpan(_offset, Rows * Columns);

    public static Block From(Matrix<double> matrix) =>
        new(matrix.RowCount, matrix.ColumnCount, matrix.ToColumnMajorArray(), 0);

    public Span<double> Column(int j) => _data.AsSpan(_offset + (j * Rows), Rows);

    /// <summary>C += A B.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplyAdd(Block a, Block b, Block c)
    {
        if (a.Rows < ShortColumn)
        {
            // C[i, j] = row i of A . column j of B: dot products over A's rows, made contiguous first.
            TransposeMultiplyAdd(a.Transpose(), b, c);
            return;
        }

        for (var j = 0; j < b.Columns; j++)
        {
            var bj = b.Column(j);
            var cj = c.Column(j);
            for (var p = 0; p < a.Columns; p++)
            {
                if (bj[p] != 0)
                {
                    VectorMath.Axpy(bj[p], a.Column(p), cj);
                }
            }
        }
    }

    /// <summary>C += A^T B.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void TransposeMultiplyAdd(Block a, Block b, Block c)
    {
        for (var j = 0; j < b.Columns; j++)
        {
            var bj = b.Column(j);
            var cj = c.Column(j);
            for (var i = 0; i < a.Columns; i++)
            {
                cj[i] += VectorMath.Dot(a.Column(i), bj);
            }
        }
    }

    /// <summary>C += A B^T.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplyTransposeAdd(Block a, Block b, Block c)
    {
        if (a.Rows < ShortColumn)
        {
            // C[i, j] = row i of A . row j of B: dot products over both matrices' rows, made contiguous first.
            TransposeMultiplyAdd(a.Transpose(), b.Transpose(), c);
            return;
        }

        for (var p = 0; p < a.Columns; p++)
        {
            var ap = a.Column(p);
            var bp = b.Column(p);
            for (var j = 0; j < b.Rows; j++)
            {
                if (bp[j] != 0)
                {
                    VectorMath.Axpy(bp[j], ap, c.Column(j));
                }
            }
        }
    }

    public Block Transpose()
    {
        var t = new Block(Columns, Rows);
        for (var j = 0; j < Columns; j++)
        {
            var column = Column(j);
            for (var i = 0; i < Rows; i++)
            {
                t._data[j + (i * Columns)] = column[i];
            }
        }

        return t;
    }
}

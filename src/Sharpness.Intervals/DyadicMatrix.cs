// DyadicMatrix: matrices of exact binary rationals, for products of layers computed without any rounding.
namespace Sharpness.Intervals;

/// <summary>
/// A dense matrix of exact binary rationals (<see cref="Dyadic"/>). Products, sums, transposes and Kronecker products are
/// exact; <see cref="Enclose"/> rounds every entry outward once.
/// </summary>
/// <remarks>Immutable: operations return new matrices.</remarks>
public sealed class DyadicMatrix
{
    private readonly Dyadic[,] _entries;

    private DyadicMatrix(Dyadic[,] entries) => _entries = entries;

    /// <summary>The number of rows.</summary>
    public int RowCount => _entries.GetLength(0);

    /// <summary>The number of columns.</summary>
    public int ColumnCount => _entries.GetLength(1);

    /// <summary>The entry in row <paramref name="row"/> and column <paramref name="column"/> (0-based).</summary>
    public Dyadic this[int row, int column] => _entries[row, column];

    /// <summary>The exact values of a matrix of doubles.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An entry is NaN or infinite.</exception>
    public static DyadicMatrix Of(double[,] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var x = new Dyadic[values.GetLength(0), values.GetLength(1)];
        for (var r = 0; r < x.GetLength(0); r++)
        {
            for (var c = 0; c < x.GetLength(1); c++)
            {
                x[r, c] = Dyadic.Of(values[r, c]);
            }
        }

        return new DyadicMatrix(x);
    }

    /// <summary>The matrix of the given exact entries (copied).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="entries"/> is null.</exception>
    public static DyadicMatrix Of(Dyadic[,] entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return new DyadicMatrix((Dyadic[,])entries.Clone());
    }

    /// <summary>The <c>n x n</c> identity.</summary>
    public static DyadicMatrix Identity(int n)
    {
        var x = new Dyadic[n, n];
        for (var i = 0; i < n; i++)
        {
            x[i, i] = Dyadic.One;
        }

        return new DyadicMatrix(x);
    }

    /// <summary>The exact transpose.</summary>
    public DyadicMatrix Transpose()
    {
        var x = new Dyadic[ColumnCount, RowCount];
        for (var r = 0; r < RowCount; r++)
        {
            for (var c = 0; c < ColumnCount; c++)
            {
                x[c, r] = _entries[r, c];
            }
        }

        return new DyadicMatrix(x);
    }

    /// <summary>The exact product <c>X Y</c>.</summary>
    /// <exception cref="ArgumentException">The inner dimensions differ.</exception>
    public static DyadicMatrix operator *(DyadicMatrix x, DyadicMatrix y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.ColumnCount != y.RowCount)
        {
            throw new ArgumentException($"A {x.RowCount}x{x.ColumnCount} matrix cannot multiply a {y.RowCount}x{y.ColumnCount} one.", nameof(y));
        }

        var z = new Dyadic[x.RowCount, y.ColumnCount];
        for (var r = 0; r < x.RowCount; r++)
        {
            for (var c = 0; c < y.ColumnCount; c++)
            {
                var sum = Dyadic.Zero;
                for (var k = 0; k < x.ColumnCount; k++)
                {
                    sum += x._entries[r, k] * y._entries[k, c];
                }

                z[r, c] = sum;
            }
        }

        return new DyadicMatrix(z);
    }

    /// <summary>The exact sum <c>X + Y</c>.</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static DyadicMatrix operator +(DyadicMatrix x, DyadicMatrix y) => Combine(x, y, 1);

    /// <summary>The exact difference <c>X - Y</c>.</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static DyadicMatrix operator -(DyadicMatrix x, DyadicMatrix y) => Combine(x, y, -1);

    /// <summary>The exact Kronecker product <c>X (x) Y</c> (block <c>(i, j)</c> is <c>x_ij Y</c>).</summary>
    public static DyadicMatrix Kronecker(DyadicMatrix x, DyadicMatrix y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var z = new Dyadic[x.RowCount * y.RowCount, x.ColumnCount * y.ColumnCount];
        for (var i = 0; i < x.RowCount; i++)
        {
            for (var j = 0; j < x.ColumnCount; j++)
            {
                for (var k = 0; k < y.RowCount; k++)
                {
                    for (var l = 0; l < y.ColumnCount; l++)
                    {
                        z[(i * y.RowCount) + k, (j * y.ColumnCount) + l] = x._entries[i, j] * y._entries[k, l];
                    }
                }
            }
        }

        return new DyadicMatrix(z);
    }

    /// <summary>The exact Frobenius norm squared, <c>sum_ij x_ij^2</c>.</summary>
    public Dyadic FrobeniusSquared()
    {
        var sum = Dyadic.Zero;
        foreach (var x in _entries)
        {
            sum += x * x;
        }

        return sum;
    }

    /// <summary>
    /// The exact rank, by fraction-free Gaussian elimination (Bareiss, Math. Comp. 22 (1968) 565) on the integer matrix
    /// <c>2^-e X</c>, <c>e</c> the least exponent of an entry: every step is an exact integer division.
    /// </summary>
    public int Rank()
    {
        var (rows, columns) = (RowCount, ColumnCount);
        var least = int.MaxValue;
        foreach (var x in _entries)
        {
            if (!x.IsZero)
            {
                least = Math.Min(least, x.Exponent);
            }
        }

        if (least == int.MaxValue)
        {
            return 0;
        }

        var a = new System.Numerics.BigInteger[rows, columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var x = _entries[r, c];
                a[r, c] = x.IsZero ? System.Numerics.BigInteger.Zero : x.Mantissa << (x.Exponent - least);
            }
        }

        var rank = 0;
        var previous = System.Numerics.BigInteger.One;
        for (var c = 0; c < columns && rank < rows; c++)
        {
            var pivot = -1;
            for (var r = rank; r < rows; r++)
            {
                if (!a[r, c].IsZero)
                {
                    pivot = r;
                    break;
                }
            }

            if (pivot < 0)
            {
                continue;
            }

            for (var k = 0; k < columns; k++)
            {
                (a[rank, k], a[pivot, k]) = (a[pivot, k], a[rank, k]);
            }

            for (var r = rank + 1; r < rows; r++)
            {
                for (var k = c + 1; k < columns; k++)
                {
                    a[r, k] = ((a[rank, c] * a[r, k]) - (a[r, c] * a[rank, k])) / previous;
                }

                a[r, c] = System.Numerics.BigInteger.Zero;
            }

            previous = a[rank, c];
            rank++;
        }

        return rank;
    }

    /// <summary>True when every entry is exactly zero.</summary>
    public bool IsZero()
    {
        foreach (var x in _entries)
        {
            if (!x.IsZero)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Each entry's tightest enclosure with double endpoints.</summary>
    public IntervalMatrix Enclose()
    {
        var entries = new Interval[RowCount * ColumnCount];
        for (var r = 0; r < RowCount; r++)
        {
            for (var c = 0; c < ColumnCount; c++)
            {
                entries[(r * ColumnCount) + c] = _entries[r, c].Enclose();
            }
        }

        return IntervalMatrix.FromRows(RowCount, ColumnCount, entries);
    }

    private static DyadicMatrix Combine(DyadicMatrix x, DyadicMatrix y, int sign)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.RowCount != y.RowCount || x.ColumnCount != y.ColumnCount)
        {
            throw new ArgumentException($"A {x.RowCount}x{x.ColumnCount} matrix and a {y.RowCount}x{y.ColumnCount} one do not add.", nameof(y));
        }

        var z = new Dyadic[x.RowCount, x.ColumnCount];
        for (var r = 0; r < x.RowCount; r++)
        {
            for (var c = 0; c < x.ColumnCount; c++)
            {
                z[r, c] = sign > 0 ? x._entries[r, c] + y._entries[r, c] : x._entries[r, c] - y._entries[r, c];
            }
        }

        return new DyadicMatrix(z);
    }
}

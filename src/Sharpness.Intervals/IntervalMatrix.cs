// IntervalMatrix: a dense matrix of intervals, with the products and sums the Hessian enclosure needs.
namespace Sharpness.Intervals;

/// <summary>
/// A dense <c>rows x columns</c> matrix whose entries are <see cref="Interval"/>s. It encloses every real matrix whose
/// entries lie in the intervals; every operation encloses the exact result for every such matrix.
/// </summary>
/// <remarks>Immutable: operations return new matrices.</remarks>
public sealed class IntervalMatrix
{
    private readonly Interval[] _entries;

    private IntervalMatrix(int rows, int columns, Interval[] entries)
    {
        RowCount = rows;
        ColumnCount = columns;
        _entries = entries;
    }

    /// <summary>The number of rows.</summary>
    public int RowCount { get; }

    /// <summary>The number of columns.</summary>
    public int ColumnCount { get; }

    /// <summary>The entry in row <paramref name="row"/> and column <paramref name="column"/> (0-based).</summary>
    public Interval this[int row, int column] => _entries[(row * ColumnCount) + column];

    /// <summary>The point matrix of the given doubles (each an exact binary rational).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An entry is NaN or infinite, or the matrix is empty.</exception>
    public static IntervalMatrix Point(double[,] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var (rows, columns) = (values.GetLength(0), values.GetLength(1));
        RequireShape(rows, columns);
        var entries = new Interval[rows * columns];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                entries[(i * columns) + j] = Interval.Point(values[i, j]);
            }
        }

        return new IntervalMatrix(rows, columns, entries);
    }

    /// <summary>The matrix with the given entries, row by row.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="entries"/> is null.</exception>
    /// <exception cref="ArgumentException">The number of entries is not <c>rows * columns</c>, or the matrix is empty.</exception>
    public static IntervalMatrix FromRows(int rows, int columns, IReadOnlyList<Interval> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        RequireShape(rows, columns);
        if (entries.Count != rows * columns)
        {
            throw new ArgumentException($"A {rows}x{columns} matrix has {rows * columns} entries, not {entries.Count}.", nameof(entries));
        }

        return new IntervalMatrix(rows, columns, [.. entries]);
    }

    /// <summary>The <c>n x n</c> identity.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is below 1.</exception>
    public static IntervalMatrix Identity(int n)
    {
        RequireShape(n, n);
        var entries = new Interval[n * n];
        Array.Fill(entries, Interval.Zero);
        for (var i = 0; i < n; i++)
        {
            entries[(i * n) + i] = Interval.Point(1);
        }

        return new IntervalMatrix(n, n, entries);
    }

    /// <summary>The transpose (exact).</summary>
    public IntervalMatrix Transpose()
    {
        var entries = new Interval[_entries.Length];
        for (var i = 0; i < RowCount; i++)
        {
            for (var j = 0; j < ColumnCount; j++)
            {
                entries[(j * RowCount) + i] = _entries[(i * ColumnCount) + j];
            }
        }

        return new IntervalMatrix(ColumnCount, RowCount, entries);
    }

    /// <summary>An enclosure of the product <c>X Y</c>.</summary>
    /// <exception cref="ArgumentException">The inner dimensions differ.</exception>
    public static IntervalMatrix operator *(IntervalMatrix x, IntervalMatrix y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.ColumnCount != y.RowCount)
        {
            throw new ArgumentException($"A {x.RowCount}x{x.ColumnCount} matrix cannot multiply a {y.RowCount}x{y.ColumnCount} one.", nameof(y));
        }

        var (n, inner, m) = (x.RowCount, x.ColumnCount, y.ColumnCount);
        var entries = new Interval[n * m];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < m; j++)
            {
                var sum = Interval.Zero;
                for (var k = 0; k < inner; k++)
                {
                    sum += x._entries[(i * inner) + k] * y._entries[(k * m) + j];
                }

                entries[(i * m) + j] = sum;
            }
        }

        return new IntervalMatrix(n, m, entries);
    }

    /// <summary>An enclosure of the sum <c>X + Y</c>.</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static IntervalMatrix operator +(IntervalMatrix x, IntervalMatrix y) => x - (-y);

    /// <summary>The exact negation <c>-X</c>.</summary>
    public static IntervalMatrix operator -(IntervalMatrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return new IntervalMatrix(x.RowCount, x.ColumnCount, [.. x._entries.Select(e => -e)]);
    }

    /// <summary>An enclosure of <c>sum_ij x_ij y_ij</c>, the Frobenius inner product.</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static Interval Inner(IntervalMatrix x, IntervalMatrix y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.RowCount != y.RowCount || x.ColumnCount != y.ColumnCount)
        {
            throw new ArgumentException($"A {x.RowCount}x{x.ColumnCount} matrix and a {y.RowCount}x{y.ColumnCount} one have no inner product.", nameof(y));
        }

        var sum = Interval.Zero;
        for (var i = 0; i < x._entries.Length; i++)
        {
            sum += x._entries[i] * y._entries[i];
        }

        return sum;
    }

    /// <summary>An enclosure of <c>||X||_F^2</c>.</summary>
    public Interval FrobeniusSquared() => _entries.Aggregate(Interval.Zero, (sum, e) => sum + e.Square());

    /// <summary>An enclosure of the difference <c>X - Y</c>.</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static IntervalMatrix operator -(IntervalMatrix x, IntervalMatrix y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.RowCount != y.RowCount || x.ColumnCount != y.ColumnCount)
        {
            throw new ArgumentException($"A {x.RowCount}x{x.ColumnCount} matrix and a {y.RowCount}x{y.ColumnCount} one cannot be subtracted.", nameof(y));
        }

        var entries = new Interval[x._entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = x._entries[i] - y._entries[i];
        }

        return new IntervalMatrix(x.RowCount, x.ColumnCount, entries);
    }

    /// <summary>
    /// The enclosure of the Rayleigh quotient <c>v^T H v / v^T v</c> over every symmetric <c>H</c> inside this square matrix:
    /// a lower bound on each one's lambda_max.
    /// </summary>
    /// <exception cref="ArgumentException">The matrix is not square, <paramref name="v"/> has the wrong length, or is zero.</exception>
    public Interval RayleighQuotient(IReadOnlyList<double> v)
    {
        ArgumentNullException.ThrowIfNull(v);
        if (RowCount != ColumnCount || v.Count != RowCount)
        {
            throw new ArgumentException($"A Rayleigh quotient needs a square matrix and a vector of its size, not {RowCount}x{ColumnCount} and {v.Count}.", nameof(v));
        }

        var numerator = Interval.Zero;
        var denominator = Interval.Zero;
        for (var i = 0; i < RowCount; i++)
        {
            var row = Interval.Zero;
            for (var j = 0; j < ColumnCount; j++)
            {
                row += _entries[(i * ColumnCount) + j] * Interval.Point(v[j]);
            }

            numerator += Interval.Point(v[i]) * row;
            denominator += Interval.Point(v[i]).Square();
        }

        if (denominator.Upper == 0)
        {
            throw new ArgumentException("The Rayleigh quotient of the zero vector is undefined.", nameof(v));
        }

        return numerator / denominator;
    }

    private static void RequireShape(int rows, int columns)
    {
        if (rows < 1 || columns < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(rows), $"A matrix needs at least one row and one column, not {rows}x{columns}.");
        }
    }
}

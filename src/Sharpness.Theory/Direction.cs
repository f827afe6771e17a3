// Direction: a tangent vector U = (U_1, ..., U_L) at a factorization, with U_i shaped like W_i.
// Used by EXACT Lemma 2-3 (second directional derivatives) and the maximizing directions of
// Theorem 4, Theorem 5 and Corollary 6.
using MathNet.Numerics.LinearAlgebra;

namespace Sharpness.Theory;

/// <summary>
/// A direction <c>U = (U_1, ..., U_L)</c> in parameter space, <c>U_i</c> of shape <c>d_i x d_(i-1)</c>;
/// its vector form stacks <c>vec(U_1), ..., vec(U_L)</c> column-major (the ordering of EXACT eq. 74).
/// </summary>
public sealed class Direction
{
    private readonly Matrix<double>[] _parts;

    /// <summary>Creates a direction from its blocks <c>U_1 ... U_L</c> (copied).</summary>
    /// <exception cref="ArgumentException">No blocks or a non-finite entry.</exception>
    public Direction(IEnumerable<Matrix<double>> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        _parts = [.. parts.Select(u => u?.Clone() ?? throw new ArgumentNullException(nameof(parts), "A block U_i is null."))];
        if (_parts.Length == 0)
        {
            throw new ArgumentException("A direction needs at least one block U_1.", nameof(parts));
        }

        for (var i = 0; i < _parts.Length; i++)
        {
            Preconditions.RequireFinite(_parts[i], nameof(parts), $"U[{i + 1}]");
        }
    }

    /// <summary>The number of blocks <c>L</c>.</summary>
    public int Depth => _parts.Length;

    /// <summary>A copy of the block <c>U_k</c>, <c>k</c> in <c>1..L</c>.</summary>
    public Matrix<double> Part(int k)
    {
        Preconditions.RequireLayerIndex(k, Depth, nameof(k));
        return _parts[k - 1].Clone();
    }

    /// <summary>The Euclidean norm <c>sqrt(sum_i ||U_i||_F^2)</c>.</summary>
    public double Norm => Math.Sqrt(_parts.Sum(u => Math.Pow(u.FrobeniusNorm(), 2)));

    /// <summary>The stacked vector <c>[vec(U_1); ...; vec(U_L)]</c>, column-major.</summary>
    public double[] ToVector() => [.. _parts.SelectMany(u => u.ToColumnMajorArray())];

    /// <summary>Splits a stacked vector into blocks shaped by <paramref name="widths"/> (<c>d_0..d_L</c>).</summary>
    /// <exception cref="ArgumentException">The vector's length is not <c>sum_i d_i d_(i-1)</c>.</exception>
    public static Direction FromVector(IReadOnlyList<int> widths, IReadOnlyList<double> vector)
    {
        ArgumentNullException.ThrowIfNull(widths);
        ArgumentNullException.ThrowIfNull(vector);
        var expected = Enumerable.Range(1, widths.Count - 1).Sum(i => widths[i] * widths[i - 1]);
        if (vector.Count != expected)
        {
            throw new ArgumentException($"The vector has length {vector.Count} but the widths need {expected}.", nameof(vector));
        }

        var parts = new List<Matrix<double>>();
        var offset = 0;
        for (var i = 1; i < widths.Count; i++)
        {
            var size = widths[i] * widths[i - 1];
            parts.Add(Matrix<double>.Build.Dense(widths[i], widths[i - 1], [.. vector.Skip(offset).Take(size)]));
            offset += size;
        }

        return new Direction(parts);
    }

    /// <summary>This direction scaled to unit norm.</summary>
    /// <exception cref="InvalidOperationException">The direction is zero.</exception>
    public Direction Normalized()
    {
        var norm = Norm;
        if (norm == 0)
        {
            throw new InvalidOperationException("The zero direction cannot be normalized.");
        }

        return new Direction(_parts.Select(u => u / norm));
    }

    /// <summary>True when every block has the shape of the matching layer of <paramref name="point"/>.</summary>
    public bool Fits(Factorization point)
    {
        ArgumentNullException.ThrowIfNull(point);
        return point.Depth == Depth && Enumerable.Range(1, Depth).All(i =>
            _parts[i - 1].RowCount == point.Widths[i] && _parts[i - 1].ColumnCount == point.Widths[i - 1]);
    }

    internal Matrix<double> PartView(int k) => _parts[k - 1];

    internal void RequireFits(Factorization point, string paramName)
    {
        if (!Fits(point))
        {
            throw new ArgumentException(
                $"The direction's blocks ({string.Join(", ", _parts.Select(Preconditions.Shape))}) do not match the layers " +
                $"(widths {string.Join(", ", point.Widths)}).",
                paramName);
        }
    }
}

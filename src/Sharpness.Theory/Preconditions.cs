using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace Sharpness.Theory;

/// <summary>
/// Argument checks shared by every public member of the theory library. Messages name the
/// parameter, the expected and the actual value, shapes as <c>RxC</c>, and layers 1-based
/// (<c>W[1]</c> is the first layer) as in the papers.
/// </summary>
internal static class Preconditions
{
    internal static string Shape(Matrix<double> m) => $"{m.RowCount}x{m.ColumnCount}";

    internal static void RequireFinite(Matrix<double> m, string paramName, string what)
    {
        ArgumentNullException.ThrowIfNull(m, paramName);
        for (var j = 0; j < m.ColumnCount; j++)
        {
            for (var i = 0; i < m.RowCount; i++)
            {
                var x = m.At(i, j);
                if (!double.IsFinite(x))
                {
                    throw new ArgumentException(
                        $"{what} has a non-finite entry {Describe(x)} at row {i + 1}, column {j + 1}.", paramName);
                }
            }
        }
    }

    /// <summary>
    /// Copies of the layers <c>W_1 ... W_L</c>, checked: at least one, none null, all finite, consecutive shapes chaining.
    /// <paramref name="point"/> names the kind of point in the message ("A factorization").
    /// </summary>
    internal static Matrix<double>[] RequireChainedLayers(IEnumerable<Matrix<double>> layers, string paramName, string point)
    {
        ArgumentNullException.ThrowIfNull(layers, paramName);
        // Dense copies: the kernels (MatrixProduct) work on dense column-major storage, so a sparse layer is copied densely here.
        Matrix<double>[] copies = [.. layers.Select(w => w is null ? null! : Matrix<double>.Build.DenseOfMatrix(w))];
        if (copies.Length == 0)
        {
            throw new ArgumentException($"{point} needs at least one layer W[1].", paramName);
        }

        for (var i = 0; i < copies.Length; i++)
        {
            if (copies[i] is null)
            {
                throw new ArgumentNullException(paramName, $"W[{i + 1}] is null.");
            }

            RequireFinite(copies[i], paramName, $"W[{i + 1}]");
            if (i > 0 && copies[i].ColumnCount != copies[i - 1].RowCount)
            {
                throw new ArgumentException(
                    $"W[{i + 1}] is {Shape(copies[i])} but W[{i}] has {copies[i - 1].RowCount} rows: " +
                    $"W[{i + 1}] needs {copies[i - 1].RowCount} columns.",
                    paramName);
            }
        }

        return copies;
    }

    internal static void RequireFinite(double x, string paramName)
    {
        if (!double.IsFinite(x))
        {
            throw new ArgumentException($"{paramName} must be finite but is {Describe(x)}.", paramName);
        }
    }

    internal static void RequirePositive(double x, string paramName)
    {
        RequireFinite(x, paramName);
        if (x <= 0)
        {
            throw new ArgumentOutOfRangeException(paramName, x, $"{paramName} must be positive but is {Format(x)}.");
        }
    }

    internal static void RequireNonNegative(double x, string paramName)
    {
        RequireFinite(x, paramName);
        if (x < 0)
        {
            throw new ArgumentOutOfRangeException(paramName, x, $"{paramName} must be non-negative but is {Format(x)}.");
        }
    }

    internal static void RequireLayerIndex(int k, int depth, string paramName)
    {
        if (k < 1 || k > depth)
        {
            throw new ArgumentOutOfRangeException(paramName, k, $"{paramName} must be a layer index in 1..{depth} but is {k}.");
        }
    }

    // Widths d_0..d_L of any network: at least two, all positive (bottlenecks allowed).
    internal static void RequireWidths(IReadOnlyList<int> widths, string paramName)
    {
        ArgumentNullException.ThrowIfNull(widths, paramName);
        if (widths.Count < 2 || widths.Any(d => d < 1))
        {
            throw new ArgumentException($"Need widths d_0..d_L (L >= 1), all positive; got ({string.Join(", ", widths)}).", paramName);
        }
    }

    // Widths d_0..d_L whose ends fit the target M (d_L x d_0), bottlenecks allowed (regularized minimizers exist at any widths).
    internal static void RequireWidthsOf(IReadOnlyList<int> widths, Matrix<double> target, string paramName)
    {
        RequireWidths(widths, paramName);
        if (widths[0] != target.ColumnCount || widths[^1] != target.RowCount)
        {
            throw new ArgumentException($"The target M is {Shape(target)} but the widths need d_L x d_0 = {widths[^1]}x{widths[0]}.", paramName);
        }
    }

    // Feasible widths (EXACT eq. 17): every d_i >= min(d_0, d_L), where the unregularized minimizers fit M exactly.
    internal static void RequireFeasibleWidths(IReadOnlyList<int> widths, string paramName)
    {
        RequireWidths(widths, paramName);
        var ends = Math.Min(widths[0], widths[^1]);
        if (widths.Any(d => d < ends))
        {
            throw new ArgumentException($"Infeasible widths ({string.Join(", ", widths)}): every d_i must be >= min(d_0, d_L) = {ends} (EXACT eq. 17).", paramName);
        }
    }

    internal static void RequireShape(Matrix<double> m, int rows, int columns, string paramName, string what)
    {
        ArgumentNullException.ThrowIfNull(m, paramName);
        if (m.RowCount != rows || m.ColumnCount != columns)
        {
            throw new ArgumentException($"{what} must be {rows}x{columns} but is {Shape(m)}.", paramName);
        }
    }

    // Format already writes "NaN" and "-Infinity"; only +Infinity gets its sign spelt out.
    internal static string Describe(double x) => double.IsPositiveInfinity(x) ? "+Infinity" : Format(x);

    internal static string Format(double x) => x.ToString("G6", CultureInfo.InvariantCulture);
}

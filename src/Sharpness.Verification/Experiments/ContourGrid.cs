// EXACT Appendix D.1, eq. 91 (claim EXACT-CONTOUR): the loss on the plane through w* spanned by two directions,
// p(x, y) = L(w* + x zeta + y gamma), with zeta = v_1 and gamma = v_N (the Hessian eigenvectors of the largest and
// smallest eigenvalues) as the paper chooses them.
using System.Globalization;

namespace Sharpness.Verification.Experiments;

/// <summary>
/// The values <c>p(x_i, y_j) = L(w* + x_i zeta + y_j gamma)</c> on a grid (EXACT eq. 91), with the directions it used.
/// </summary>
/// <remarks>EXACT Appendix D.1, eq. 91 (claim EXACT-CONTOUR).</remarks>
public sealed class ContourGrid
{
    private readonly double[] _xs;
    private readonly double[] _ys;
    private readonly double[,] _values;

    private ContourGrid(double[] xs, double[] ys, double[,] values)
    {
        _xs = xs;
        _ys = ys;
        _values = values;
    }

    /// <summary>The grid's coordinates along <c>zeta</c>, ascending.</summary>
    public IReadOnlyList<double> Xs => _xs;

    /// <summary>The grid's coordinates along <c>gamma</c>, ascending.</summary>
    public IReadOnlyList<double> Ys => _ys;

    /// <summary><c>p(x_i, y_j)</c>.</summary>
    /// <exception cref="IndexOutOfRangeException">An index outside the grid.</exception>
    public double this[int i, int j] => _values[i, j];

    /// <summary>
    /// <c>p(x, y) = L(w* + x zeta + y gamma)</c> at every <c>(x, y)</c> of <paramref name="xs"/> x <paramref name="ys"/>
    /// (EXACT eq. 91), with <c>L</c> the oracle's loss at <paramref name="minimum"/>'s target.
    /// </summary>
    /// <param name="minimum">The minimizer <c>w*</c> and its loss.</param>
    /// <param name="zeta">The first direction (the paper: <c>v_1</c>), length N.</param>
    /// <param name="gamma">The second direction (the paper: <c>v_N</c>), length N.</param>
    /// <param name="xs">Coordinates along <paramref name="zeta"/>, ascending and finite.</param>
    /// <param name="ys">Coordinates along <paramref name="gamma"/>, ascending and finite.</param>
    /// <exception cref="ArgumentNullException">A null argument.</exception>
    /// <exception cref="ArgumentException">Directions of the wrong length or not finite; empty, unsorted or non-finite coordinates.</exception>
    public static ContourGrid Of(EscapeMinimum minimum, IReadOnlyList<double> zeta, IReadOnlyList<double> gamma, IReadOnlyList<double> xs, IReadOnlyList<double> ys)
    {
        ArgumentNullException.ThrowIfNull(minimum);
        RequireDirection(zeta, minimum.ParameterCount, nameof(zeta));
        RequireDirection(gamma, minimum.ParameterCount, nameof(gamma));
        RequireCoordinates(xs, nameof(xs));
        RequireCoordinates(ys, nameof(ys));

        var star = minimum.Point;
        var values = new double[xs.Count, ys.Count];
        var w = new double[star.Length];
        for (var i = 0; i < xs.Count; i++)
        {
            for (var j = 0; j < ys.Count; j++)
            {
                for (var n = 0; n < w.Length; n++)
                {
                    w[n] = star[n] + (xs[i] * zeta[n]) + (ys[j] * gamma[n]);
                }

                values[i, j] = minimum.Landscape.Loss(w);
            }
        }

        return new ContourGrid([.. xs], [.. ys], values);
    }

    /// <summary>The paper's map: <c>p</c> on <c>(v_1, v_N)</c> (EXACT Appendix D.1).</summary>
    /// <exception cref="ArgumentNullException">A null argument.</exception>
    /// <exception cref="ArgumentException">Empty, unsorted or non-finite coordinates.</exception>
    public static ContourGrid OnEigenvectors(EscapeMinimum minimum, IReadOnlyList<double> xs, IReadOnlyList<double> ys)
    {
        ArgumentNullException.ThrowIfNull(minimum);
        return Of(minimum, minimum.TopEigenvector, minimum.BottomEigenvector, xs, ys);
    }

    /// <summary><paramref name="count"/> evenly spaced coordinates from <c>-extent</c> to <c>extent</c> (0 included when the count is odd).</summary>
    /// <exception cref="ArgumentException">An extent that is not finite and positive, or fewer than 2 points.</exception>
    public static double[] Symmetric(double extent, int count)
    {
        if (!double.IsFinite(extent) || extent <= 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The extent must be finite and positive but is {extent}."), nameof(extent));
        }

        if (count < 2)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"A grid axis needs at least 2 points but got {count}."), nameof(count));
        }

        return [.. Enumerable.Range(0, count).Select(i => -extent + (2 * extent * i / (count - 1)))];
    }

    private static void RequireDirection(IReadOnlyList<double> direction, int n, string paramName)
    {
        ArgumentNullException.ThrowIfNull(direction, paramName);
        if (direction.Count != n)
        {
            throw new ArgumentException($"The direction has length {direction.Count} but the minimizer has N = {n} parameters.", paramName);
        }

        if (!direction.All(double.IsFinite))
        {
            throw new ArgumentException("The direction has a non-finite entry.", paramName);
        }
    }

    private static void RequireCoordinates(IReadOnlyList<double> coordinates, string paramName)
    {
        ArgumentNullException.ThrowIfNull(coordinates, paramName);
        if (coordinates.Count == 0 || !coordinates.All(double.IsFinite))
        {
            throw new ArgumentException("Grid coordinates must be non-empty and finite.", paramName);
        }

        for (var i = 1; i < coordinates.Count; i++)
        {
            if (!(coordinates[i] > coordinates[i - 1]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Grid coordinates must be strictly ascending; entry {i} is {coordinates[i]} after {coordinates[i - 1]}."), paramName);
            }
        }
    }
}

// HessianEnclosure: entrywise intervals that contain the exact Hessian of the deep matrix factorization loss
// at a point given in doubles, residual term included, computed from the loss definition alone.
using System.Globalization;
using Sharpness.Intervals;

namespace Sharpness.Oracles;

/// <summary>
/// An enclosure of the exact Hessian of <c>f(w) = ||M - W_L ... W_1||_F^2 + (lambda/L) sum_i ||W_i||_F^2</c> at a point
/// whose layers and target are doubles (exact binary rationals), in the parameter order
/// <c>w = [vec(W_1); ...; vec(W_L)]</c> with column-major <c>vec</c> (the oracles' order).
/// </summary>
/// <remarks>
/// From the definition, with <c>P = W_L ... W_1</c>, <c>R = P - M</c>, <c>A_i = W_L ... W_(i+1)</c>, <c>B_i = W_(i-1) ... W_1</c>
/// and <c>C_(j,i) = W_(j-1) ... W_(i+1)</c> (identities where empty): <c>f = ||R||_F^2 + ...</c> has
/// <c>d^2 f / du dv = 2 &lt;dP/du, dP/dv&gt; + 2 &lt;R, d^2 P / du dv&gt; + (2 lambda / L) [u = v]</c>, and for
/// <c>u = (W_i)_(ab)</c>, <c>v = (W_j)_(cd)</c>, <c>i &lt;= j</c>, the product rule gives
/// <c>&lt;dP/du, dP/dv&gt; = (A_i^T A_j)_(ac) (B_i B_j^T)_(bd)</c> and, for <c>i &lt; j</c>,
/// <c>&lt;R, d^2 P / du dv&gt; = (A_j^T R B_i^T)_(cb) (C_(j,i))_(da)</c> (zero for <c>i = j</c>: <c>P</c> is linear in each layer).
/// Every double is a binary rational, so these products are computed exactly (<see cref="Dyadic"/>, no rounding at all),
/// and each entry is the tightest interval with double endpoints around the exact value: the enclosure is as narrow
/// as doubles allow, whatever the cancellation in the products (interval products of the layers would instead widen
/// with <c>|W_L| ... |W_1|</c>, about 1e-7 relative at Figure 6's depth 20). Only <c>2 lambda / L</c> is rounded (outward).
/// Nothing here calls the formula code, and the exact Hessian is symmetric, so the lower triangle mirrors the upper one
/// (issue 10, item 2).
/// </remarks>
public static class HessianEnclosure
{
    /// <summary>The enclosure of the Hessian at the given layers, target and lambda.</summary>
    /// <param name="layers"><c>W_1, ..., W_L</c>, <c>W_i</c> of shape <c>d_i x d_(i-1)</c>, as row-major arrays.</param>
    /// <param name="target"><c>M</c>, of shape <c>d_L x d_0</c>.</param>
    /// <param name="lambda">The weight-decay strength, <c>lambda &gt;= 0</c>.</param>
    /// <exception cref="ArgumentNullException">An argument or a layer is null.</exception>
    /// <exception cref="ArgumentException">No layers, layers that do not chain, a target of the wrong shape, a non-finite entry, or a negative or non-finite lambda.</exception>
    public static IntervalMatrix Of(IReadOnlyList<double[,]> layers, double[,] target, double lambda = 0)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(target);
        return Enclose(layers, target, lambda);
    }

    /// <summary>
    /// The enclosure of the Hessian at the given layers with the target <c>M</c> set to their exact product
    /// <c>W_L ... W_1</c> (a binary rational matrix, not rounded to doubles): the point is then exactly a minimizer of the
    /// unregularized loss (EXACT eq. 19) and the residual term is exactly zero.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="layers"/> or a layer is null.</exception>
    /// <exception cref="ArgumentException">No layers, layers that do not chain, a non-finite entry, or a negative or non-finite lambda.</exception>
    public static IntervalMatrix AtOwnProduct(IReadOnlyList<double[,]> layers, double lambda = 0)
    {
        ArgumentNullException.ThrowIfNull(layers);
        return Enclose(layers, null, lambda);
    }

    /// <summary>
    /// The exact Hessian of the unregularized loss at the given layers with <c>M</c> their exact product (so the point is
    /// exactly a minimizer), as binary rationals: for exact statements such as a rank or a null vector.
    /// </summary>
    /// <remarks>Stores <c>N^2</c> exact numbers: meant for <c>N</c> up to a few hundred.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="layers"/> or a layer is null.</exception>
    /// <exception cref="ArgumentException">No layers, layers that do not chain, or a non-finite entry.</exception>
    public static DyadicMatrix ExactAtOwnProduct(IReadOnlyList<double[,]> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        var widths = Validate(layers, null, 0);
        var n = Enumerable.Range(1, layers.Count).Sum(i => widths[i] * widths[i - 1]);
        var exact = new Dyadic[n, n];
        Visit(layers, widths, null, (u, v, entry) => exact[u, v] = exact[v, u] = entry + entry);
        return DyadicMatrix.Of(exact);
    }

    /// <summary>
    /// The enclosure of the Rayleigh quotient <c>v^T H v / v^T v</c> of the exact Hessian along <paramref name="v"/>, without
    /// forming <c>H</c>: a proven lower bound on lambda_max at any size. From the definition,
    /// <c>v^T H v = d^2/dt^2 f(w + t v) at 0 = 2 ||P_1||_F^2 + 4 &lt;R, P_2&gt; + (2 lambda / L) ||v||^2</c>, where
    /// <c>prod_i (W_i + t V_i) = P_0 + t P_1 + t^2 P_2 + ...</c> and <c>R = P_0 - M</c> (exactly 0 when <paramref name="target"/> is
    /// null: <c>M</c> is then the exact product), with the coefficients enclosed by interval matrix products.
    /// </summary>
    /// <param name="layers">The layers, as for <see cref="Of"/>.</param>
    /// <param name="target">The target, or null for the layers' exact product.</param>
    /// <param name="lambda">The weight-decay strength, <c>lambda &gt;= 0</c>.</param>
    /// <param name="v">The direction in the oracles' order <c>[vec(V_1); ...; vec(V_L)]</c> (column-major), nonzero.</param>
    /// <exception cref="ArgumentException">Invalid layers or target (as for <see cref="Of"/>), or a direction of the wrong length or zero.</exception>
    public static Interval RayleighQuotient(IReadOnlyList<double[,]> layers, double[,]? target, double lambda, IReadOnlyList<double> v)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(v);
        var widths = Validate(layers, target, lambda);
        var n = Enumerable.Range(1, layers.Count).Sum(i => widths[i] * widths[i - 1]);
        if (v.Count != n)
        {
            throw new ArgumentException($"The direction has {v.Count} entries, not N = {n}.", nameof(v));
        }

        var offset = 0;
        IntervalMatrix? p0 = null, p1 = null, p2 = null;
        var vv = Interval.Zero;
        for (var i = 1; i <= layers.Count; i++)
        {
            var (rows, columns) = (widths[i], widths[i - 1]);
            var part = new double[rows, columns];
            for (var c = 0; c < columns; c++)
            {
                for (var r = 0; r < rows; r++)
                {
                    part[r, c] = v[offset + (c * rows) + r];
                    vv += Interval.Point(part[r, c]).Square();
                }
            }

            offset += rows * columns;
            var w = IntervalMatrix.Point(layers[i - 1]);
            var u = IntervalMatrix.Point(part);
            if (p0 is null)
            {
                (p0, p1, p2) = (w, u, null);
                continue;
            }

            // (W + t U)(P_0 + t P_1 + t^2 P_2) up to t^2.
            p2 = p2 is null ? u * p1! : (w * p2) + (u * p1!);
            p1 = (w * p1!) + (u * p0);
            p0 = w * p0;
        }

        if (vv.Upper == 0)
        {
            throw new ArgumentException("The Rayleigh quotient of the zero direction is undefined.", nameof(v));
        }

        var curvature = Interval.Point(2) * p1!.FrobeniusSquared();
        if (target is not null && p2 is not null)
        {
            curvature += Interval.Point(4) * IntervalMatrix.Inner(p0! - IntervalMatrix.Point(target), p2);
        }

        var decay = Interval.Point(2 * lambda) / Interval.Point(layers.Count);
        return (curvature / vv) + decay;
    }

    private static IntervalMatrix Enclose(IReadOnlyList<double[,]> layers, double[,]? target, double lambda)
    {
        var widths = Validate(layers, target, lambda);
        var n = Enumerable.Range(1, layers.Count).Sum(i => widths[i] * widths[i - 1]);
        var hessian = new Interval[n * n];
        var decay = Interval.Point(2 * lambda) / Interval.Point(layers.Count);
        Visit(layers, widths, target, (u, v, half) =>
        {
            var entry = (half + half).Enclose();
            if (u == v)
            {
                entry += decay; // exactly [0, 0] without regularization
            }

            hessian[(u * n) + v] = entry;
            hessian[(v * n) + u] = entry;
        });
        return IntervalMatrix.FromRows(n, n, hessian);
    }

    // Calls visit(u, v, h_uv / 2) for every u <= v, with h the exact Hessian of the data term ||P - M||^2.
    private static void Visit(IReadOnlyList<double[,]> layers, int[] widths, double[,]? target, Action<int, int, Dyadic> visit)
    {
        var depth = layers.Count;
        var w = layers.Select(DyadicMatrix.Of).ToArray();

        // left[i] = A_i (d_L x d_i), right[i] = B_i (d_(i-1) x d_0), for i = 1..L.
        var left = new DyadicMatrix[depth + 1];
        var right = new DyadicMatrix[depth + 1];
        left[depth] = DyadicMatrix.Identity(widths[depth]);
        for (var i = depth - 1; i >= 1; i--)
        {
            left[i] = left[i + 1] * w[i];
        }

        right[1] = DyadicMatrix.Identity(widths[0]);
        for (var i = 1; i < depth; i++)
        {
            right[i + 1] = w[i - 1] * right[i];
        }

        var residual = target is null ? null : (left[1] * w[0]) - DyadicMatrix.Of(target);
        // offsets[i]: the index of W_i's first entry in w; W_1 starts at 0.
        var offsets = new int[depth + 1];
        for (var i = 1; i < depth; i++)
        {
            offsets[i + 1] = offsets[i] + (widths[i] * widths[i - 1]);
        }

        for (var i = 1; i <= depth; i++)
        {
            var middle = DyadicMatrix.Identity(widths[i]); // C_(j,i) for j = i + 1, i + 2, ...
            for (var j = i; j <= depth; j++)
            {
                var leftGram = left[i].Transpose() * left[j];             // d_i x d_j
                var rightGram = right[i] * right[j].Transpose();          // d_(i-1) x d_(j-1)
                var residualTerm = j > i && residual is not null ? left[j].Transpose() * residual * right[i].Transpose() : null; // d_j x d_(i-1)
                if (j > i + 1)
                {
                    middle = w[j - 2] * middle;                          // C_(j,i) = W_(j-1) C_(j-1,i)
                }

                for (var b = 0; b < widths[i - 1]; b++)
                {
                    for (var a = 0; a < widths[i]; a++)
                    {
                        var u = offsets[i] + (b * widths[i]) + a;
                        for (var d = 0; d < widths[j - 1]; d++)
                        {
                            for (var c = 0; c < widths[j]; c++)
                            {
                                var v = offsets[j] + (d * widths[j]) + c;
                                if (v < u)
                                {
                                    continue;
                                }

                                var exact = leftGram[a, c] * rightGram[b, d];
                                if (residualTerm is not null)
                                {
                                    exact += residualTerm[c, b] * middle[d, a];
                                }

                                visit(u, v, exact);
                            }
                        }
                    }
                }
            }
        }
    }

    private static int[] Validate(IReadOnlyList<double[,]> layers, double[,]? target, double lambda)
    {
        if (layers.Count == 0)
        {
            throw new ArgumentException("At least one layer is required (depth L >= 1).", nameof(layers));
        }

        if (!double.IsFinite(lambda) || lambda < 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"lambda must be finite and >= 0 but is {lambda:R}."), nameof(lambda));
        }

        var widths = new int[layers.Count + 1];
        for (var i = 0; i < layers.Count; i++)
        {
            var layer = layers[i] ?? throw new ArgumentNullException(nameof(layers), $"W[{i + 1}] is null.");
            var (rows, columns) = (layer.GetLength(0), layer.GetLength(1));
            if (rows == 0 || columns == 0)
            {
                throw new ArgumentException($"W[{i + 1}] is {rows}x{columns}; every width must be at least 1.", nameof(layers));
            }

            if (i > 0 && columns != widths[i])
            {
                throw new ArgumentException($"W[{i + 1}] is {rows}x{columns} but W[{i}] has {widths[i]} rows.", nameof(layers));
            }

            RequireFinite(layer, $"W[{i + 1}]", nameof(layers));
            widths[i] = columns;
            widths[i + 1] = rows;
        }

        if (target is null)
        {
            return widths;
        }

        if (target.GetLength(0) != widths[^1] || target.GetLength(1) != widths[0])
        {
            throw new ArgumentException($"M is {target.GetLength(0)}x{target.GetLength(1)} but the product W[{layers.Count}]...W[1] is {widths[^1]}x{widths[0]}.", nameof(target));
        }

        RequireFinite(target, "M", nameof(target));
        return widths;
    }

    private static void RequireFinite(double[,] matrix, string name, string parameter)
    {
        for (var r = 0; r < matrix.GetLength(0); r++)
        {
            for (var c = 0; c < matrix.GetLength(1); c++)
            {
                if (!double.IsFinite(matrix[r, c]))
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name} row {r + 1} column {c + 1} is {matrix[r, c]:R}; every entry must be finite."), parameter);
                }
            }
        }
    }
}

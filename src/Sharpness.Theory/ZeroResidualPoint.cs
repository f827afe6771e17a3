// ZeroResidualPoint: a point w = (W_1, ..., W_L) together with the target M = W_L ... W_1 at ANY widths, bottlenecks
// (a hidden width below min(d_0, d_L), EXACT eq. 17 violated) included: the domain of SINGH-RANK. A Minimizer is the
// narrower type: it also requires eq. 17, which the seed claims of EXACT need.
using MathNet.Numerics.LinearAlgebra;

namespace Sharpness.Theory;

/// <summary>
/// A zero-residual point: layers <c>W_i</c> (<c>d_i x d_(i-1)</c>, any positive widths) with the target <c>M = W_L ... W_1</c>
/// their own product, so <c>||M - W_L ... W_1||_F^2 = 0</c>. Unlike <see cref="Factorization"/> and <see cref="Minimizer"/> it
/// does not require feasible widths (EXACT eq. 17): with a bottleneck <c>q = min_i d_i &lt; min(d_0, d_L)</c> the point still
/// minimizes the loss of its own product (loss 0), although not every target of that shape can be reached.
/// </summary>
public sealed class ZeroResidualPoint
{
    private readonly Matrix<double>[] _layers;
    private readonly int[] _widths;

    private ZeroResidualPoint(Matrix<double>[] layers, int[] widths)
    {
        _layers = layers;
        _widths = widths;
    }

    /// <summary>The depth <c>L</c>.</summary>
    public int Depth => _layers.Length;

    /// <summary>The widths <c>d_0, ..., d_L</c>.</summary>
    public IReadOnlyList<int> Widths => _widths;

    /// <summary>The number of parameters <c>N = sum_i d_i d_(i-1)</c> (EXACT eq. 16).</summary>
    public int ParameterCount => Enumerable.Range(1, Depth).Sum(i => _widths[i] * _widths[i - 1]);

    /// <summary><c>q = min(d_0, d_1, ..., d_L)</c>, the largest rank the product can have.</summary>
    public int Bottleneck => _widths.Min();

    /// <summary>True when the widths satisfy EXACT eq. 17 (<c>min_i d_i &gt;= min(d_0, d_L)</c>), so that the point is also a <see cref="Minimizer"/>.</summary>
    public bool IsFeasible => Bottleneck >= Math.Min(_widths[0], _widths[^1]);

    /// <summary>The point of the layers <c>W_1 ... W_L</c> (input side first) and their product.</summary>
    /// <exception cref="ArgumentNullException">A null list or layer.</exception>
    /// <exception cref="ArgumentException">No layers, layers that do not chain, or a NaN or infinite entry.</exception>
    public static ZeroResidualPoint OfLayers(IEnumerable<Matrix<double>> layers)
    {
        var copies = Preconditions.RequireChainedLayers(layers, nameof(layers), "A zero-residual point");
        int[] widths = [copies[0].ColumnCount, .. copies.Select(w => w.RowCount)];
        return new ZeroResidualPoint(copies, widths);
    }

    /// <summary>Copies of all layers, <c>W_1</c> first.</summary>
    public IReadOnlyList<Matrix<double>> Layers() => [.. _layers.Select(w => w.Clone())];

    /// <summary>The target <c>M = W_L ... W_1</c>, formed in floating point (a copy).</summary>
    public Matrix<double> Product() => _layers.Skip(1).Aggregate(_layers[0].Clone(), (product, w) => Linear.MatrixProduct.Times(w, product));

    /// <summary>The same point as a <see cref="Minimizer"/> of its own product.</summary>
    /// <exception cref="ArgumentException">The widths violate EXACT eq. 17 (a bottleneck): such a point is no <see cref="Minimizer"/>.</exception>
    public Minimizer ToMinimizer() => Minimizer.OfProduct(_layers);
}

// Factorization: the point w = (W_1, ..., W_L) of deep matrix factorization, with optional target M.
// Main results: shape and feasibility validation (EXACT eq. 15-17), N (EXACT eq. 16),
// the partial products A_k, B_k (EXACT Theorem 4-5 notation) computed once from both ends.
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Theory.Linear;

namespace Sharpness.Theory;

/// <summary>
/// An immutable point <c>w = (W_1, ..., W_L)</c> of the loss <c>||M - W_L ... W_1||_F^2</c> (plus
/// <c>(lambda/L) sum_i ||W_i||_F^2</c> when a regularization <c>lambda</c> is given, REG eq. 2), with
/// <c>W_i</c> of shape <c>d_i x d_(i-1)</c> and an optional target <c>M</c> of shape <c>d_L x d_0</c>.
/// </summary>
/// <remarks>
/// EXACT eq. 15-17: the widths must satisfy <c>min_i d_i &gt;= min(d_0, d_L)</c> (feasibility, eq. 17),
/// so that every target can be factorized. Layers are copied on construction and on every read, so a
/// factorization never changes. The partial products <c>A_k = W_L ... W_(k+1)</c> and
/// <c>B_k = W_(k-1) ... W_1</c> are formed once, from the output end and from the input end.
/// </remarks>
public sealed class Factorization
{
    private readonly Matrix<double>[] _layers;
    private readonly Matrix<double>? _target;
    private readonly int[] _widths;
    private Matrix<double>[]? _left;
    private Matrix<double>[]? _right;
    private Matrix<double>? _leftEnd;
    private Matrix<double>? _rightEnd;
    private Matrix<double>? _product;
    private ScaledResidual? _residual;

    /// <summary>Creates the point <c>(W_1, ..., W_L)</c>, <c>W_1</c> first, with an optional target <c>M</c> and regularization.</summary>
    /// <param name="layers">The layers <c>W_1 ... W_L</c>, input side first.</param>
    /// <param name="target">The target <c>M</c> (<c>d_L x d_0</c>), or null for a bare point.</param>
    /// <param name="lambda">The regularization <c>lambda &gt; 0</c> of REG eq. 2, or null for the unregularized loss.</param>
    /// <exception cref="ArgumentNullException">A null list or layer.</exception>
    /// <exception cref="ArgumentException">No layers; consecutive shapes that do not chain; unregularized, widths that
    /// violate feasibility (EXACT eq. 17); a target of the wrong shape; a NaN or infinite entry; a lambda that is not
    /// finite and positive.</exception>
    /// <remarks>A regularized point (lambda given) may have any widths: REG eq. 2 and its minimizers exist at a bottleneck too
    /// (claim REGM-LMAX). An unregularized one needs EXACT eq. 17, the domain of every EXACT result; points below it are
    /// <see cref="ZeroResidualPoint"/>s.</remarks>
    public Factorization(IEnumerable<Matrix<double>> layers, Matrix<double>? target = null, double? lambda = null)
    {
        if (lambda is { } l)
        {
            Preconditions.RequirePositive(l, nameof(lambda));
        }

        Lambda = lambda;
        _layers = Preconditions.RequireChainedLayers(layers, nameof(layers), "A factorization");
        _widths = new int[_layers.Length + 1];
        _widths[0] = _layers[0].ColumnCount;
        for (var i = 0; i < _layers.Length; i++)
        {
            _widths[i + 1] = _layers[i].RowCount;
        }

        // Only a hidden width can be below min(d_0, d_L), so the first width below it is the one to name.
        var ends = Math.Min(_widths[0], _widths[^1]);
        var infeasible = Array.FindIndex(_widths, d => d < ends);
        if (lambda is null && infeasible >= 0)
        {
            throw new ArgumentException(
                $"Infeasible widths ({string.Join(", ", _widths)}): hidden width d_{infeasible} = {_widths[infeasible]} is below " +
                $"min(d_0, d_L) = {ends} (EXACT eq. 17).",
                nameof(layers));
        }

        if (target is not null)
        {
            Preconditions.RequireShape(target, _widths[^1], _widths[0], nameof(target), "The target M");
            Preconditions.RequireFinite(target, nameof(target), "The target M");
            _target = target.Clone();
        }
    }

    /// <summary>The regularization <c>lambda</c> of REG eq. 2, or null for the unregularized loss.</summary>
    public double? Lambda { get; }

    /// <summary>The depth <c>L</c> (number of layers).</summary>
    public int Depth => _layers.Length;

    /// <summary>The widths <c>d_0, d_1, ..., d_L</c>.</summary>
    public IReadOnlyList<int> Widths => _widths;

    /// <summary>The number of parameters <c>N = sum_i d_i d_(i-1)</c> (EXACT eq. 16).</summary>
    public int ParameterCount => Enumerable.Range(1, Depth).Sum(i => _widths[i] * _widths[i - 1]);

    /// <summary>True when a target <c>M</c> was given.</summary>
    public bool HasTarget => _target is not null;

    /// <summary>A copy of the target <c>M</c>.</summary>
    /// <exception cref="InvalidOperationException">The factorization has no target.</exception>
    public Matrix<double> Target => TargetView.Clone();

    /// <summary>A copy of the layer <c>W_k</c>, <c>k</c> in <c>1..L</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> outside <c>1..L</c>.</exception>
    public Matrix<double> Layer(int k)
    {
        Preconditions.RequireLayerIndex(k, Depth, nameof(k));
        return _layers[k - 1].Clone();
    }

    /// <summary>Copies of all layers, <c>W_1</c> first.</summary>
    public IReadOnlyList<Matrix<double>> Layers() => [.. _layers.Select(w => w.Clone())];

    /// <summary>The end-to-end product <c>W_L ... W_1</c> (a copy).</summary>
    public Matrix<double> Product() => ProductView.Clone();

    /// <summary><c>A_k = W_L ... W_(k+1)</c>, the identity <c>I_(d_L)</c> for <c>k = L</c> (EXACT Theorem 5). A copy.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> outside <c>1..L</c>.</exception>
    public Matrix<double> LeftProduct(int k)
    {
        Preconditions.RequireLayerIndex(k, Depth, nameof(k));
        return LeftView(k).Clone();
    }

    /// <summary><c>B_k = W_(k-1) ... W_1</c>, the identity <c>I_(d_0)</c> for <c>k = 1</c> (EXACT Theorem 5). A copy.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> outside <c>1..L</c>.</exception>
    public Matrix<double> RightProduct(int k)
    {
        Preconditions.RequireLayerIndex(k, Depth, nameof(k));
        return RightView(k).Clone();
    }

    /// <summary>The residual <c>||M - W_L ... W_1||_F</c>, with the product formed from layers scaled by powers of two (so it
    /// neither under- nor overflows where the plain product would) and the norm taken without squaring (<see cref="ScaledNorm"/>).</summary>
    /// <exception cref="InvalidOperationException">The factorization has no target.</exception>
    public double ResidualNorm => Residual.Unscaled(Residual.Norm);

    /// <summary>
    /// The scale against which the residual is judged: <c>||M||_F + || |W_L| ... |W_1| ||_F</c> (entrywise absolute
    /// values), which bounds the rounding error of the product even when its terms cancel.
    /// </summary>
    public double ResidualScale => Residual.Unscaled(Residual.Scale);

    /// <summary>True when <c>||M - W_L...W_1||_F</c> is within <paramref name="tolerance"/> (default
    /// <see cref="Tolerance.MinimizerResidual"/>) at scale <see cref="ResidualScale"/>: the point is in
    /// <c>Omega = {W_L ... W_1 = M}</c> (EXACT eq. 19). Both sides are compared in a common unit <c>2^e</c> near the scale, so
    /// the test is the same at layer scales 1e-150 and 1e75 as at 1 (a residual of 1e-200 against a scale of 3e-200 is not
    /// rounding, although its square underflows).</summary>
    /// <exception cref="InvalidOperationException">The factorization has no target.</exception>
    public bool IsMinimizer(Tolerance? tolerance = null) =>
        (tolerance ?? Tolerance.MinimizerResidual).IsClose(Residual.Norm, 0.0, Residual.Scale);

    /// <summary>The same layers with target <c>M = W_L ... W_1</c>: a minimizer by construction.</summary>
    public Factorization WithTargetAtProduct() => new(_layers, ProductView, Lambda);

    /// <summary>The same layers with the given target.</summary>
    /// <exception cref="ArgumentException">A target of the wrong shape or with non-finite entries.</exception>
    public Factorization WithTarget(Matrix<double> target) => new(_layers, target, Lambda);

    internal Matrix<double> LayerView(int k) => _layers[k - 1];

    internal Matrix<double> TargetView =>
        _target ?? throw new InvalidOperationException("This factorization has no target M.");

    internal Matrix<double> ProductView => _product ??= ComputeProduct();

    // The identity ends A_L = I_(d_L) and B_1 = I_(d_0) are formed only when asked for: at an input of width 20000 the
    // identity alone is 3.2 GB, and no formula on the closed-form path needs it (they treat k = L and k = 1 apart).
    internal Matrix<double> LeftView(int k)
    {
        if (k == Depth)
        {
            return _leftEnd ??= Matrix<double>.Build.DenseIdentity(_widths[^1]);
        }

        _left ??= ComputeLeftProducts();
        return _left[k - 1];
    }

    internal Matrix<double> RightView(int k)
    {
        if (k == 1)
        {
            return _rightEnd ??= Matrix<double>.Build.DenseIdentity(_widths[0]);
        }

        _right ??= ComputeRightProducts();
        return _right[k - 1];
    }

    // The views share the layers where a partial product is one layer (nothing writes a view, and the layers never change):
    // at N = 1e7 each copy would be 27 MB alive for the whole run.
    private Matrix<double> ComputeProduct() => Depth == 1 ? _layers[0] : MatrixProduct.Times(LeftView(1), _layers[0]);

    private ScaledResidual Residual => _residual ??= ComputeResidual();

    // The residual and its scale in units of 2^e, e the exponent of the larger of ||M|| and || |W_L|...|W_1| ||: the product
    // and the absolute product formed from scaled layers (ScaledMatrix), the target divided by 2^e, all exact shifts.
    private ScaledResidual ComputeResidual()
    {
        var target = TargetView;
        // In the order of ProductView (from the output end) and of the plain absolute product (from the input end), so in the
        // normal range the residual is bit for bit the plain one (0 at a target that is the product).
        // Starting from the end layers rather than from identities: the same numbers (normalized mantissas times I are
        // themselves), without a d x d identity at a wide end.
        var product = ScaledMatrix.Of(_layers[^1]);
        for (var k = Depth - 2; k >= 0; k--)
        {
            product = product.Times(ScaledMatrix.Of(_layers[k]));
        }

        var absolute = ScaledMatrix.AbsOf(_layers[0]);
        foreach (var w in _layers.Skip(1))
        {
            absolute = ScaledMatrix.AbsOf(w).Times(absolute);
        }

        var m = ScaledMatrix.Of(target);
        var unit = m.IsZero ? absolute.Exponent : absolute.IsZero ? m.Exponent : Math.Max(m.Exponent, absolute.Exponent);
        var mInUnits = m.InUnitsOf(unit);
        return new ScaledResidual(
            ScaledNorm.Frobenius(mInUnits - product.InUnitsOf(unit)),
            ScaledNorm.Frobenius(mInUnits) + ScaledNorm.Frobenius(absolute.InUnitsOf(unit)),
            unit);
    }

    // A_(L-1) = W_L, A_k = A_(k+1) W_(k+1): accumulated from the output end, so thin outputs stay cheap (A_L: LeftView).
    private Matrix<double>[] ComputeLeftProducts()
    {
        var left = new Matrix<double>[Depth];
        for (var k = Depth - 1; k >= 1; k--)
        {
            left[k - 1] = k == Depth - 1 ? _layers[k] : MatrixProduct.Times(left[k], _layers[k]);
        }

        return left;
    }

    // B_2 = W_1, B_k = W_(k-1) B_(k-1): accumulated from the input end (B_1: RightView).
    private Matrix<double>[] ComputeRightProducts()
    {
        var right = new Matrix<double>[Depth];
        for (var k = 2; k <= Depth; k++)
        {
            right[k - 1] = k == 2 ? _layers[0] : MatrixProduct.Times(_layers[k - 2], right[k - 2]);
        }

        return right;
    }

    // ||M - P||_F and ||M||_F + || |W_L|...|W_1| ||_F in units of 2^Unit.
    private sealed record ScaledResidual(double Norm, double Scale, int Unit)
    {
        public double Unscaled(double x) => Math.ScaleB(x, Unit);
    }
}

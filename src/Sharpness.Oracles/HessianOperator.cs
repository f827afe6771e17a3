using System.Collections.Concurrent;
using Sharpness.Kernels;

namespace Sharpness.Oracles;

/// <summary>
/// The matrix-free Hessian-vector product <c>v -> H v</c> of a <see cref="LossLandscape"/> at its point, by forward-mode
/// differentiation of the analytic gradient <c>G_k = 2 A_k^T R B_k^T + (2 lambda / L) W_k</c> along <c>V = [V_1, ..., V_L]</c>:
/// <c>(H v)_k = 2 (A_k'^T R B_k^T + A_k^T R' B_k^T + A_k^T R B_k'^T) + (2 lambda / L) V_k</c>, with
/// <c>R' = sum_k A_k V_k B_k</c> and <c>A_k'</c>, <c>B_k'</c> the derivatives of the suffix and prefix products.
/// </summary>
/// <remarks>
/// One product costs <c>O(L)</c> matrix products (<see cref="Blas.Gemm"/>) and never forms the <c>N x N</c> matrix. The
/// suffix derivatives are accumulated from the <c>d_L</c> end and the prefix derivatives from the <c>d_0</c> end, so with
/// scalar ends every product is matrix-times-vector (<c>O(L d^2)</c>); the identities <c>B_1 = I_(d_0)</c> and
/// <c>A_L = I_(d_L)</c> are never built (a 1 x 20000 layer would need 3.2 GB for one). Everything that does not depend on
/// <c>v</c> (<c>A_k</c>, <c>B_k</c>, <c>R</c>, <c>A_k^T R</c>) is computed once, when the operator is created; the
/// directional derivatives live in workspaces that are reused from call to call, so that a product allocates nothing once
/// the first has run. Thread-safe: concurrent calls take separate workspaces.
/// </remarks>
public sealed class HessianOperator : ILinearOperator
{
    private readonly int _depth;
    private readonly int[] _widths;
    private readonly int[] _offsets;
    private readonly double[][] _layers;

    // B_k = W_(k-1) ... W_1 (d_k x d_0) for k >= 2 (index k - 1); index 0, the identity, is null.
    private readonly double[]?[] _prefixes;

    // A_k = W_L ... W_(k+1) (d_L x d_k+1) for k <= L - 1 (index k - 1); index L - 1, the identity, is null.
    private readonly double[]?[] _suffixes;

    // A_k^T R (d_(k+1) x d_0), index k - 1; A_L^T R = R.
    private readonly double[][] _suffixResidual;
    private readonly double _decay;
    private readonly ConcurrentBag<Workspace> _workspaces = [];

    internal HessianOperator(LossLandscape landscape)
    {
        _depth = landscape.Depth;
        _widths = [.. landscape.Widths];
        _offsets = [.. Enumerable.Range(0, _depth + 1).Select(landscape.Offset)];
        // The landscape's own dense copies, which nothing writes: read in place (at N = 1e7 a second copy would be 80 MB).
        _layers = [.. Enumerable.Range(0, _depth).Select(k => landscape.Layer(k).AsColumnMajorArray() ?? throw new InvalidOperationException("The landscape's layers are dense copies."))];
        var d0 = _widths[0];
        var dL = _widths[_depth];

        _prefixes = new double[]?[_depth];
        for (var k = 1; k < _depth; k++)
        {
            _prefixes[k] = k == 1 ? _layers[0] : Product(_layers[k - 1], _widths[k], _widths[k - 1], _prefixes[k - 1]!, d0);
        }

        _suffixes = new double[]?[_depth];
        for (var k = _depth - 2; k >= 0; k--)
        {
            _suffixes[k] = k == _depth - 2 ? _layers[_depth - 1] : Product(_suffixes[k + 1]!, dL, _widths[k + 2], _layers[k + 1], _widths[k + 1]);
        }

        // R = W_L B_L - M and A_k^T R. At depth 1 the loss is quadratic in W_1 (its Hessian is 2 I), so R is not needed.
        _suffixResidual = new double[_depth][];
        if (_depth >= 2)
        {
            var residual = Residual(landscape.Target.ToColumnMajorArray());
            for (var k = 0; k < _depth; k++)
            {
                if (_suffixes[k] is { } a)
                {
                    var s = new double[_widths[k + 1] * d0];
                    Blas.Gemm(Transpose.Transposed, Transpose.None, _widths[k + 1], d0, dL, 1, a, dL, residual, dL, 0, s, _widths[k + 1]);
                    _suffixResidual[k] = s;
                }
                else
                {
                    _suffixResidual[k] = residual;
                }
            }
        }

        _decay = 2 * landscape.Lambda / _depth;
        Dimension = landscape.ParameterCount;
    }

    /// <summary>The number of parameters <c>N</c>.</summary>
    public int Dimension { get; }

    /// <summary>Computes <c>y = H x</c>, the exact Hessian (residual term included) applied to <paramref name="x"/>.</summary>
    /// <param name="x">The direction, stacked like the parameters, length <see cref="Dimension"/>; not modified.</param>
    /// <param name="y">Receives <c>H x</c>, length <see cref="Dimension"/>; may alias <paramref name="x"/>.</param>
    /// <exception cref="ArgumentException">A span has the wrong length or <paramref name="x"/> has a non-finite entry.</exception>
    public void Multiply(ReadOnlySpan<double> x, Span<double> y)
    {
        if (x.Length != Dimension)
        {
            throw new ArgumentException($"x has length {x.Length} but the operator has dimension {Dimension}.", nameof(x));
        }

        if (y.Length != Dimension)
        {
            throw new ArgumentException($"y has length {y.Length} but the operator has dimension {Dimension}.", nameof(y));
        }

        for (var i = 0; i < x.Length; i++)
        {
            if (!double.IsFinite(x[i]))
            {
                throw new ArgumentException($"x[{i}] is {x[i]}; all entries must be finite.", nameof(x));
            }
        }

        if (!_workspaces.TryTake(out var workspace))
        {
            workspace = new Workspace(_widths);
        }

        try
        {
            // Only an aliased x and y need a copy of x (y is written layer by layer while x is still read).
            if (x.Overlaps(y))
            {
                workspace.Direction ??= new double[Dimension];
                x.CopyTo(workspace.Direction);
                x = workspace.Direction;
            }

            Apply(x, y, workspace);
        }
        finally
        {
            _workspaces.Add(workspace);
        }
    }

    private void Apply(ReadOnlySpan<double> x, Span<double> y, Workspace workspace)
    {
        var d0 = _widths[0];
        var dL = _widths[_depth];

        // Forward sweep: dB_(k+1) = V_k B_k + W_k dB_k with dB_1 = 0 and B_1 = I; its last step is dP = R'. dB_2 = V_1 is read
        // where it is in x (PrefixDerivative), not copied.
        var prefixDerivatives = workspace.PrefixDerivatives;
        for (var k = 1; k < _depth; k++)
        {
            var (rows, inner) = (_widths[k + 1], _widths[k]);
            var next = prefixDerivatives[k + 1];
            Blas.Gemm(Transpose.None, Transpose.None, rows, d0, inner, 1, V(x, k), rows, _prefixes[k]!, inner, 0, next, rows);
            Blas.Gemm(Transpose.None, Transpose.None, rows, d0, inner, 1, _layers[k], rows, PrefixDerivative(x, k, workspace), inner, 1, next, rows);
        }

        var residualDerivative = PrefixDerivative(x, _depth, workspace);

        // Backward sweep: dA_k = dA_(k+1) W_(k+1) + A_(k+1) V_(k+1) with dA_L = 0 and A_L = I; dA_(L-1) = V_L is read in x.
        for (var k = _depth - 1; k >= 0; k--)
        {
            var rows = _widths[k + 1];
            var cols = _widths[k];
            if (k < _depth - 2)
            {
                var next = workspace.SuffixDerivatives[k];
                var inner = _widths[k + 2];
                Blas.Gemm(Transpose.None, Transpose.None, dL, rows, inner, 1, _suffixes[k + 1]!, dL, V(x, k + 1), inner, 0, next, dL);
                Blas.Gemm(Transpose.None, Transpose.None, dL, rows, inner, 1, SuffixDerivative(x, k + 1, workspace), dL, _layers[k + 1], inner, 1, next, dL);
            }

            // left = A_k^T R' + dA_k^T R (d_(k+1) x d_0).
            Span<double> left = workspace.Left.AsSpan(0, rows * d0);
            if (_suffixes[k] is { } a)
            {
                Blas.Gemm(Transpose.Transposed, Transpose.None, rows, d0, dL, 1, a, dL, residualDerivative, dL, 0, left, rows);
                Blas.Gemm(Transpose.Transposed, Transpose.None, rows, d0, dL, 1, SuffixDerivative(x, k, workspace), dL, _suffixResidual[_depth - 1], dL, 1, left, rows);
            }
            else
            {
                residualDerivative[..(rows * d0)].CopyTo(left);
            }

            // (H x)_k = 2 (left B_k^T + (A_k^T R) dB_k^T) + decay V_k, with B_1 = I and dB_1 = 0.
            var target = y.Slice(_offsets[k], rows * cols);
            if (k == 0)
            {
                left.CopyTo(target);
                Blas.Scale(2, target);
            }
            else
            {
                Blas.Gemm(Transpose.None, Transpose.Transposed, rows, cols, d0, 2, left, rows, _prefixes[k]!, cols, 0, target, rows);
                Blas.Gemm(Transpose.None, Transpose.Transposed, rows, cols, d0, 2, _suffixResidual[k], rows, PrefixDerivative(x, k, workspace), cols, 1, target, rows);
            }

            if (_decay != 0)
            {
                Blas.Axpy(_decay, V(x, k), target);
            }
        }
    }

    // R = W_L ... W_1 - M from the layers scaled by powers of two and the scale put back in the last product (exact
    // scalings: the plain product's bits wherever its partial products are normal, and its digits where one is subnormal;
    // LossLandscape.Residual). Overwrites and returns target.
    private double[] Residual(double[] target)
    {
        var exponents = _layers.Select(w => VectorMath.UnitExponent(w)).ToArray();
        var units = _layers.Select((w, k) => Scaled(w, -exponents[k])).ToArray();
        var d0 = _widths[0];
        var chain = units[0];
        for (var k = 1; k < _depth - 1; k++)
        {
            chain = Product(units[k], _widths[k + 1], _widths[k], chain, d0);
        }

        var last = _depth - 1;
        var scale = Math.ScaleB(1.0, exponents.Sum());
        Blas.Gemm(Transpose.None, Transpose.None, _widths[_depth], d0, _widths[last], scale, units[last], _widths[_depth], chain, _widths[last], -1, target, _widths[_depth]);
        return target;
    }

    private static double[] Scaled(double[] x, int exponent) => [.. x.Select(v => Math.ScaleB(v, exponent))];

    // V_k, the layer-k block of the stacked direction (d_(k+1) x d_k, column-major).
    private ReadOnlySpan<double> V(ReadOnlySpan<double> x, int k) => x.Slice(_offsets[k], _widths[k + 1] * _widths[k]);

    // dB_(k+1) (d_(k+1) x d_0), k in 1..L: dB_2 = V_1 itself, the rest from the workspace.
    private ReadOnlySpan<double> PrefixDerivative(ReadOnlySpan<double> x, int k, Workspace workspace) =>
        k == 1 ? V(x, 0) : workspace.PrefixDerivatives[k];

    // dA_(k+1) (d_L x d_(k+1)), k in 0..L-2: dA_(L-1) = V_L itself, the rest from the workspace.
    private ReadOnlySpan<double> SuffixDerivative(ReadOnlySpan<double> x, int k, Workspace workspace) =>
        k == _depth - 2 ? V(x, _depth - 1) : workspace.SuffixDerivatives[k];

    // a (rows x inner) times b (inner x columns).
    private static double[] Product(double[] a, int rows, int inner, double[] b, int columns)
    {
        var c = new double[rows * columns];
        Blas.Gemm(Transpose.None, Transpose.None, rows, columns, inner, 1, a, rows, b, inner, 0, c, rows);
        return c;
    }

    // The directional derivatives of one product that are not blocks of the direction itself (PrefixDerivative,
    // SuffixDerivative) and the d_(k+1) x d_0 left factor, sized once for the operator's widths: at N = 1e7 (widths 1826)
    // reading dB_2 = V_1 and dA_(L-1) = V_L in place saves two 27 MB arrays and two copies per product.
    private sealed class Workspace
    {
        public Workspace(int[] widths)
        {
            var depth = widths.Length - 1;
            var d0 = widths[0];
            var dL = widths[depth];
            // dB_1 = 0 and dB_2 = V_1 are never stored: index k holds dB_(k+1) = d(W_k ... W_1) for k = 2..L.
            PrefixDerivatives = new double[depth + 1][];
            PrefixDerivatives[0] = PrefixDerivatives[1] = [];
            for (var k = 2; k <= depth; k++)
            {
                PrefixDerivatives[k] = new double[widths[k] * d0];
            }

            // dA_L = 0 and dA_(L-1) = V_L are never stored: index k holds dA_(k+1) for k = 0..L-3.
            SuffixDerivatives = [.. Enumerable.Range(0, Math.Max(0, depth - 2)).Select(k => new double[dL * widths[k + 1]])];

            Left = new double[widths.Skip(1).Max() * d0];
        }

        public double[][] PrefixDerivatives { get; }

        public double[][] SuffixDerivatives { get; }

        public double[] Left { get; }

        public double[]? Direction { get; set; }
    }
}

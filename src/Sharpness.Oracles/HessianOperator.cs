namespace Sharpness.Oracles;

/// <summary>
/// The matrix-free Hessian-vector product <c>v -> H v</c> of a <see cref="LossLandscape"/> at its point, by forward-mode
/// differentiation of the analytic gradient <c>G_k = 2 A_k^T R B_k^T + (2 lambda / L) W_k</c> along <c>V = [V_1, ..., V_L]</c>:
/// <c>(H v)_k = 2 (A_k'^T R B_k^T + A_k^T R' B_k^T + A_k^T R B_k'^T) + (2 lambda / L) V_k</c>, with
/// <c>R' = sum_k A_k V_k B_k</c> and <c>A_k'</c>, <c>B_k'</c> the derivatives of the suffix and prefix products.
/// </summary>
/// <remarks>
/// One product costs <c>O(L)</c> matrix products and never forms the <c>N x N</c> matrix. The suffix derivatives are
/// accumulated from the <c>d_L</c> end and the prefix derivatives from the <c>d_0</c> end, so with scalar ends every product
/// is matrix-times-vector (<c>O(L d^2)</c>). Everything that does not depend on <c>v</c> (<c>A_k</c>, <c>B_k</c>, <c>R</c>,
/// <c>A_k^T R</c>) is computed once, when the operator is created. Thread-safe: <see cref="Multiply"/> keeps no state.
/// </remarks>
public sealed class HessianOperator : ILinearOperator
{
    private readonly LossLandscape _landscape;
    private readonly Block[] _layers;
    private readonly Block[] _suffixes;
    private readonly Block[] _prefixes;
    private readonly Block _residual;
    private readonly Block[] _suffixResidual;
    private readonly int[] _widths;
    private readonly double _decay;

    internal HessianOperator(LossLandscape landscape)
    {
        _landscape = landscape;
        var depth = landscape.Depth;
        _widths = [.. landscape.Widths];
        _layers = [.. Enumerable.Range(0, depth).Select(k => Block.From(landscape.Layer(k)))];
        var suffixes = landscape.Suffixes();
        var prefixes = landscape.Prefixes();
        var residual = landscape.Residual(prefixes);
        _suffixes = [.. suffixes.Select(Block.From)];
        _prefixes = [.. prefixes.Select(Block.From)];
        _residual = Block.From(residual);
        _suffixResidual = [.. suffixes.Select(a => Block.From(a.TransposeThisAndMultiply(residual)))];
        _decay = 2 * landscape.Lambda / depth;
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

        // Copying x first makes aliased x and y safe, and lets every V_k view one array without further copies.
        var xs = x.ToArray();
        for (var i = 0; i < xs.Length; i++)
        {
            if (!double.IsFinite(xs[i]))
            {
                throw new ArgumentException($"x[{i}] is {xs[i]}; all entries must be finite.", nameof(x));
            }
        }

        var depth = _layers.Length;
        var d0 = _widths[0];
        var dL = _widths[depth];
        var v = new Block[depth];
        for (var k = 0; k < depth; k++)
        {
            v[k] = new Block(_widths[k + 1], _widths[k], xs, _landscape.Offset(k));
        }

        // Forward sweep: dB_(k+1) = V_k B_k + W_k dB_k with dB_1 = 0; its last step is dP = R'.
        var prefixDerivatives = new Block?[depth + 1];
        for (var k = 0; k < depth; k++)
        {
            var next = new Block(_widths[k + 1], d0);
            Block.MultiplyAdd(v[k], _prefixes[k], next);
            if (prefixDerivatives[k] is { } previous)
            {
                Block.MultiplyAdd(_layers[k], previous, next);
            }

            prefixDerivatives[k + 1] = next;
        }

        var residualDerivative = prefixDerivatives[depth]!;

        // Backward sweep: dA_k = dA_(k+1) W_(k+1) + A_(k+1) V_(k+1) with dA_L = 0.
        Block? suffixDerivative = null;
        for (var k = depth - 1; k >= 0; k--)
        {
            if (k < depth - 1)
            {
                var next = new Block(dL, _widths[k + 1]);
                Block.MultiplyAdd(_suffixes[k + 1], v[k + 1], next);
                if (suffixDerivative is not null)
                {
                    Block.MultiplyAdd(suffixDerivative, _layers[k + 1], next);
                }

                suffixDerivative = next;
            }

            var left = new Block(_widths[k + 1], d0);
            Block.TransposeMultiplyAdd(_suffixes[k], residualDerivative, left);
            if (suffixDerivative is not null)
            {
                Block.TransposeMultiplyAdd(suffixDerivative, _residual, left);
            }

            var block = new Block(_widths[k + 1], _widths[k]);
            Block.MultiplyTransposeAdd(left, _prefixes[k], block);
            if (prefixDerivatives[k] is { } prefixDerivative)
            {
                Block.MultiplyTransposeAdd(_suffixResidual[k], prefixDerivative, block);
            }

            var values = block.Values;
            var direction = v[k].Values;
            var target = y.Slice(_landscape.Offset(k), values.Length);
            for (var i = 0; i < values.Length; i++)
            {
                target[i] = (2 * values[i]) + (_decay * direction[i]);
            }
        }
    }
}

// The gauge symmetry of deep factorization (claim EXACT-SCALE, EXACT Appendix D.1):
// W_i -> G_i W_i G_(i-1)^-1 keeps the product, so minimizers form a manifold along which lambda_max varies.
using MathNet.Numerics.LinearAlgebra;

namespace Sharpness.Theory.Constructions;

/// <summary>
/// Moves along the set of minimizers: <c>W_i -&gt; G_i W_i G_(i-1)^-1</c> with invertible hidden <c>G_1..G_(L-1)</c>
/// (<c>G_0 = I</c>, <c>G_L = I</c>) leaves <c>W_L ... W_1</c> unchanged.
/// </summary>
public static class Gauge
{
    /// <summary>The point <c>(G_1 W_1, G_2 W_2 G_1^-1, ..., W_L G_(L-1)^-1)</c>, still a minimizer of the same <c>M</c>.</summary>
    /// <remarks>EXACT Appendix D.1 (claim EXACT-SCALE).</remarks>
    /// <exception cref="ArgumentException">Not <c>L - 1</c> square hidden matrices of the hidden widths, a singular one, or non-finite entries.</exception>
    public static Minimizer Apply(Minimizer minimizer, IReadOnlyList<Matrix<double>> hidden)
    {
        ArgumentNullException.ThrowIfNull(minimizer);
        ArgumentNullException.ThrowIfNull(hidden);
        if (hidden.Count != minimizer.Depth - 1)
        {
            throw new ArgumentException($"Need L - 1 = {minimizer.Depth - 1} hidden gauge matrices but got {hidden.Count}.", nameof(hidden));
        }

        var inverses = new Matrix<double>[hidden.Count];
        for (var i = 0; i < hidden.Count; i++)
        {
            var d = minimizer.Widths[i + 1];
            Preconditions.RequireShape(hidden[i], d, d, nameof(hidden), $"G[{i + 1}]");
            Preconditions.RequireFinite(hidden[i], nameof(hidden), $"G[{i + 1}]");
            var conditionNumber = hidden[i].ConditionNumber();
            if (!(conditionNumber < 1e12))
            {
                throw new ArgumentException($"G[{i + 1}] is singular or nearly so (condition number {conditionNumber:G3}).", nameof(hidden));
            }

            inverses[i] = hidden[i].Inverse();
        }

        // G W G^-1 keeps the product to about cond(G) eps relative: well within the default residual rule
        // for the well-conditioned gauges the generators draw, and a clear NotAMinimizerException otherwise.
        var layers = new List<Matrix<double>>();
        for (var k = 1; k <= minimizer.Depth; k++)
        {
            var w = minimizer.LayerView(k);
            if (k < minimizer.Depth)
            {
                w = hidden[k - 1] * w;
            }

            if (k > 1)
            {
                w *= inverses[k - 2];
            }

            layers.Add(w);
        }

        return Minimizer.Of(new Factorization(layers, minimizer.TargetView));
    }

    /// <summary>The rescaling <c>W_k -&gt; c W_k</c>, <c>W_(k+1) -&gt; W_(k+1) / c</c> (<c>c != 0</c>, <c>k</c> in <c>1..L-1</c>).</summary>
    /// <remarks>EXACT Appendix D.1 (claim EXACT-SCALE).</remarks>
    /// <exception cref="ArgumentException"><paramref name="c"/> zero or non-finite, or <paramref name="k"/> not a hidden index.</exception>
    public static Minimizer Rescale(Minimizer minimizer, int k, double c)
    {
        ArgumentNullException.ThrowIfNull(minimizer);
        Preconditions.RequireFinite(c, nameof(c));
        if (c == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(c), c, "The rescaling factor c must be nonzero.");
        }

        Preconditions.RequireLayerIndex(k, minimizer.Depth - 1, nameof(k));
        var layers = Enumerable.Range(1, minimizer.Depth).Select(i =>
            i == k ? c * minimizer.LayerView(i) : i == k + 1 ? minimizer.LayerView(i) / c : minimizer.LayerView(i));
        return Minimizer.Of(new Factorization(layers, minimizer.TargetView));
    }
}

// Unbalanced minimizers: Gaussian layers with M set to their product (EXACT Section 7's experiments).
using MathNet.Numerics.LinearAlgebra;

namespace Sharpness.Theory.Constructions;

/// <summary>Generic (unbalanced, non-flat) minimizers: draw the layers, then set <c>M = W_L ... W_1</c>.</summary>
public static class Unbalanced
{
    /// <summary>Layers with independent <c>N(0, scale^2)</c> entries and target their product.</summary>
    /// <remarks>EXACT Section 7 and Appendix D.2 (claims EXACT-T5, EXACT-ESC): "layers are standard Gaussian, M their product".</remarks>
    /// <exception cref="ArgumentException">Infeasible or non-positive widths.</exception>
    public static Minimizer Gaussian(IReadOnlyList<int> widths, Random random, double scale = 1)
    {
        Preconditions.RequireWidths(widths, nameof(widths));
        ArgumentNullException.ThrowIfNull(random);

        var layers = new List<Matrix<double>>();
        for (var i = 1; i < widths.Count; i++)
        {
            layers.Add(RandomMatrices.Gaussian(widths[i], widths[i - 1], random, scale));
        }

        return Minimizer.OfProduct(layers);
    }
}

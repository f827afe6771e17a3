using MathNet.Numerics.LinearAlgebra;

namespace Sharpness.Theory.Constructions;

/// <summary>Checks on a list of widths <c>d_0..d_L</c> used by the constructions.</summary>
internal static class Widths
{
    internal static void Require(IReadOnlyList<int> widths, Matrix<double> target)
    {
        Preconditions.RequireWidthsOf(widths, target, nameof(widths));
        Preconditions.RequireFeasibleWidths(widths, nameof(widths));
    }
}

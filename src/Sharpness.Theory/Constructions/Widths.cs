using MathNet.Numerics.LinearAlgebra;

namespace Sharpness.Theory.Constructions;

/// <summary>Checks on a list of widths <c>d_0..d_L</c> used by the constructions.</summary>
internal static class Widths
{
    internal static void Require(IReadOnlyList<int> widths, Matrix<double> target)
    {
        RequireShape(widths, target);
        Preconditions.RequireFeasibleWidths(widths, nameof(widths));
    }

    // Positive widths whose ends fit the target, bottlenecks allowed (the regularized minimizers exist at any widths).
    internal static void RequireShape(IReadOnlyList<int> widths, Matrix<double> target)
    {
        Preconditions.RequireWidths(widths, nameof(widths));

        if (widths[0] != target.ColumnCount || widths[^1] != target.RowCount)
        {
            throw new ArgumentException(
                $"The target M is {Preconditions.Shape(target)} but the widths need d_L x d_0 = {widths[^1]}x{widths[0]}.", nameof(widths));
        }
    }
}

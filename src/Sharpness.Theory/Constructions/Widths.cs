using MathNet.Numerics.LinearAlgebra;

namespace Sharpness.Theory.Constructions;

/// <summary>Checks on a list of widths <c>d_0..d_L</c> used by the constructions.</summary>
internal static class Widths
{
    internal static void Require(IReadOnlyList<int> widths, Matrix<double> target)
    {
        ArgumentNullException.ThrowIfNull(widths);
        if (widths.Count < 2 || widths.Any(d => d < 1))
        {
            throw new ArgumentException($"Need widths d_0..d_L (L >= 1), all positive; got ({string.Join(", ", widths)}).", nameof(widths));
        }

        if (widths[0] != target.ColumnCount || widths[^1] != target.RowCount)
        {
            throw new ArgumentException(
                $"The target M is {Preconditions.Shape(target)} but the widths need d_L x d_0 = {widths[^1]}x{widths[0]}.", nameof(widths));
        }

        var ends = Math.Min(widths[0], widths[^1]);
        if (widths.Any(d => d < ends))
        {
            throw new ArgumentException($"Infeasible widths ({string.Join(", ", widths)}): every d_i must be >= min(d_0, d_L) = {ends} (EXACT eq. 17).", nameof(widths));
        }
    }
}

using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Theory;

namespace Sharpness.Verification.Generators;

/// <summary>Random unit directions, drawn deterministically from a seed.</summary>
public static class Directions
{
    /// <summary>A unit direction with blocks shaped by <paramref name="widths"/>, Gaussian before normalization.</summary>
    public static Direction RandomUnit(IReadOnlyList<int> widths, int seed)
    {
        ArgumentNullException.ThrowIfNull(widths);
        var normal = new Normal(0, 1, new Random(seed));
        return new Direction(Enumerable.Range(1, widths.Count - 1)
            .Select(i => Matrix<double>.Build.Dense(widths[i], widths[i - 1], (_, _) => normal.Sample()))).Normalized();
    }
}

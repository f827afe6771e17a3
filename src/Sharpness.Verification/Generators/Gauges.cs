using MathNet.Numerics.LinearAlgebra;
using Sharpness.Theory.Constructions;

namespace Sharpness.Verification.Generators;

/// <summary>Random gauges for EXACT-SCALE: invertible hidden matrices that keep the product to rounding.</summary>
public static class Gauges
{
    /// <summary>
    /// <c>G_i = Q_1 diag(e^u) Q_2</c> for each hidden width <c>d_1..d_(L-1)</c>, with random orthogonal <c>Q</c> and <c>u</c>
    /// uniform in [-1, 1]: condition number at most e^2, so <c>G W G^-1</c> keeps the product to a few eps.
    /// </summary>
    public static List<Matrix<double>> WellConditioned(IReadOnlyList<int> widths, Random random)
    {
        ArgumentNullException.ThrowIfNull(widths);
        ArgumentNullException.ThrowIfNull(random);
        return [.. Enumerable.Range(1, widths.Count - 2).Select(i =>
        {
            var d = widths[i];
            var diagonal = Matrix<double>.Build.DenseOfDiagonalArray([.. Enumerable.Range(0, d).Select(_ => Math.Exp((2 * random.NextDouble()) - 1))]);
            return RandomMatrices.Orthonormal(d, d, random) * diagonal * RandomMatrices.Orthonormal(d, d, random);
        })];
    }
}

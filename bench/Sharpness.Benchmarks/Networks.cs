// Networks: the benchmarks' own inputs, drawn from fixed seeds (Gaussian layers, the target their product).
using System.Globalization;
using System.Text;
using MathNet.Numerics.LinearAlgebra;

namespace Sharpness.Benchmarks;

/// <summary>Deterministic layers and vectors for the benchmarks.</summary>
public static class Networks
{
    /// <summary>Standard Gaussian layers <c>W_i</c> of shape <c>d_i x d_(i-1)</c>.</summary>
    public static IReadOnlyList<Matrix<double>> Gaussian(IReadOnlyList<int> widths, int seed)
    {
        ArgumentNullException.ThrowIfNull(widths);
        var random = new Random(seed);
        return [.. Enumerable.Range(1, widths.Count - 1).Select(i => Program.Gaussian(random, widths[i], widths[i - 1]))];
    }

    /// <summary><paramref name="depth"/> square Gaussian layers of width <paramref name="width"/>.</summary>
    public static IReadOnlyList<Matrix<double>> Square(int width, int depth, int seed) => Gaussian([.. Enumerable.Repeat(width, depth + 1)], seed);

    /// <summary>A vector of uniform entries in <c>[-0.5, 0.5)</c>.</summary>
    public static double[] Uniform(int length, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, length).Select(_ => random.NextDouble() - 0.5)];
    }

    /// <summary>Writes <c>{"layers": [...]}</c> to a temporary file (round-trip doubles) and returns its path.</summary>
    public static string WriteJson(IReadOnlyList<Matrix<double>> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        var path = Path.Combine(Path.GetTempPath(), $"sharpness-bench-{Environment.ProcessId}-{layers[0].ColumnCount}.json");
        var text = new StringBuilder("{\"layers\": [");
        for (var k = 0; k < layers.Count; k++)
        {
            text.Append(k == 0 ? "[" : ", [");
            for (var i = 0; i < layers[k].RowCount; i++)
            {
                text.Append(i == 0 ? "[" : ", [");
                text.AppendJoin(", ", Enumerable.Range(0, layers[k].ColumnCount).Select(j => layers[k][i, j].ToString("R", CultureInfo.InvariantCulture)));
                text.Append(']');
            }

            text.Append(']');
        }

        File.WriteAllText(path, text.Append("]}").ToString());
        return path;
    }
}

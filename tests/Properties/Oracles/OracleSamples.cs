using MathNet.Numerics.LinearAlgebra;
using Sharpness.Oracles;

namespace Sharpness.Tests.Properties.Oracles;

/// <summary>Seeded sample points, matrices and norms shared by the oracle tests.</summary>
internal static class OracleSamples
{
    /// <summary>A matrix of standard normal entries times <paramref name="scale"/>, from <paramref name="random"/>.</summary>
    public static Matrix<double> Gaussian(Random random, int rows, int columns, double scale = 1.0) =>
        Matrix<double>.Build.Dense(rows, columns, (_, _) => scale * StandardNormal(random));

    /// <summary>Random layers <c>W_i</c> (<c>d_i x d_(i-1)</c>) with entries <c>N(0, 1/d_(i-1))</c>, so the product stays O(1).</summary>
    public static Matrix<double>[] Layers(Random random, IReadOnlyList<int> widths) =>
        [.. Enumerable.Range(1, widths.Count - 1).Select(i => Gaussian(random, widths[i], widths[i - 1], 1 / Math.Sqrt(widths[i - 1])))];

    /// <summary>The product <c>W_L ... W_1</c>.</summary>
    public static Matrix<double> Product(IReadOnlyList<Matrix<double>> layers) =>
        layers.Skip(1).Aggregate(layers[0], (p, w) => w * p);

    /// <summary>A random point (not a minimizer: the target is an unrelated Gaussian matrix).</summary>
    public static LossLandscape RandomPoint(int seed, IReadOnlyList<int> widths, double lambda = 0)
    {
        var random = new Random(seed);
        var layers = Layers(random, widths);
        var target = Gaussian(random, widths[^1], widths[0]);
        return new LossLandscape(layers, target, lambda);
    }

    /// <summary>A random symmetric matrix <c>(G + G^T) / 2</c>.</summary>
    public static Matrix<double> RandomSymmetric(int seed, int n)
    {
        var g = Gaussian(new Random(seed), n, n);
        return 0.5 * (g + g.Transpose());
    }

    /// <summary>A random orthogonal matrix (Q of a Gaussian matrix's QR).</summary>
    public static Matrix<double> RandomOrthogonal(int seed, int n) => Gaussian(new Random(seed), n, n).QR().Q;

    /// <summary>The largest absolute entry.</summary>
    public static double MaxAbs(Matrix<double> m) => m.Enumerate().Max(Math.Abs);

    /// <summary>The largest absolute entry of a difference of two arrays.</summary>
    public static double MaxAbsDifference(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var worst = 0.0;
        for (var i = 0; i < x.Count; i++)
        {
            worst = Math.Max(worst, Math.Abs(x[i] - y[i]));
        }

        return worst;
    }

    /// <summary>A row-major <c>double[,]</c> as a MathNet matrix.</summary>
    public static Matrix<double> ToMatrix(double[,] a) => Matrix<double>.Build.DenseOfArray(a);

    /// <summary>Euclidean norm.</summary>
    public static double Norm(IReadOnlyList<double> x) => Math.Sqrt(x.Sum(v => v * v));

    private static double StandardNormal(Random random)
    {
        // Box-Muller: System.Random has no normal sampler; 1 - U keeps the logarithm finite.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}

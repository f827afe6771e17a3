using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Theory;
using Sharpness.Theory.Constructions;
using Sharpness.Theory.Linear;

namespace Sharpness.Verification.Generators;

/// <summary>How a minimizer is built from its target.</summary>
public enum MinimizerKind
{
    /// <summary>Gaussian layers, <c>M</c> their product (unbalanced, generally not flat).</summary>
    Gaussian,

    /// <summary>Balanced from the SVD of <c>M</c> with random hidden bases (flat).</summary>
    Balanced,

    /// <summary>A balanced minimizer moved by a random well-conditioned gauge <c>G_i W_i G_(i-1)^-1</c>.</summary>
    GaugedBalanced,

    /// <summary>A balanced minimizer with one pair of layers rescaled by <c>c</c>, <c>|log |c||</c> in [0.01, 1.4] (not flat unless <c>M = 0</c>).</summary>
    RescaledBalanced,

    /// <summary>Depth 2: <c>smax(L) = smax(R) = sqrt(smax(M))</c>, other singular values split at random (flat, generally unbalanced).</summary>
    SpectralBalanced,

    /// <summary>Scalar ends: a balanced chain plus components on the orthogonal complements (flat, unbalanced).</summary>
    ScalarFlatUnbalanced,

    /// <summary>Depth 2: the minimizer of the Hessian trace, <c>d_0 L^T L = d_L R^T R</c>.</summary>
    TraceFlat,

    /// <summary>
    /// Depth 2: Gaussian layers rescaled (<c>W_1 -&gt; c W_1</c>, <c>W_2 -&gt; W_2 / c</c>) so that <c>smax(L) = smax(R)</c>
    /// exactly: equal spectral norms, but generally not the flat value <c>sqrt(smax(M))</c>. Random draws never hit that tie.
    /// </summary>
    EqualizedGaussian,
}

/// <summary>Which target a recipe draws. Degenerate targets are drawn on purpose: they are where "almost everywhere" fails.</summary>
public enum TargetKind
{
    /// <summary>Gaussian entries: distinct singular values, full rank.</summary>
    Generic,

    /// <summary><c>M = 0</c>.</summary>
    Zero,

    /// <summary>Rank strictly below <c>min(d_0, d_L)</c>.</summary>
    RankDeficient,

    /// <summary>The two largest singular values tie (a repeated top singular value).</summary>
    TiedTop,
}

/// <summary>
/// A recipe for a minimizer: kind, target kind, widths <c>d_0..d_L</c>, a scale exponent (entries of size
/// <c>10^e</c>) and a seed. <see cref="Build"/> is deterministic, so a recipe printed in a failure replays it,
/// and shrinking a recipe (fewer layers, narrower widths, scale toward 1) still yields a minimizer.
/// </summary>
public sealed record MinimizerRecipe(MinimizerKind Kind, TargetKind Target, IReadOnlyList<int> Widths, int ScaleExponent, int Seed) : IHasDepth, IHasScaleRegime
{
    /// <inheritdoc />
    public string ScaleRegime => Minimizers.ScaleRegime(this);

    /// <summary>The depth <c>L</c>.</summary>
    public int Depth => Widths.Count - 1;

    /// <summary>Builds the minimizer this recipe describes.</summary>
    public Minimizer Build()
    {
        var random = new Random(Seed);
        var scale = Math.Pow(10, ScaleExponent);
        return Kind switch
        {
            MinimizerKind.Gaussian => GaussianLayers(random, scale),
            MinimizerKind.Balanced => Balanced.FromTarget(TargetMatrix(random, scale), Widths, random),
            MinimizerKind.GaugedBalanced => Gauge.Apply(Balanced.FromTarget(TargetMatrix(random, scale), Widths, random), Gauges.WellConditioned(Widths, random)),
            MinimizerKind.RescaledBalanced => Rescaled(Balanced.FromTarget(TargetMatrix(random, scale), Widths, random), random),
            MinimizerKind.SpectralBalanced => SpectralBalanced.DepthTwo(
                TargetMatrix(random, scale), Widths[1], [.. Enumerable.Range(0, Math.Min(Widths[0], Widths[2]) - 1).Select(_ => random.NextDouble())], random),
            MinimizerKind.ScalarFlatUnbalanced => ScalarFlat.WithComplementNoise(TargetMatrix(random, scale)[0, 0], Widths, random, noise: Math.Pow(scale, 1.0 / Depth)),
            MinimizerKind.TraceFlat => TraceFlat.DepthTwo(TargetMatrix(random, scale), Widths[1], random),
            MinimizerKind.EqualizedGaussian => Equalized(GaussianLayers(random, scale)),
            _ => throw new InvalidOperationException($"Unknown kind {Kind}."),
        };
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Kind}/{Target} widths ({string.Join(",", Widths)}) scale 1e{ScaleExponent} seed {Seed}");

    private Matrix<double> TargetMatrix(Random random, double scale)
    {
        int rows = Widths[^1], columns = Widths[0], rank = Math.Min(rows, columns);
        switch (Target)
        {
            case TargetKind.Zero:
                return Matrix<double>.Build.Dense(rows, columns);
            case TargetKind.RankDeficient:
                var r = random.Next(1, rank); // 1 .. rank-1: nonzero and strictly deficient (the generator labels rank 1 ends Zero)
                return RandomMatrices.Gaussian(rows, r, random, scale) * RandomMatrices.Gaussian(r, columns, random);
            case TargetKind.TiedTop when rank >= 2:
                var singular = new double[rank];
                singular[0] = singular[1] = scale * (1 + random.NextDouble());
                for (var i = 2; i < rank; i++)
                {
                    singular[i] = singular[0] * random.NextDouble();
                }

                return RandomMatrices.Orthonormal(rows, rank, random) * Matrix<double>.Build.DenseOfDiagonalArray(singular) * RandomMatrices.Orthonormal(columns, rank, random).Transpose();
            default:
                return RandomMatrices.Gaussian(rows, columns, random, scale);
        }
    }

    // Gaussian layers. A zero target comes from nonzero layers with an exactly zero product: W_1 writes only the
    // first half of the hidden coordinates and W_2 reads only the second half (disjoint supports, so every term of
    // the product is 0 * x in floating point too); with a hidden width of 1 it needs W_1 = 0. A rank-deficient
    // target comes from a low-rank first layer.
    private Minimizer GaussianLayers(Random random, double scale)
    {
        var layers = Enumerable.Range(1, Depth).Select(i => RandomMatrices.Gaussian(Widths[i], Widths[i - 1], random, scale)).ToList();
        if (Target == TargetKind.Zero && Depth >= 2 && Widths[1] >= 2)
        {
            var keep = Widths[1] / 2;
            layers[0] = layers[0].MapIndexed((i, _, x) => i < keep ? x : 0);
            layers[1] = layers[1].MapIndexed((_, j, x) => j < keep ? 0 : x);
        }
        else if (Target == TargetKind.Zero)
        {
            layers[0] = Matrix<double>.Build.Dense(Widths[1], Widths[0]);
        }
        else if (Target == TargetKind.RankDeficient)
        {
            var r = random.Next(1, Math.Max(2, Math.Min(Widths[0], Widths[^1])));
            layers[0] = RandomMatrices.Gaussian(Widths[1], r, random, scale) * RandomMatrices.Gaussian(r, Widths[0], random);
        }

        return Minimizer.OfProduct(layers);
    }

    private static Minimizer Equalized(Minimizer gaussian)
    {
        var right = SpectralNorm.Of(gaussian.Layer(1));
        var left = SpectralNorm.Of(gaussian.Layer(2));
        return gaussian.Depth != 2 || right == 0 || left == 0 ? gaussian : Gauge.Rescale(gaussian, 1, Math.Sqrt(left / right));
    }

    private Minimizer Rescaled(Minimizer balanced, Random random)
    {
        if (Depth < 2)
        {
            return balanced;
        }

        var magnitude = Math.Exp((random.Next(2) == 0 ? -1 : 1) * (0.01 + (1.39 * random.NextDouble())));
        var sign = random.Next(2) == 0 ? -1 : 1;
        return Gauge.Rescale(balanced, random.Next(1, Depth), sign * magnitude);
    }
}

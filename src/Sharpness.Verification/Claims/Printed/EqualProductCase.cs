// Minimizers at which smax(A_k) smax(B_k) is the same for every k by construction, at the flat value or above it:
// the domain of the printed bullets of EXACT Section 1.1, Section 5 and Section 8 ("flat iff / if the product of
// spectral norms of left and right intermediate factors is constant across layers").
using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Theory;
using Sharpness.Theory.Constructions;
using Sharpness.Verification.Generators;

namespace Sharpness.Verification.Claims.Printed;

/// <summary>How the last layer's rows sit against the image of the first layers in an <see cref="EqualProductCase"/>.</summary>
public enum Alignment
{
    /// <summary>One row of <c>V^T</c> is the image of a column of <c>U</c>: <c>smax(M) = c^L</c>, the minimizer is flat.</summary>
    Aligned,

    /// <summary>Independent Haar bases: <c>smax(M) &lt; c^L</c> when the hidden width exceeds both ends (not flat).</summary>
    Random,

    /// <summary>The rows of <c>V^T</c> orthogonal to that image: <c>M = 0</c>, yet every product is <c>c^(L-1)</c> (not flat).</summary>
    Orthogonal,
}

/// <summary>
/// The recipe <c>W_1 = c U</c>, <c>W_i = c Q_i</c> (<c>1 &lt; i &lt; L</c>), <c>W_L = c V^T</c>, with <c>U</c> (<c>h x d_0</c>) and <c>V</c>
/// (<c>h x d_L</c>) of orthonormal columns and <c>Q_i</c> orthogonal <c>h x h</c>, <c>M</c> the product. Then <c>B_k</c> has orthonormal
/// columns times <c>c^(k-1)</c> and <c>A_k</c> orthonormal rows times <c>c^(L-k)</c>, so <c>smax(A_k) smax(B_k) = c^(L-1)</c> for every
/// <c>k</c>, while <c>smax(M) = c^L smax(V^T Q U)</c> is at most <c>c^L</c>: the product is constant across layers at every such
/// minimizer, and equals the flat value <c>smax(M)^(1 - 1/L)</c> only when some direction is aligned.
/// </summary>
/// <param name="Depth">L.</param>
/// <param name="InputWidth">d_0.</param>
/// <param name="OutputWidth">d_L.</param>
/// <param name="Hidden">h, every hidden width.</param>
/// <param name="Alignment">How <c>V</c> is drawn against <c>Q U</c>.</param>
/// <param name="ScaleExponent">c = exp(ScaleExponent / 1000).</param>
/// <param name="Seed">Seed of the Haar draws.</param>
public sealed record EqualProductCase(int Depth, int InputWidth, int OutputWidth, int Hidden, Alignment Alignment, int ScaleExponent, int Seed) : IHasDepth
{
    /// <summary>The minimizer the recipe describes (an <see cref="Alignment.Orthogonal"/> recipe needs <c>h &gt;= d_0 + d_L</c>).</summary>
    public Minimizer Build()
    {
        var random = new Random(Seed);
        var c = Math.Exp(ScaleExponent / 1000.0);
        var u = RandomMatrices.Orthonormal(Hidden, InputWidth, random);
        var rotations = Enumerable.Range(0, Depth - 2).Select(_ => RandomMatrices.Orthonormal(Hidden, Hidden, random)).ToList();
        var image = rotations.Aggregate(u, (x, q) => q * x);
        var v = Alignment switch
        {
            Alignment.Aligned => WithFirstColumn(image.Column(0), random),
            Alignment.Orthogonal => Complement(image, random),
            _ => RandomMatrices.Orthonormal(Hidden, OutputWidth, random),
        };
        return Minimizer.OfProduct([u * c, .. rotations.Select(q => q * c), v.Transpose() * c]);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"widths {InputWidth}, {string.Join(", ", Enumerable.Repeat(Hidden, Depth - 1))}, {OutputWidth}; {Alignment}; c = exp({ScaleExponent}/1000); seed {Seed}";

    /// <summary>
    /// Cases at depths <paramref name="minDepth"/>..<paramref name="maxDepth"/>, ends of width 1..<paramref name="maxEnd"/> (1 for
    /// scalar ends), hidden width from the wider end up to two more, all three alignments (orthogonal needs room, else random).
    /// </summary>
    public static Arbitrary<EqualProductCase> Cases(int minDepth, int maxDepth, int maxEnd)
    {
        var gen =
            from depth in Gen.Choose(minDepth, maxDepth)
            from d0 in Gen.Choose(1, maxEnd)
            from dl in Gen.Choose(1, maxEnd)
            from extra in Gen.Choose(0, 2)
            from alignment in Gen.Frequency((1, Gen.Constant(Alignment.Aligned)), (2, Gen.Constant(Alignment.Random)), (1, Gen.Constant(Alignment.Orthogonal)))
            from scale in Gen.Choose(-1500, 1500)
            from seed in Gen.Choose(0, 1_000_000)
            let h = Math.Max(d0, dl) + extra
            select new EqualProductCase(depth, d0, dl, h, alignment == Alignment.Orthogonal && h < d0 + dl ? Alignment.Random : alignment, scale, seed);
        return Arb.From(gen, Shrink);
    }

    private static IEnumerable<EqualProductCase> Shrink(EqualProductCase c)
    {
        if (c.Depth > 2)
        {
            yield return c with { Depth = c.Depth - 1 };
        }

        if (c.ScaleExponent != 0)
        {
            yield return c with { ScaleExponent = 0 };
        }
    }

    private Matrix<double> WithFirstColumn(Vector<double> first, Random random)
    {
        var g = RandomMatrices.Gaussian(Hidden, OutputWidth, random);
        g.SetColumn(0, first);
        return g.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin).Q;
    }

    private Matrix<double> Complement(Matrix<double> image, Random random)
    {
        var projector = Matrix<double>.Build.DenseIdentity(Hidden) - (image * image.Transpose());
        return (projector * RandomMatrices.Gaussian(Hidden, OutputWidth, random)).QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin).Q;
    }
}

/// <summary>The check shared by the printed "constant across layers" sub-claims.</summary>
internal static class EqualProductChecks
{
    /// <summary>Both sides: a flat and a non-flat equal-product minimizer must be checked.</summary>
    internal static IReadOnlyList<Regime> BothSides { get; } =
    [
        new("flat", o => o.Regime.StartsWith(Flat, StringComparison.Ordinal)),
        new("not flat (the printed sentence fails)", o => o.Regime.StartsWith(NotFlat, StringComparison.Ordinal)),
    ];

    /// <summary>The cases that exhibit the failure of the printed sentence: products constant, minimizer not flat.</summary>
    internal static Regime Exhibiting { get; } = new("products constant, not flat", o => o.Regime.StartsWith(NotFlat, StringComparison.Ordinal));

    private const string Flat = "flat";
    private const string NotFlat = "not flat";

    /// <summary>
    /// The case is in the printed sentence's domain (the oracle-side products, from MathNet's SVD, agree across k), and
    /// <paramref name="predicate"/> (the corollary's flatness test under test) agrees with the oracle's flatness.
    /// </summary>
    internal static Outcome Check(EqualProductCase c, Func<Minimizer, bool> predicate)
    {
        var minimizer = c.Build();
        var products = Enumerable.Range(1, minimizer.Depth).Select(k => minimizer.LeftProduct(k).L2Norm() * minimizer.RightProduct(k).L2Norm()).ToList();
        var constant = products.All(p => Tolerance.Flatness.IsClose(p, products[0], products.Max()));
        var (flat, evidence) = Exact.OracleFlatness.Judge(minimizer, Oracle.Dense(minimizer));
        var predicted = predicate(minimizer);
        var regime = (flat ? Flat : NotFlat) + (minimizer.Target.FrobeniusNorm() == 0 ? ", M = 0" : string.Empty);
        return Outcome.All(
            Outcome.Check(constant, regime, $"smax(A_k) smax(B_k) = {string.Join(", ", products.Select(p => p.ToString("G10", System.Globalization.CultureInfo.InvariantCulture)))} (constant by construction)"),
            Outcome.Check(predicted == flat, regime, $"predicate says {(predicted ? "flat" : "not flat")}; {evidence}"));
    }

    /// <summary>The printed predicate: <c>smax(A_k) smax(B_k)</c> the same for every k, whatever its value.</summary>
    internal static bool ProductsConstant(Minimizer minimizer)
    {
        var products = Sharpness.Theory.Exact.PartialProducts.SpectralNormProducts(minimizer.Point);
        return products.All(p => Tolerance.Flatness.IsClose(p, products[0], products.Max()));
    }
}

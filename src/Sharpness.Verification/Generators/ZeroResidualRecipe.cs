using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Theory;

namespace Sharpness.Verification.Generators;

/// <summary>How the layers of a zero-residual point are drawn: in general position, or degenerate on purpose.</summary>
public enum LayerDegeneracy
{
    /// <summary>Independent random entries: general position with probability 1.</summary>
    GeneralPosition,

    /// <summary>One layer with two equal rows (or, for a layer with one row, a zero row).</summary>
    RepeatedRows,

    /// <summary>One layer of rank one below its largest possible rank (a product of thin random factors).</summary>
    RankDeficientLayer,

    /// <summary>One layer exactly zero.</summary>
    ZeroLayer,
}

/// <summary>
/// A recipe for a zero-residual point at ANY widths, bottlenecks below EXACT eq. 17 included (SINGH-RANK): widths, how the
/// layers are degenerate, and a seed. Entries are random multiples of <c>2^-20</c> in <c>(-4, 4)</c>: doubles with at most
/// 23 significant bits, so that the exact rational Hessian stays small enough for fraction-free elimination, while a draw
/// falls on the (algebraic, measure-zero) degenerate set only with probability about <c>N 2^-22</c>.
/// </summary>
public sealed record ZeroResidualRecipe(IReadOnlyList<int> Widths, LayerDegeneracy Degeneracy, int Seed) : IHasDepth
{
    /// <summary>The depth <c>L</c>.</summary>
    public int Depth => Widths.Count - 1;

    /// <summary>The number of parameters <c>N</c>.</summary>
    public int ParameterCount => Enumerable.Range(1, Depth).Sum(i => Widths[i] * Widths[i - 1]);

    /// <summary>
    /// Recipes with the given degeneracies: depth 1..4 with widths 1..4 (bottlenecks drawn often: every width is free), and one
    /// in four at depth 2..3 with widths 2..6 (<c>N</c> up to 108, where the rank is read from a floating spectrum).
    /// </summary>
    public static Arbitrary<ZeroResidualRecipe> Recipes(params LayerDegeneracy[] degeneracies)
    {
        ArgumentNullException.ThrowIfNull(degeneracies);
        var gen =
            from degeneracy in Gen.Elements(degeneracies)
            from widths in Gen.Frequency((3, Shapes(1, 4, 1, 4)), (1, Shapes(2, 3, 2, 6)))
            from seed in Gen.Choose(0, int.MaxValue)
            select new ZeroResidualRecipe(widths, degeneracy, seed);
        return Arb.From(gen, Shrink);
    }

    /// <summary>Builds the point.</summary>
    public ZeroResidualPoint Build()
    {
        var random = new Random(Seed);
        var layers = Enumerable.Range(1, Depth).Select(i => Entries(Widths[i], Widths[i - 1], random)).ToList();
        var k = random.Next(Depth);
        var (rows, columns) = (layers[k].RowCount, layers[k].ColumnCount);
        switch (Degeneracy)
        {
            case LayerDegeneracy.RepeatedRows when rows >= 2:
                layers[k].SetRow(1, layers[k].Row(0));
                break;
            case LayerDegeneracy.RepeatedRows:
                layers[k].SetRow(0, Vector<double>.Build.Dense(columns));
                break;
            case LayerDegeneracy.RankDeficientLayer:
                var rank = Math.Min(rows, columns) - 1;
                layers[k] = rank == 0 ? Matrix<double>.Build.Dense(rows, columns) : Entries(rows, rank, random) * Entries(rank, columns, random);
                break;
            case LayerDegeneracy.ZeroLayer:
                layers[k] = Matrix<double>.Build.Dense(rows, columns);
                break;
        }

        return ZeroResidualPoint.OfLayers(layers);
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Degeneracy} widths ({string.Join(",", Widths)}) seed {Seed}");

    private static Matrix<double> Entries(int rows, int columns, Random random) =>
        Matrix<double>.Build.Dense(rows, columns, (_, _) => Math.ScaleB(random.Next(-(1 << 22) + 1, 1 << 22), -20));

    private static Gen<IReadOnlyList<int>> Shapes(int minDepth, int maxDepth, int minWidth, int maxWidth) =>
        from depth in Gen.Choose(minDepth, maxDepth)
        from widths in Gen.ArrayOf(Gen.Choose(minWidth, maxWidth), depth + 1)
        select (IReadOnlyList<int>)widths;

    // Fewer layers (any widths are valid here) and narrower layers; the seed stays.
    private static IEnumerable<ZeroResidualRecipe> Shrink(ZeroResidualRecipe recipe)
    {
        var w = recipe.Widths;
        for (var i = 1; i < w.Count - 1; i++)
        {
            yield return recipe with { Widths = [.. w.Take(i), .. w.Skip(i + 1)] };
        }

        for (var i = 0; i < w.Count; i++)
        {
            if (w[i] > 1)
            {
                yield return recipe with { Widths = [.. w.Select((d, j) => j == i ? d - 1 : d)] };
            }
        }
    }
}

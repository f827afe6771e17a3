using FsCheck;
using FsCheck.Fluent;

namespace Sharpness.Verification.Generators;

/// <summary>
/// Minimizer recipes of small feasible shapes, depth 1 included (the families of <see cref="Minimizers"/> start at depth 2):
/// for the whole-spectrum claims (EXACT-SPEC, GHOSH-BAL), whose check is a full EVD of the Hessian per case, so that the
/// shapes are kept to <c>N &lt;= 100</c> while every boundary (depth 1, <c>d_0 != d_L</c>, ties, zero and rank-deficient
/// targets, the double range) is still drawn on purpose.
/// </summary>
public static class SmallMinimizers
{
    /// <summary>Depth 1..5, widths 1..4 (hidden widths at least <c>min(d_0, d_L)</c>, EXACT eq. 17); one case in five at depth 1.</summary>
    public static Arbitrary<MinimizerRecipe> Recipes(params MinimizerKind[] kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        var gen =
            from kind in Gen.Elements(kinds)
            from target in Gen.Frequency(
                (8, Gen.Constant(TargetKind.Generic)),
                (4, Gen.Constant(TargetKind.Zero)),
                (4, Gen.Constant(TargetKind.RankDeficient)),
                (4, Gen.Constant(TargetKind.TiedTop)))
            from widths in Widths
            from exponent in Gen.Frequency((6, Gen.Choose(-3, 3)), (1, Extreme(kind, widths.Count - 1)))
            from seed in Gen.Choose(0, int.MaxValue)
            select Labelled(new MinimizerRecipe(kind, target, widths, exponent, seed));
        return Arb.From(gen, Shrink);
    }

    private static Gen<IReadOnlyList<int>> Widths =>
        from depth in Gen.Frequency((1, Gen.Constant(1)), (4, Gen.Choose(2, 5)))
        from d0 in Gen.Choose(1, 4)
        from dL in Gen.Choose(1, 4)
        from hidden in Gen.ArrayOf(Gen.Choose(Math.Min(d0, dL), 4), depth - 1)
        select (IReadOnlyList<int>)[d0, .. hidden, dL];

    private static Gen<int> Extreme(MinimizerKind kind, int depth)
    {
        var (smallest, largest) = Minimizers.ExponentRange(kind, depth);
        return Gen.Elements(smallest, largest);
    }

    // As Minimizers labels its recipes: Gaussian layers cannot tie, min(d_0, d_L) = 1 has no second singular value, and its
    // only deficient rank is 0.
    private static MinimizerRecipe Labelled(MinimizerRecipe r)
    {
        var rank = Math.Min(r.Widths[0], r.Widths[^1]);
        return r.Target switch
        {
            TargetKind.TiedTop when r.Kind == MinimizerKind.Gaussian || rank < 2 => r with { Target = TargetKind.Generic },
            TargetKind.RankDeficient when rank < 2 => r with { Target = TargetKind.Zero },
            _ => r,
        };
    }

    private static bool IsFeasible(IReadOnlyList<int> w) => w.Count >= 2 && w.All(d => d >= Math.Max(1, Math.Min(w[0], w[^1])));

    // Fewer hidden layers, narrower layers, scale toward 1: every candidate stays feasible, so still a minimizer recipe.
    private static IEnumerable<MinimizerRecipe> Shrink(MinimizerRecipe recipe)
    {
        var w = recipe.Widths;
        for (var i = 1; i < w.Count - 1; i++)
        {
            IReadOnlyList<int> fewer = [.. w.Take(i), .. w.Skip(i + 1)];
            yield return Labelled(recipe with { Widths = fewer });
        }

        for (var i = 0; i < w.Count; i++)
        {
            IReadOnlyList<int> narrower = [.. w.Select((d, j) => j == i ? d - 1 : d)];
            if (w[i] > 1 && IsFeasible(narrower))
            {
                yield return Labelled(recipe with { Widths = narrower });
            }
        }

        if (recipe.ScaleExponent != 0)
        {
            yield return recipe with { ScaleExponent = recipe.ScaleExponent / 2 };
        }
    }
}

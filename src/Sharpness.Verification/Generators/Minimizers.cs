using FsCheck;
using FsCheck.Fluent;

namespace Sharpness.Verification.Generators;

/// <summary>Which shapes a property draws.</summary>
public enum ShapeFamily
{
    /// <summary>Any feasible shape: depth 2..8 with widths 1..6, and some depth up to 20 with widths 1..2.</summary>
    Any,

    /// <summary>Scalar ends <c>d_0 = d_L = 1</c>, hidden widths 1..6, depth 2..8 (some up to 20).</summary>
    ScalarEnds,

    /// <summary>Depth 2, widths 1..6.</summary>
    DepthTwo,

    /// <summary>Depth 3..6 with hidden widths 2..4 and scalar ends (where flat minima can be unbalanced).</summary>
    ScalarEndsWide,

    /// <summary>
    /// Depth 1..5 (one case in five at depth 1) with widths 1..4, so <c>N &lt;= 80</c>: for the whole-spectrum claims
    /// (EXACT-SPEC, GHOSH-BAL), which decompose the whole Hessian per case and must reach depth 1.
    /// </summary>
    Small,
}

/// <summary>FsCheck generators of minimizer recipes, with a shrinker that keeps every shrunk recipe a valid minimizer.</summary>
public static class Minimizers
{
    /// <summary>
    /// Recipes of the given kinds and shape family, with degenerate targets drawn on purpose, at scales 1e-3..1e3 and, one case
    /// in six, far from 1 across the whole double range where the properties' numbers stay normal (<see cref="ExponentRange"/>:
    /// layer entries 1e-150 to 1e75 at depth 2), half of those at its very edges.
    /// </summary>
    public static Arbitrary<MinimizerRecipe> Recipes(ShapeFamily shapes, params MinimizerKind[] kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        var gen =
            from kind in Gen.Elements(kinds)
            from target in Gen.Frequency(
                (10, Gen.Constant(TargetKind.Generic)),
                (3, Gen.Constant(TargetKind.Zero)),
                (3, Gen.Constant(TargetKind.RankDeficient)),
                (4, Gen.Constant(TargetKind.TiedTop)))
            from widths in Widths(shapes)
            from exponent in Gen.Frequency((3, Gen.Constant(0)), (7, Gen.Choose(-3, 3)), (2, ExtremeExponent(kind, widths.Count - 1)))
            from seed in Gen.Choose(0, int.MaxValue)
            select Labelled(new MinimizerRecipe(kind, target, widths, exponent, seed));
        return Arb.From(gen, r => Shrink(r, shapes));
    }

    /// <summary>
    /// The scale exponents a recipe may take at depth <c>L</c> so that every number the properties compare stays a normal double:
    /// entries of Gaussian layers <c>10^e</c> give a product near <c>10^(Le)</c> and a Hessian near <c>10^(2(L-1)e)</c>; a target
    /// <c>10^e</c> gives a Hessian near <c>10^(2(L-1)e/L)</c> and a loss scale <c>10^(2e)</c>. Each is kept within <c>10^+-300</c>, so
    /// at depth 2 Gaussian entries span 1e-150 to 1e75 (the range issue 9 asks for) and targets 1e-150 to 1e150.
    /// </summary>
    public static (int Smallest, int Largest) ExponentRange(MinimizerKind kind, int depth)
    {
        var layersDrawn = kind is MinimizerKind.Gaussian or MinimizerKind.EqualizedGaussian;
        if (!layersDrawn)
        {
            return (-150, 150);
        }

        var hessian = depth == 1 ? 150 : 300 / (2 * (depth - 1));
        return (-Math.Min(150, hessian), Math.Min(Math.Min(75, 150 / depth), hessian));
    }

    /// <summary>The scale regime of a recipe, for FsCheck's Classify and the replay line.</summary>
    public static string ScaleRegime(MinimizerRecipe recipe)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        var (smallest, largest) = ExponentRange(recipe.Kind, recipe.Depth);
        return recipe.ScaleExponent switch
        {
            var e when e == smallest || e == largest => "scale at the edge of the double range",
            < -3 => "tiny scale (below 1e-3)",
            > 3 => "huge scale (above 1e3)",
            _ => "moderate scale (1e-3..1e3)",
        };
    }

    // Far from 1 on purpose, logarithmically: half at the edges of ExponentRange, half in between.
    private static Gen<int> ExtremeExponent(MinimizerKind kind, int depth)
    {
        var (smallest, largest) = ExponentRange(kind, depth);
        return Gen.Frequency(
            (1, Gen.Elements(smallest, largest)),
            (1, Gen.OneOf(Gen.Choose(smallest, Math.Min(-4, largest)), Gen.Choose(Math.Max(4, smallest), largest))));
    }

    /// <summary>Draws from several recipe families at once; each recipe shrinks within the family its kind needs.</summary>
    public static Arbitrary<MinimizerRecipe> Mixed(params Arbitrary<MinimizerRecipe>[] families)
    {
        ArgumentNullException.ThrowIfNull(families);
        return Arb.From(Gen.OneOf(families.Select(f => f.Generator)), r => Shrink(r, FamilyOf(r.Kind)));
    }

    // The label must say what the target is: Gaussian layers cannot tie singular values, a target with
    // min(d_0, d_L) = 1 has no second singular value to tie, and its only deficient rank is 0.
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

    private static ShapeFamily FamilyOf(MinimizerKind kind) => kind switch
    {
        MinimizerKind.SpectralBalanced or MinimizerKind.TraceFlat or MinimizerKind.EqualizedGaussian => ShapeFamily.DepthTwo,
        MinimizerKind.ScalarFlatUnbalanced => ShapeFamily.ScalarEnds,
        _ => ShapeFamily.Any,
    };

    /// <summary>Width lists <c>d_0..d_L</c> of a family, all feasible (EXACT eq. 17).</summary>
    public static Gen<IReadOnlyList<int>> Widths(ShapeFamily shapes) => shapes switch
    {
        ShapeFamily.ScalarEnds => Gen.Frequency((9, ScalarEnded(2, 8, 1, 6)), (1, ScalarEnded(9, 20, 1, 2))),
        ShapeFamily.ScalarEndsWide => ScalarEnded(3, 6, 2, 4),
        ShapeFamily.DepthTwo => General(2, 2, 6),
        ShapeFamily.Small => Gen.Frequency((1, General(1, 1, 4)), (4, General(2, 5, 4))),
        _ => Gen.Frequency((9, General(2, 8, 6)), (1, General(9, 20, 2))),
    };

    /// <summary>True when the widths belong to the family (used to keep shrinking inside it).</summary>
    public static bool IsInFamily(IReadOnlyList<int> widths, ShapeFamily shapes)
    {
        ArgumentNullException.ThrowIfNull(widths);
        var feasible = widths.Count >= 2 && widths.All(d => d >= 1) && widths.All(d => d >= Math.Min(widths[0], widths[^1]));
        return feasible && shapes switch
        {
            ShapeFamily.ScalarEnds => widths[0] == 1 && widths[^1] == 1 && widths.Count >= 3,
            ShapeFamily.ScalarEndsWide => widths[0] == 1 && widths[^1] == 1 && widths.Count >= 4 && widths.Skip(1).SkipLast(1).Any(d => d >= 2),
            ShapeFamily.DepthTwo => widths.Count == 3,
            ShapeFamily.Small => widths.Count <= 6 && widths.All(d => d <= 4),
            _ => widths.Count >= 3,
        };
    }

    private static Gen<IReadOnlyList<int>> General(int minDepth, int maxDepth, int maxWidth) =>
        from depth in Gen.Choose(minDepth, maxDepth)
        from d0 in Gen.Choose(1, maxWidth)
        from dL in Gen.Choose(1, maxWidth)
        from hidden in Gen.ArrayOf(Gen.Choose(Math.Min(d0, dL), maxWidth), depth - 1)
        select (IReadOnlyList<int>)[d0, .. hidden, dL];

    private static Gen<IReadOnlyList<int>> ScalarEnded(int minDepth, int maxDepth, int minWidth, int maxWidth) =>
        from depth in Gen.Choose(minDepth, maxDepth)
        from hidden in Gen.ArrayOf(Gen.Choose(minWidth, maxWidth), depth - 1)
        select (IReadOnlyList<int>)[1, .. hidden, 1];

    // Shrink the shape and the scale, never the seed's matrices: fewer hidden layers, narrower layers,
    // scale exponent toward 0. Each candidate stays in its family, hence stays a valid minimizer recipe.
    private static IEnumerable<MinimizerRecipe> Shrink(MinimizerRecipe recipe, ShapeFamily shapes)
    {
        var w = recipe.Widths;
        for (var i = 1; i < w.Count - 1; i++)
        {
            IReadOnlyList<int> fewer = [.. w.Take(i), .. w.Skip(i + 1)];
            if (IsInFamily(fewer, shapes))
            {
                yield return Labelled(recipe with { Widths = fewer });
            }
        }

        for (var i = 0; i < w.Count; i++)
        {
            if (w[i] > 1)
            {
                IReadOnlyList<int> narrower = [.. w.Select((d, j) => j == i ? d - 1 : d)];
                if (IsInFamily(narrower, shapes))
                {
                    yield return Labelled(recipe with { Widths = narrower });
                }
            }
        }

        if (Math.Abs(recipe.ScaleExponent) > 3)
        {
            yield return recipe with { ScaleExponent = recipe.ScaleExponent / 2 };
        }

        if (recipe.ScaleExponent != 0)
        {
            yield return recipe with { ScaleExponent = recipe.ScaleExponent - Math.Sign(recipe.ScaleExponent) };
        }
    }
}

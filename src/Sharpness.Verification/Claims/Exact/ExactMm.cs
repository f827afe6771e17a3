// EXACT-MM: lambda_max >= 2 L smax(M)^(2 (1 - 1/L)) at any minimizer, attained by flat minima (eq. 35), and
// eq. 31's spectral norms at flat scalar minima, which fail at m = 0 for L >= 3.
using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Theory;
using Sharpness.Theory.Constructions;
using Sharpness.Theory.Exact;
using Sharpness.Verification.Generators;

namespace Sharpness.Verification.Claims.Exact;

/// <summary>A scalar-ended zero-target point: <c>W_1</c> random and nonzero, every other layer zero.</summary>
public sealed record ZeroTargetCase(IReadOnlyList<int> Widths, int Seed) : IHasDepth
{
    /// <inheritdoc />
    public int Depth => Widths.Count - 1;

    /// <summary>The minimizer of <c>m = 0</c> it describes.</summary>
    public Minimizer Build()
    {
        var random = new Random(Seed);
        var layers = Enumerable.Range(1, Widths.Count - 1).Select(i => i == 1
            ? RandomMatrices.Gaussian(Widths[1], Widths[0], random) + Matrix<double>.Build.Dense(Widths[1], Widths[0], 1)
            : Matrix<double>.Build.Dense(Widths[i], Widths[i - 1]));
        return Minimizer.Of(new Factorization(layers, Matrix<double>.Build.Dense(1, 1)));
    }

    /// <inheritdoc />
    public override string ToString() => $"W_1 random, W_2..W_L = 0, widths ({string.Join(",", Widths)}) seed {Seed}";
}

/// <summary>EXACT eq. 31 and 35 (Mulayoff and Michaeli 2020).</summary>
public static class ExactMm
{
    /// <summary>The claim, its properties and mutants.</summary>
    public static Claim Claim { get; } = new(
        "EXACT-MM",
        "EXACT eq. 31, 35 (Mulayoff & Michaeli 2020)",
        "At any minimizer lambda_max >= 2 L smax(M)^(2 (1 - 1/L)), attained by flat minima; at flat scalar minima smax(A_k) = |m|^(1 - k/L), smax(B_k) = |m|^((k-1)/L).",
        Expectation.FailsOnPartOfDomain,
        "The bound (eq. 35) holds and is attained. Eq. 31 fails at m = 0 for L >= 3: w = (1, 0, 0) is flat (zero Hessian) but smax(B_2) = 1, not 0. Corrected domain of eq. 31: m != 0 or L = 2.",
        [
            new ClaimProperty<MinimizerRecipe>(
                "LowerBoundHoldsAndIsAttained",
                "The oracle's lambda_max is at least eq. 35's flat value, with equality at the balanced minimizer of the same target.",
                Minimizers.Recipes(ShapeFamily.Any, MinimizerKind.Gaussian, MinimizerKind.Balanced, MinimizerKind.GaugedBalanced, MinimizerKind.RescaledBalanced),
                CheckBound),
            new ClaimProperty<MinimizerRecipe>(
                "Eq31HoldsAtFlatScalarMinimizers_CorrectedDomain",
                "On the corrected domain (m != 0 or L = 2) every oracle-flat scalar minimizer has eq. 31's spectral norms.",
                Arb.Filter(
                    Minimizers.Recipes(ShapeFamily.ScalarEnds, MinimizerKind.Balanced, MinimizerKind.ScalarFlatUnbalanced, MinimizerKind.RescaledBalanced),
                    r => r.Target is not (TargetKind.Zero or TargetKind.RankDeficient) || r.Depth == 2),
                CheckEq31),
            new ClaimProperty<ZeroTargetCase>(
                "Eq31FailsAtZeroTarget_DepthThreeOrMore",
                "Counterexample: for m = 0 and L >= 3, W_1 != 0 with all other layers zero is flat (zero Hessian) yet violates eq. 31.",
                ZeroTargetCases(),
                CheckCounterexample),
        ],
        [
            new Mutant("SquaredNormExponent", "2 L smax(M)^2: the exponent 2 (1 - 1/L) replaced by 2.",
                f => f with { FlatValue = (m, l) => 2 * l * Math.Pow(Sharpness.Theory.Linear.SpectralNorm.Of(m), 2) }),
            new Mutant("DroppedFactorTwo", "L smax(M)^(2 (1 - 1/L)): a valid but unattained bound.",
                f => f with { FlatValue = (m, l) => MulayoffMichaeli.FlatValue(m, l) / 2 }),
            new Mutant("SwappedEq31Exponents", "smax(A_k) = |m|^((k-1)/L) and smax(B_k) = |m|^(1 - k/L): the two exponents exchanged.",
                f => f with
                {
                    Eq31Holds = m => Enumerable.Range(1, m.Depth).All(k =>
                        Tolerance.Flatness.IsClose(Sharpness.Theory.Linear.SpectralNorm.Of(m.LeftProduct(k)), MulayoffMichaeli.FlatRightProductNorm(m.Target[0, 0], m.Depth, k), Math.Max(1, Math.Abs(m.Target[0, 0]))) &&
                        Tolerance.Flatness.IsClose(Sharpness.Theory.Linear.SpectralNorm.Of(m.RightProduct(k)), MulayoffMichaeli.FlatLeftProductNorm(m.Target[0, 0], m.Depth, k), Math.Max(1, Math.Abs(m.Target[0, 0])))),
                }),
        ]);

    /// <summary>Zero-target cases with scalar ends and depth at least 3; they shrink to L = 3, all widths 1.</summary>
    public static Arbitrary<ZeroTargetCase> ZeroTargetCases()
    {
        var gen =
            from widths in Minimizers.Widths(ShapeFamily.ScalarEnds).Where(w => w.Count >= 4)
            from seed in Gen.Choose(0, int.MaxValue)
            select new ZeroTargetCase(widths, seed);
        return Arb.From(gen, c => ShrinkZeroTarget(c));
    }

    private static IEnumerable<ZeroTargetCase> ShrinkZeroTarget(ZeroTargetCase c)
    {
        if (c.Widths.Count > 4)
        {
            yield return c with { Widths = [.. c.Widths.Take(2), .. c.Widths.Skip(3)] };
        }

        for (var i = 1; i < c.Widths.Count - 1; i++)
        {
            if (c.Widths[i] > 1)
            {
                yield return c with { Widths = [.. c.Widths.Select((d, j) => j == i ? d - 1 : d)] };
            }
        }
    }

    private static Outcome CheckBound(MinimizerRecipe recipe, Formulas formulas)
    {
        var minimizer = recipe.Build();
        var dense = Oracle.Dense(minimizer);
        var flatValue = formulas.FlatValue(minimizer.Target, minimizer.Depth);
        var balanced = Oracle.Dense(Balanced.FromTarget(minimizer.Target, minimizer.Widths, new Random(recipe.Seed)));
        var regime = $"{recipe.Kind}/{recipe.Target}";
        return Outcome.All(
            Outcome.Check(dense.LambdaMax >= flatValue - Tolerance.DenseOracle.Bound(dense.Scale), regime, $"oracle lambda_max {dense.LambdaMax:G10} >= flat value {flatValue:G10}"),
            Outcome.Compare("flat value vs oracle lambda_max at the balanced minimizer", flatValue, balanced.LambdaMax, balanced.Scale, Tolerance.DenseOracle, regime));
    }

    private static Outcome CheckEq31(MinimizerRecipe recipe, Formulas formulas)
    {
        var minimizer = recipe.Build();
        var (flat, evidence) = OracleFlatness.Judge(minimizer, Oracle.Dense(minimizer));
        if (!flat)
        {
            return Outcome.Check(true, "not flat (vacuous)", evidence);
        }

        var holds = formulas.Eq31Holds(minimizer);
        return Outcome.Check(holds, recipe.Kind.ToString(), $"flat; eq. 31 norms {(holds ? "match" : "do not match")}; {evidence}");
    }

    private static Outcome CheckCounterexample(ZeroTargetCase @case, Formulas formulas)
    {
        var minimizer = @case.Build();
        var dense = Oracle.Dense(minimizer);
        var flat = dense.LambdaMax == 0 && dense.Scale == 0;
        var eq31 = formulas.Eq31Holds(minimizer);
        return Outcome.Check(flat && !eq31, "m = 0, L >= 3", $"oracle Hessian norm {dense.Scale:G3} (flat: {flat}); eq. 31 {(eq31 ? "holds" : "fails")}");
    }
}

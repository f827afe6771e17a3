// EXACT-RANK/printed: the rank statement as REG (l. 208) and EXACT (l. 90-91, 401, 748) print it, quoting Mulayoff &
// Michaeli: "at least 1 - (1/L) of the eigenvalues [singular values] of the Hessian are zero at a global minimum".
// CLAIMS.md words it with the fraction 1 - d_0 d_L / N, which eq. 74 gives; the two agree only when N >= L d_0 d_L.
using FsCheck;
using FsCheck.Fluent;
using Sharpness.Theory;
using Sharpness.Theory.Constructions;
using Sharpness.Verification.Generators;

namespace Sharpness.Verification.Claims.Printed;

/// <summary>
/// A Gaussian minimizer (layers <c>N(0, 1)</c>, <c>M</c> their product) of the given widths: ends of different widths and
/// hidden widths down to <c>min(d_0, d_L)</c> (EXACT eq. 17), where <c>N</c> is smallest against <c>d_0 d_L</c>.
/// </summary>
/// <param name="Widths">d_0, ..., d_L.</param>
/// <param name="Seed">Seed of the layers.</param>
public sealed record RankShapeCase(IReadOnlyList<int> Widths, int Seed) : IHasDepth
{
    /// <inheritdoc />
    public int Depth => Widths.Count - 1;

    /// <summary>The minimizer.</summary>
    public Minimizer Build()
    {
        var random = new Random(Seed);
        return Minimizer.OfProduct(Enumerable.Range(1, Depth).Select(i => RandomMatrices.Gaussian(Widths[i], Widths[i - 1], random)));
    }

    /// <inheritdoc />
    public override string ToString() => $"widths ({string.Join(", ", Widths)}), seed {Seed}";

    /// <summary>Depth 2 or 3, ends 1..4 (equal one case in three), hidden widths min(d_0, d_L) to one more.</summary>
    public static Arbitrary<RankShapeCase> Cases()
    {
        var gen =
            from depth in Gen.Frequency((3, Gen.Constant(2)), (1, Gen.Constant(3)))
            from d0 in Gen.Choose(1, 4)
            from equal in Gen.Frequency((1, Gen.Constant(true)), (2, Gen.Constant(false)))
            from dl in equal ? Gen.Constant(d0) : Gen.Choose(1, 4)
            from hidden in Gen.ListOf(Gen.Choose(0, 1), depth - 1)
            from seed in Gen.Choose(0, 1_000_000)
            select new RankShapeCase([d0, .. hidden.Select(h => Math.Min(d0, dl) + h), dl], seed);
        return Arb.From(gen, Shrink);
    }

    private static IEnumerable<RankShapeCase> Shrink(RankShapeCase c)
    {
        if (c.Depth > 2)
        {
            yield return c with { Widths = [.. c.Widths.Take(2), c.Widths[^1]] };
        }
    }
}

/// <summary>REG Section 3 (l. 208), EXACT Section 1.2 (l. 90-91), Section 7 (l. 401), Appendix D.1 (l. 748), as printed.</summary>
public static class ExactRankPrinted
{
    /// <summary>The claim, its properties and mutants.</summary>
    public static Claim Claim { get; } = new(
        "EXACT-RANK/printed",
        "REG l. 208; EXACT l. 90-91, 401, 748 (quoting Mulayoff & Michaeli 2020)",
        "At a minimizer at least 1 - 1/L of the Hessian's eigenvalues are zero.",
        Expectation.FailsOnPartOfDomain,
        "Holds when d_0 = d_L (then N >= L d_0 d_L); fails when the ends differ and N < L d_0 d_L, since a generic minimizer has rank d_0 d_L (EXACT-RANK). Smallest case: widths (1, 1, 2), W_1 = [1], W_2 = [1; 0]: N = 3, Hessian eigenvalues 0, 2, 4, one zero of three (1/3 < 1/2). Corrected statement: at least 1 - d_0 d_L / N of the eigenvalues are zero (EXACT-RANK).",
        [
            new ClaimProperty<RankShapeCase>(
                "ZeroFractionBelowOneMinusOneOverL_WhenEndsDiffer",
                "Counterexample: the oracle Hessian's rank is at most the bound d_0 d_L and equals it at generic depth-2 minimizers; the printed fraction (rank <= N / L) holds whenever d_0 = d_L, and fails exactly where the bound exceeds N / L.",
                RankShapeCase.Cases(),
                Check)
            {
                Role = PropertyRole.ExhibitsCounterexample,
                Regimes = [Regime.Labelled("d_0 = d_L", EqualEnds), Regime.Labelled("printed fraction fails", PrintedFails)],
                Exhibiting = Regime.Labelled("printed fraction fails", PrintedFails),
            },
        ],
        [
            new Mutant("PrintedFraction", "The printed bound: rank at most N / L (at least 1 - 1/L of the eigenvalues zero).",
                f => f with { HessianRankBound = w => Enumerable.Range(1, w.Count - 1).Sum(i => w[i] * w[i - 1]) / (w.Count - 1) }),
            new Mutant("MinimumOfEnds", "min(d_0, d_L), the rank of the product, in place of d_0 d_L.",
                f => f with { HessianRankBound = w => Math.Min(w[0], w[^1]) }),
        ]);

    private const string EqualEnds = "d_0 = d_L";
    private const string PrintedFails = "printed fraction fails";
    private const string PrintedHolds = "d_0 != d_L, printed fraction holds";

    private static Outcome Check(RankShapeCase c, Formulas formulas)
    {
        var minimizer = c.Build();
        var dense = Oracle.Dense(minimizer);
        var threshold = Tolerance.NumericalRank.Bound(dense.Scale);
        var rank = dense.Eigenvalues.Count(e => Math.Abs(e) > threshold);
        var n = minimizer.ParameterCount;
        var bound = formulas.HessianRankBound(minimizer.Widths);
        var printedHolds = rank * c.Depth <= n;
        var regime = c.Widths[0] == c.Widths[^1] ? EqualEnds : printedHolds ? PrintedHolds : PrintedFails;
        var evidence = $"rank {rank} (threshold {threshold:G3}), bound {bound}, N = {n}, zero fraction {(n - rank) / (double)n:G4} vs 1 - 1/L = {1 - (1.0 / c.Depth):G4}";
        return Outcome.All(
            Outcome.Check(rank <= bound, regime, $"rank at most the bound: {evidence}"),
            Outcome.Check(c.Depth != 2 || rank == bound, regime, $"a generic depth-2 minimizer attains the bound: {evidence}"),
            Outcome.Check(c.Widths[0] != c.Widths[^1] || printedHolds, regime, $"equal ends: the printed fraction holds: {evidence}"),
            Outcome.Check(c.Depth != 2 || printedHolds == (bound * c.Depth <= n), regime, $"the printed fraction fails exactly where the bound exceeds N / L: {evidence}"));
    }
}

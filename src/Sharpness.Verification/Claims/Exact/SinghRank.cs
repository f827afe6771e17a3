// SINGH-RANK (Singh, Bachmann & Hofmann 2021): at a zero-residual point in general position rank H = q (d_0 + d_L - q),
// q = min_i d_i, and at most that elsewhere; bottleneck widths (below EXACT eq. 17) are part of the domain. The rank is
// exact (fraction-free elimination on the exact rational Hessian) at N <= ExactRankLimit: there the verdict is a proof.
using System.Globalization;
using Sharpness.Oracles;
using Sharpness.Theory;
using Sharpness.Verification.Generators;

namespace Sharpness.Verification.Claims.Exact;

/// <summary>Singh, Bachmann &amp; Hofmann 2021, the Hessian rank of deep linear networks at zero residual.</summary>
public static class SinghRank
{
    /// <summary>
    /// The largest <c>N</c> at which the rank is computed exactly: Bareiss elimination on the exact <c>N x N</c> Hessian (its
    /// integers grow with every step) took 25 to 300 ms per point at <c>N</c> = 30 to 32 here (measured on a loaded machine),
    /// about 1 ms below <c>N</c> = 12; beyond this limit the rank is read from the dense oracle's spectrum with a gap test.
    /// </summary>
    public const int ExactRankLimit = 36;

    /// <summary>The claim, its properties and mutants.</summary>
    public static Claim Claim { get; } = new(
        "SINGH-RANK",
        "Singh, Bachmann & Hofmann 2021; EXACT eq. 74",
        "At a zero-residual point W_L...W_1 = M whose layers are in general position, rank Hessian = q (d_0 + d_L - q) with q = min(d_0, d_1, ..., d_L); outside general position the rank is at most that. Bottleneck widths (q < min(d_0, d_L)) are part of the domain.",
        Expectation.Holds,
        "Holds: the exact rank equals q (d_0 + d_L - q) at every random point tried (bottlenecks, depth 1 to 4), and is at most that at points drawn degenerate on purpose (repeated rows, rank-deficient or zero layers), often strictly below.",
        [
            new ClaimProperty<ZeroResidualRecipe>(
                "RankEqualsFormulaInGeneralPosition",
                "At random zero-residual points (any widths, bottlenecks included) the Hessian's rank, exact at N <= 36 and from a gapped floating spectrum beyond, equals the formula.",
                ZeroResidualRecipe.Recipes(LayerDegeneracy.GeneralPosition),
                (r, f) => Check(r, f, atMost: false))
            {
                Regimes = [Tagged(Bottleneck), Tagged(Feasible), Tagged(Exact), Tagged(Floating), Tagged(DepthOne)],
            },
            new ClaimProperty<ZeroResidualRecipe>(
                "RankAtMostFormulaOutsideGeneralPosition",
                "At zero-residual points with degenerate layers (repeated rows, a rank-deficient or zero layer) the Hessian's rank is at most the formula.",
                ZeroResidualRecipe.Recipes(LayerDegeneracy.RepeatedRows, LayerDegeneracy.RankDeficientLayer, LayerDegeneracy.ZeroLayer),
                (r, f) => Check(r, f, atMost: true))
            {
                Regimes = [Tagged(Below), Tagged(Bottleneck), Tagged(Exact)],
            },
        ],
        [
            new Mutant("EndsProduct", "min(d_0 d_L, N), EXACT-RANK's bound: right at feasible widths, too large at a bottleneck.",
                f => f with { ZeroResidualRank = w => Math.Min(w[0] * w[^1], Enumerable.Range(1, w.Count - 1).Sum(i => w[i] * w[i - 1])) }),
            new Mutant("HiddenBottleneckOnly", "q (d_0 + d_L - q) with q the least hidden width (the ends left out of the minimum).",
                f => f with { ZeroResidualRank = w => HiddenBottleneck(w) }),
            new Mutant("ParametersMinusGauge", "N - sum of d_i^2 over hidden layers: the parameters less the dimension of the gauge group GL(d_i) (it acts with stabilizers at bottlenecks).",
                f => f with { ZeroResidualRank = w => Math.Max(0, Enumerable.Range(1, w.Count - 1).Sum(i => w[i] * w[i - 1]) - w.Skip(1).SkipLast(1).Sum(d => d * d)) }),
            new Mutant("BottleneckTimesSum", "q (d_0 + d_L): the tangent space's dimension without the overlap q^2 of its two parts.",
                f => f with { ZeroResidualRank = w => w.Min() * (w[0] + w[^1]) }),
        ]);

    private const string Bottleneck = "bottleneck q < min(d_0, d_L)";
    private const string Feasible = "feasible q = min(d_0, d_L)";
    private const string Exact = "exact rank";
    private const string Floating = "floating rank";
    private const string DepthOne = "depth 1";
    private const string Below = "rank strictly below q (d_0 + d_L - q)";

    private static Regime Tagged(string tag) => new(tag, o => o.Regime.Contains(tag, StringComparison.Ordinal));

    private static int HiddenBottleneck(IReadOnlyList<int> w)
    {
        var q = w.Count > 2 ? w.Skip(1).SkipLast(1).Min() : Math.Min(w[0], w[^1]);
        return q * (w[0] + w[^1] - q);
    }

    private static Outcome Check(ZeroResidualRecipe recipe, Formulas formulas, bool atMost)
    {
        var point = recipe.Build();
        var widths = point.Widths;
        var tags = new List<string> { recipe.Degeneracy.ToString(), point.IsFeasible ? Feasible : Bottleneck };
        if (point.Depth == 1)
        {
            tags.Add(DepthOne);
        }

        var formula = formulas.ZeroResidualRank(widths);
        var (rank, how) = HessianRank(point);
        tags.Add(how);
        if (rank is not int r)
        {
            return Outcome.Vacuous(string.Join("; ", tags), $"{how}: the spectrum has an eigenvalue between the negligible and the significant threshold");
        }

        if (r < formula)
        {
            tags.Add(Below);
        }

        var regime = string.Join("; ", tags);
        var evidence = string.Create(CultureInfo.InvariantCulture, $"{how} {r}, formula {formula}, widths ({string.Join(",", widths)}), N = {point.ParameterCount}");
        return Outcome.Check(atMost ? r <= formula : r == formula, regime, atMost ? $"rank <= formula: {evidence}" : $"rank = formula: {evidence}");
    }

    // Exact at small N (a proof for this point); otherwise the dense oracle's eigenvalues, decided only when none lies between
    // NegligibleEigenvalue and NumericalRank of ||H||_F (null when undecided).
    private static (int? Rank, string How) HessianRank(ZeroResidualPoint point)
    {
        var layers = point.Layers();
        if (point.ParameterCount <= ExactRankLimit)
        {
            return (HessianEnclosure.ExactAtOwnProduct([.. layers.Select(w => w.ToArray())]).Rank(), Exact);
        }

        var dense = DenseHessian.Of(new LossLandscape(layers, point.Product()).DenseHessian());
        var significant = Tolerance.NumericalRank.Bound(dense.Scale);
        var negligible = Tolerance.NegligibleEigenvalue.Bound(dense.Scale);
        var decided = dense.Eigenvalues.All(e => Math.Abs(e) <= negligible || Math.Abs(e) > significant);
        return (decided ? dense.Eigenvalues.Count(e => Math.Abs(e) > significant) : null, Floating);
    }
}

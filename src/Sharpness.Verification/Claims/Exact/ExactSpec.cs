// EXACT-SPEC (derived from EXACT eq. 74): at any minimizer the nonzero Hessian eigenvalues, with multiplicity, are the
// nonzero eigenvalues of 2 sum_i B_i^T B_i (x) A_i A_i^T; so trace, rank and the whole nonzero spectrum follow from it.
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Theory;
using Sharpness.Theory.Exact;
using Sharpness.Verification.Generators;

namespace Sharpness.Verification.Claims.Exact;

/// <summary>Derived from EXACT eq. 74 and eq. 22: the whole nonzero spectrum.</summary>
public static class ExactSpec
{
    /// <summary>The claim, its properties and mutants.</summary>
    public static Claim Claim { get; } = new(
        "EXACT-SPEC",
        "derived from EXACT eq. 74, 22",
        "At any minimizer the nonzero Hessian eigenvalues, with multiplicity, are the nonzero eigenvalues of 2 sum_i B_i^T B_i (x) A_i A_i^T; so trace, rank and the whole nonzero spectrum follow from a d_0 d_L x d_0 d_L matrix.",
        Expectation.Holds,
        "Holds at every minimizer tried: depth 1 to 5, d_0 != d_L, tied, rank-deficient and zero targets, H = 0 (balanced minimizers of M = 0, where both spectra are empty and the trace and rank 0 are checked), across the double range.",
        [
            new ClaimProperty<MinimizerRecipe>(
                "NonzeroSpectrumEqualsDenseOracle",
                "The formula's nonzero eigenvalues, sorted, equal the dense oracle's Hessian eigenvalues one by one (the rest of the oracle's are zero), and so do the trace and the rank.",
                Minimizers.Recipes(ShapeFamily.Small, MinimizerKind.Gaussian, MinimizerKind.Balanced, MinimizerKind.GaugedBalanced, MinimizerKind.RescaledBalanced),
                Check)
            {
                Regimes =
                [
                    Tagged(DepthOne), Tagged(Rectangular), Tagged(Tied), Tagged(RankDeficient), Tagged(ZeroHessian),
                    new Regime("a zero target with a nonzero Hessian", o => o.Regime.Contains(ZeroTarget, StringComparison.Ordinal) && !o.Regime.Contains(ZeroHessian, StringComparison.Ordinal)),
                ],
            },
        ],
        [
            new Mutant("DroppedFactorTwo", "The nonzero eigenvalues of sum_i B_i^T B_i (x) A_i A_i^T, without the factor 2.",
                f => f with { HessianNonzeroEigenvalues = m => [.. HessianSpectrum.NonzeroEigenvalues(m).Select(e => e / 2)] }),
            new Mutant("BlockDiagonalSpectrum", "The union over i of the nonzero eigenvalues of 2 B_i^T B_i (x) A_i A_i^T: the diagonal blocks of K^T K without the cross terms (same trace).",
                f => f with { HessianNonzeroEigenvalues = BlockDiagonalSpectrum }),
            new Mutant("SumOfSortedTermSpectra", "2 sum_i (eigenvalues of B_i^T B_i (x) A_i A_i^T, sorted): the spectrum of a sum taken as the sum of the sorted spectra (same trace; right only when the terms commute).",
                f => f with { HessianNonzeroEigenvalues = SumOfSortedTermSpectra }),
            new Mutant("DistinctEigenvalues", "The distinct nonzero eigenvalues of 2 S: multiplicities dropped.",
                f => f with { HessianNonzeroEigenvalues = m => Distinct(HessianSpectrum.NonzeroEigenvalues(m)) }),
        ]);

    private const string DepthOne = "depth 1";
    private const string Rectangular = "d_0 != d_L";
    private const string Tied = "tied singular values";
    private const string RankDeficient = "rank-deficient M";
    private const string ZeroTarget = "M = 0";
    private const string ZeroHessian = "H = 0";

    private static Regime Tagged(string tag) => new(tag, o => o.Regime.Contains(tag, StringComparison.Ordinal));

    private static Outcome Check(MinimizerRecipe recipe, Formulas formulas)
    {
        var minimizer = recipe.Build();
        var dense = Oracle.Dense(minimizer);
        return SpectrumChecks.Compare(formulas.HessianNonzeroEigenvalues(minimizer), dense, RegimeOf(recipe, minimizer, dense));
    }

    /// <summary>The tags of a case, joined: kind, target, and each boundary it sits on.</summary>
    internal static string RegimeOf(MinimizerRecipe recipe, Minimizer minimizer, DenseHessian dense)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(minimizer);
        ArgumentNullException.ThrowIfNull(dense);
        var tags = new List<string> { $"{recipe.Kind}/{recipe.Target}" };
        if (minimizer.Depth == 1)
        {
            tags.Add(DepthOne);
        }

        if (minimizer.Widths[0] != minimizer.Widths[^1])
        {
            tags.Add(Rectangular);
        }

        tags.Add(recipe.Target switch
        {
            TargetKind.TiedTop => Tied,
            TargetKind.RankDeficient => RankDeficient,
            TargetKind.Zero => ZeroTarget,
            _ => "generic M",
        });
        if (dense.Hessian.Enumerate().All(h => h == 0))
        {
            tags.Add(ZeroHessian);
        }

        return string.Join("; ", tags);
    }

    /// <summary>The mutant BlockDiagonalSpectrum: the nonzero eigenvalues of each <c>2 B_i^T B_i (x) A_i A_i^T</c>, pooled.</summary>
    public static IReadOnlyList<double> BlockDiagonalSpectrum(Minimizer minimizer)
    {
        var pooled = TermSpectra(minimizer).SelectMany(t => t).ToArray();
        var top = pooled.DefaultIfEmpty(0).Max();
        return [.. pooled.Where(e => e > 1e-9 * top).OrderDescending()];
    }

    /// <summary>The mutant SumOfSortedTermSpectra: <c>2 sum_i</c> of the sorted spectra of <c>B_i^T B_i (x) A_i A_i^T</c>, nonzero ones.</summary>
    public static IReadOnlyList<double> SumOfSortedTermSpectra(Minimizer minimizer)
    {
        var terms = TermSpectra(minimizer);
        var sum = Enumerable.Range(0, terms[0].Count).Select(j => terms.Sum(t => t[j])).ToArray();
        var top = sum.DefaultIfEmpty(0).Max();
        return [.. sum.Where(e => e > 1e-9 * top).OrderDescending()];
    }

    private static IReadOnlyList<double> Distinct(IReadOnlyList<double> values) =>
        [.. values.Where((e, i) => i == 0 || Math.Abs(e - values[i - 1]) > 1e-9 * values[0])];

    // 2 eig(B_i^T B_i (x) A_i A_i^T) = 2 eig(B_i^T B_i) eig(A_i A_i^T) products, each term sorted descending.
    private static List<IReadOnlyList<double>> TermSpectra(Minimizer minimizer)
    {
        ArgumentNullException.ThrowIfNull(minimizer);
        var terms = new List<IReadOnlyList<double>>();
        for (var i = 1; i <= minimizer.Depth; i++)
        {
            var left = Gram(minimizer.LeftProduct(i) * minimizer.LeftProduct(i).Transpose());
            var right = Gram(minimizer.RightProduct(i).Transpose() * minimizer.RightProduct(i));
            terms.Add([.. (from a in left from b in right select 2 * a * b).OrderDescending()]);
        }

        return terms;
    }

    private static double[] Gram(Matrix<double> gram) => [.. gram.Evd(Symmetricity.Symmetric).EigenValues.Select(e => Math.Max(0, e.Real))];
}

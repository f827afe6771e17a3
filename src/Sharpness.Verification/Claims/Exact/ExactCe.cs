// EXACT-CE: M = diag(11, 2, 1), L = diag(sqrt 11, 2/3, 1), R = diag(sqrt 11, 3, 1) is flat (lambda_max = 44) but not
// balanced, and so is every other spectral-norm balanced split of the same M except the balanced one.
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Sharpness.Theory;
using Sharpness.Theory.Constructions;
using Sharpness.Theory.Exact;
using Sharpness.Verification.Generators;

namespace Sharpness.Verification.Claims.Exact;

/// <summary>
/// A member of the spectral-norm balanced family of <c>diag(11, 2, 1)</c>: log-positions of the splits of the
/// singular values 2 and 1 (0.5 is the balanced split), and whether the hidden basis is random.
/// </summary>
public sealed record CounterexampleFamilyCase(double Position2, double Position3, bool RandomBasis, int Seed, bool IsPaperPoint = false) : IHasDepth
{
    /// <summary>Depth 2: <c>M = L R^T</c>.</summary>
    public int Depth => 2;

    /// <summary>The paper's own point <c>L = diag(sqrt 11, 2/3, 1)</c>, <c>R = diag(sqrt 11, 3, 1)</c>.</summary>
    public static CounterexampleFamilyCase Paper { get; } = new(double.NaN, double.NaN, false, 0, IsPaperPoint: true);

    /// <summary>The minimizer this case describes.</summary>
    public Minimizer Build() => IsPaperPoint
        ? Section6Counterexample.Minimizer()
        : SpectralBalanced.DepthTwo(Section6Counterexample.Target(), 3, [Position2, Position3], RandomBasis ? new Random(Seed) : null);

    /// <summary>True at the balanced split (both positions 0.5): <c>S_L = S_R = S^(1/2)</c>.</summary>
    public bool IsBalancedSplit => Position2 == 0.5 && Position3 == 0.5;

    /// <inheritdoc />
    public override string ToString() => IsPaperPoint ? "the paper's L = diag(sqrt 11, 2/3, 1), R = diag(sqrt 11, 3, 1)" : string.Create(CultureInfo.InvariantCulture, $"diag(11,2,1) split at ({Position2:R}, {Position3:R}), basis {(RandomBasis ? $"random seed {Seed}" : "identity")}");
}

/// <summary>EXACT Section 6, eq. 37.</summary>
public static class ExactCe
{
    /// <summary>The claim, its properties and mutants.</summary>
    public static Claim Claim { get; } = new(
        "EXACT-CE",
        "EXACT Section 6, eq. 37",
        "M = diag(11, 2, 1), L = diag(sqrt 11, 2/3, 1), R = diag(sqrt 11, 3, 1) is a minimizer with lambda_max = 44 = 4 smax(M) (flat), yet LL^T != RR^T and ||L||_F != ||R||_F.",
        Expectation.Holds,
        "Reproduced: lambda_max = 44, LL^T != RR^T, ||L||_F^2 = 112/9 vs ||R||_F^2 = 21; every spectral-norm balanced split but the balanced one is flat and unbalanced.",
        [
            new ClaimProperty<CounterexampleFamilyCase>(
                "FlatButUnbalancedFamily",
                "Every spectral-norm balanced minimizer of diag(11, 2, 1) has lambda_max 44 (formula and oracle) and is balanced only at the balanced split; the paper's point is not Frobenius-balanced either.",
                FamilyCases(),
                Check)
            {
                Regimes = [Regime.Labelled(PaperPoint, PaperPoint), Regime.Labelled(BalancedSplit, BalancedSplit), Regime.Labelled(UnbalancedSplit, UnbalancedSplit)],
            },
        ],
        [
            new Mutant("FrobeniusInsteadOfSpectral", "Corollary 6 with Frobenius norms: 2 (||L||_F^2 + ||R||_F^2).",
                f => f with { Corollary6LambdaMax = m => 2 * (Math.Pow(m.Layer(2).FrobeniusNorm(), 2) + Math.Pow(m.Layer(1).FrobeniusNorm(), 2)) }),
            new Mutant("DroppedFactorTwo", "Corollary 6 without the factor 2: 22 instead of 44.",
                f => f with { Corollary6LambdaMax = m => Corollary6.LambdaMax(m) / 2 }),
        ]);

    /// <summary>Family members: each position is exactly 0.5 (the balanced split) a quarter of the time, uniform otherwise.</summary>
    public static Arbitrary<CounterexampleFamilyCase> FamilyCases()
    {
        var position = Gen.Frequency((1, Gen.Constant(0.5)), (3, Gen.Choose(0, 1_000_000).Select(i => i / 1e6)));
        var gen =
            from p2 in position
            from p3 in position
            from randomBasis in Gen.Elements(false, true)
            from seed in Gen.Choose(0, int.MaxValue)
            select new CounterexampleFamilyCase(p2, p3, randomBasis, seed);
        return Arb.From(Gen.Frequency((1, Gen.Constant(CounterexampleFamilyCase.Paper)), (9, gen)));
    }

    private const string PaperPoint = "the paper's point";
    private const string BalancedSplit = "balanced split";
    private const string UnbalancedSplit = "unbalanced split";

    private static Outcome Check(CounterexampleFamilyCase @case, Formulas formulas)
    {
        var minimizer = @case.Build();
        var dense = Oracle.Dense(minimizer);
        var balanced = Balancedness.IsBalanced(minimizer.Point);
        var frobeniusBalanced = HessianTrace.IsFrobeniusBalanced(minimizer);
        var regime = @case.IsPaperPoint ? PaperPoint : @case.IsBalancedSplit ? BalancedSplit : UnbalancedSplit;
        return Outcome.All(
            Outcome.Compare("oracle lambda_max vs 44", dense.LambdaMax, Section6Counterexample.PublishedLambdaMax, dense.Scale, Tolerance.DenseOracle, regime),
            Outcome.Compare("Corollary 6 vs 44", formulas.Corollary6LambdaMax(minimizer), Section6Counterexample.PublishedLambdaMax, dense.Scale, Tolerance.DenseOracle, regime),
            Outcome.Check(balanced == @case.IsBalancedSplit, regime, $"balanced: {balanced}, balanced split: {@case.IsBalancedSplit}"),
            Outcome.Check(!@case.IsPaperPoint || !frobeniusBalanced, regime, $"the paper's point is not Frobenius-balanced: {!frobeniusBalanced}"));
    }
}

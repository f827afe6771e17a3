// REG-R4/printed: REG Remark 4 (l. 200-202) as printed: "when the regularization parameter lambda = 0, we have that
// lambda_i = 0 for all i in {2, ..., L}. Furthermore, observe that w^L = |m|, which implies lambda_max = 2 L
// smax(m)^(2(1 - 1/L))". CLAIMS.md words it as the limit lambda -> 0 of the regularized lambda_max; at lambda = 0 itself
// the minimizers are every factorization of m, balanced or not, and the shared magnitude w of Theorem 3 no longer exists.
using FsCheck;
using FsCheck.Fluent;
using Sharpness.Theory;
using Sharpness.Theory.Regularized;
using Sharpness.Verification.Claims.Reg;
using Sharpness.Verification.Generators;

namespace Sharpness.Verification.Claims.Printed;

/// <summary>
/// An unregularized scalar minimizer <c>w_L ... w_1 = m</c>: balanced (<c>|w_i| = |m|^(1/L)</c>, any signs) or unbalanced
/// (magnitudes <c>e^g</c>, g standard normal, the last layer closing the product; at <c>m = 0</c> one random layer zero).
/// </summary>
/// <param name="M">The target m.</param>
/// <param name="Depth">L.</param>
/// <param name="Balanced">Whether every |w_i| is |m|^(1/L).</param>
/// <param name="Seed">Seed of magnitudes and signs.</param>
public sealed record UnregularizedScalarCase(double M, int Depth, bool Balanced, int Seed) : IHasDepth
{
    /// <summary>The layers w_1, ..., w_L.</summary>
    public IReadOnlyList<double> Layers()
    {
        var random = new Random(Seed);
        if (Balanced)
        {
            return RegularizedScalarMinimizer.Layers(M, Depth, random.Next(256));
        }

        var w = Enumerable.Range(0, Depth).Select(_ => (random.Next(2) == 0 ? -1 : 1) * Math.Exp(new MathNet.Numerics.Distributions.Normal(0, 1, random).Sample())).ToArray();
        if (M == 0)
        {
            w[random.Next(Depth)] = 0;
        }
        else
        {
            w[^1] = M / w[..^1].Aggregate(1.0, (p, x) => p * x);
        }

        return w;
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"m = {M:R}, L = {Depth}, {(Balanced ? "balanced" : "unbalanced")}, seed {Seed}: w = ({string.Join(", ", Layers().Select(x => x.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)))})");

    /// <summary>m = 0 one case in eight, else |m| from 1e-2 to 1e2 of either sign; depth 2 to 5; balanced one case in three.</summary>
    public static Arbitrary<UnregularizedScalarCase> Cases()
    {
        var m = Gen.Frequency(
            (1, Gen.Constant(0.0)),
            (7, from sign in Gen.Elements(-1.0, 1.0) from e in Gen.Choose(-2000, 2000) select sign * Math.Pow(10, e / 1000.0)));
        var gen =
            from target in m
            from depth in Gen.Choose(2, 5)
            from balanced in Gen.Frequency((1, Gen.Constant(true)), (2, Gen.Constant(false)))
            from seed in Gen.Choose(0, 1_000_000)
            select new UnregularizedScalarCase(target, depth, balanced, seed);
        return Arb.From(gen, Shrink);
    }

    private static IEnumerable<UnregularizedScalarCase> Shrink(UnregularizedScalarCase c)
    {
        if (c.Depth > 2)
        {
            yield return c with { Depth = c.Depth - 1 };
        }

        if (c.M != 0 && Math.Abs(c.M) != 1)
        {
            yield return c with { M = Math.Sign(c.M) };
        }
    }
}

/// <summary>REG Remark 4 (l. 200-202), read at lambda = 0 as printed.</summary>
public static class RegR4Printed
{
    /// <summary>The claim, its properties and mutants.</summary>
    public static Claim Claim { get; } = new(
        "REG-R4/printed",
        "REG Remark 4, l. 200-202 (at lambda = 0, as printed)",
        "Scalar case, lambda = 0: at a minimizer the Hessian has L - 1 zero eigenvalues and lambda_max = 2 L |m|^(2(1 - 1/L)) (eq. 39).",
        Expectation.FailsOnPartOfDomain,
        "The L - 1 zero eigenvalues hold at every minimizer; eq. 39 holds at the balanced (flat) minimizers and fails at every unbalanced one with m != 0, where lambda_max = 2 sum_k prod_(i != k) w_i^2 is larger (AM-GM). Smallest case: L = 2, m = 1, w = (2, 1/2): lambda_max = 8.5, eq. 39 gives 4. Corrected statement: at lambda = 0, eq. 39 is the lambda_max of the flat minimizers (EXACT-MM), and the limit lambda -> 0 of REG-T3's lambda_max (REG-R4).",
        [
            new ClaimProperty<UnregularizedScalarCase>(
                "Eq39OnlyAtBalancedMinimizers",
                "Counterexample: at unregularized scalar minimizers the oracle Hessian has at least L - 1 zero eigenvalues and lambda_max at least eq. 39; for m != 0 it equals eq. 39 exactly at the balanced ones, and the unbalanced ones exhibit the failure.",
                UnregularizedScalarCase.Cases(),
                Check)
            {
                Role = PropertyRole.ExhibitsCounterexample,
                Regimes = [Regime.Labelled("balanced", BalancedRegime), Regime.Labelled("unbalanced", UnbalancedRegime)],
                Exhibiting = Regime.Labelled("unbalanced", UnbalancedRegime),
            },
        ],
        [
            new Mutant("MissingDepthFactor", "2 |m|^(2(1 - 1/L)) without the factor L.",
                f => f with { UnregularizedScalarLambdaMax = (m, l) => 2 * Math.Pow(Math.Abs(m), 2 * (1 - (1.0 / l))) }),
            new Mutant("ExponentTwoOverL", "2 L |m|^(2/L) in place of 2 L |m|^(2(1 - 1/L)).",
                f => f with { UnregularizedScalarLambdaMax = (m, l) => 2 * l * Math.Pow(Math.Abs(m), 2.0 / l) }),
        ]);

    private const string BalancedRegime = "balanced";
    private const string UnbalancedRegime = "unbalanced, eq. 39 fails";

    private static Outcome Check(UnregularizedScalarCase c, Formulas formulas)
    {
        var w = c.Layers();
        var dense = RegularizedScalarOracle.Dense(c.M, 0, w);
        var bound = Tolerance.DenseOracle.Bound(dense.Scale);
        var zeros = dense.Eigenvalues.Count(e => Math.Abs(e) <= bound);
        var printed = formulas.UnregularizedScalarLambdaMax(c.M, c.Depth);
        var equal = Math.Abs(dense.LambdaMax - printed) <= bound;
        var regime = c.M == 0 ? "m = 0" : c.Balanced ? BalancedRegime : UnbalancedRegime;
        var evidence = $"oracle eigenvalues {string.Join(", ", dense.Eigenvalues.Select(e => e.ToString("G8", System.Globalization.CultureInfo.InvariantCulture)))}; eq. 39 gives {printed:G10}";
        return Outcome.All(
            Outcome.Check(zeros >= c.Depth - 1, regime, $"at least L - 1 zero eigenvalues: {evidence}"),
            Outcome.Check(dense.LambdaMax >= printed - bound, regime, $"lambda_max at least eq. 39 (eq. 35): {evidence}"),
            Outcome.Check(c.M == 0 || equal == c.Balanced, regime, $"lambda_max equals eq. 39 iff balanced: {evidence}"));
    }
}

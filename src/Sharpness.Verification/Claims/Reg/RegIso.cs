// REG-ISO: with regularization the Hessian at minimizers is full rank, so scalar minimizers are isolated (REG Section 3).
using Sharpness.Theory;
using Sharpness.Theory.Regularized;
using Sharpness.Verification.Generators;

namespace Sharpness.Verification.Claims.Reg;

/// <summary>REG Section 3 (Discussion).</summary>
public static class RegIso
{
    /// <summary>The claim, its properties and mutants.</summary>
    public static Claim Claim { get; } = new(
        "REG-ISO",
        "REG Section 3",
        "With regularization the Hessian at minimizers is full rank, so scalar minimizers are isolated.",
        Expectation.FailsOnPartOfDomain,
        "Full rank everywhere except L = 2, lambda = 2|m| (m != 0): the minimizer w = 0 has Hessian [[lambda, -2m], [-2m, lambda]] with eigenvalue 0. It is still isolated (the loss grows as t^4 along the null direction), so isolation holds while 'full rank' does not. Smallest case: m = 1, lambda = 2, L = 2.",
        [
            new ClaimProperty<ScalarRegularizedCase>(
                "HessianNonsingularIffPredicateSaysSo",
                "At every minimizer the oracle Hessian is singular exactly where the theory says (L = 2, lambda = 2|m|), and every minimizer is isolated: the loss rises along every eigenvector.",
                ScalarRegularizedCase.All(),
                Check)
            {
                // An iff: both sides must be checked; the singular side (L = 2, lambda = 2|m|) is the counterexample to "full rank".
                Role = PropertyRole.ExhibitsCounterexample,
                Regimes = [Regime.Labelled("singular", Singular), new Regime("full rank", o => o.Regime != Singular)],
                Exhibiting = Regime.Labelled("singular", Singular),
            },
        ],
        [
            new Mutant("AlwaysFullRank", "The Hessian is full rank at every minimizer (the published statement).",
                f => f with { RegularizedHessianSingular = (_, _, _) => false }),
        ]);

    private const string Singular = "L = 2, lambda = 2|m| (singular)";

    private static Outcome Check(ScalarRegularizedCase c, Formulas formulas)
    {
        var outcomes = new List<Outcome>();
        foreach (var rho in ScalarEndToEnd.GlobalMinimizers(c.M, c.Lambda, c.Depth))
        {
            var w = RegularizedScalarMinimizer.Layers(rho, c.Depth, c.SignPattern);
            var dense = RegularizedScalarOracle.Dense(c.M, c.Lambda, w);
            var singular = Math.Abs(dense.Eigenvalues[0]) <= Tolerance.DenseOracle.Bound(dense.Scale);
            var predicted = formulas.RegularizedHessianSingular(c.M, c.Lambda, c.Depth);
            var regime = predicted ? Singular : c.Regime;
            outcomes.Add(Outcome.Check(singular == predicted, regime, $"smallest oracle eigenvalue {dense.Eigenvalues[0]:G6} (singular: {singular}); predicted singular: {predicted}"));
            outcomes.Add(Outcome.Check(IsIsolated(c, w, dense), regime, "the loss rises along every Hessian eigenvector"));
        }

        return Outcome.All([.. outcomes]);
    }

    // Isolation along each eigenvector v: L(w + t v) > L(w) for t = +-1e-2 (scale of w). Quadratic growth where the
    // eigenvalue is positive, quartic along the null direction at the L = 2 threshold. The scale of w is |w| or, at the
    // collapsed w = 0, the problem's length ValueScale^(1/2L); the former (|m| + lambda)^(1/2L) mixed a loss and a length,
    // so at m = -1e30, L = 2, lambda = 3.43 lambda_c it gave t = 1.7e5 against a length of 1e15: the rise lambda t^2 / 2 =
    // 1e41 was below the rounding of the loss m^2 = 1e60, and isolation looked violated.
    private static bool IsIsolated(ScalarRegularizedCase c, IReadOnlyList<double> w, DenseHessian dense)
    {
        var landscape = RegularizedScalarOracle.Landscape(c.M, c.Lambda, w);
        var f0 = landscape.Loss();
        var t = 1e-2 * Math.Max(Math.Abs(w[0]), Math.Pow(RegularizedScalarOracle.ValueScale(c.M, c.Lambda, c.Depth), 0.5 / c.Depth));
        return Enumerable.Range(0, w.Count).All(k => new[] { -t, t }.All(s =>
            landscape.Loss([.. w.Select((x, i) => x + (s * dense.Eigenvectors[i, k]))]) > f0));
    }
}

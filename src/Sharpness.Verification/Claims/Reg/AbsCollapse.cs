// ABS-COLLAPSE: above a critical lambda the end-to-end minimizer collapses to zero. The suite derives
// lambda_c(m, L) (Sharpness.Theory.Regularized.CriticalLambda) and checks it, and the end-to-end solver, against a grid.
using Sharpness.Theory;
using Sharpness.Theory.Regularized;
using Sharpness.Verification.Generators;

namespace Sharpness.Verification.Claims.Reg;

/// <summary>ABS (abstract): the collapse threshold, with REG eq. 6 and 10 for the end-to-end problem.</summary>
public static class AbsCollapse
{
    /// <summary>Grid points on <c>[-1.25 |m|, 1.25 |m|]</c> before refinement (every global minimizer lies in <c>[-|m|, |m|]</c>).</summary>
    private const int GridPoints = 4001;

    /// <summary>The claim, its properties and mutants.</summary>
    public static Claim Claim { get; } = new(
        "ABS-COLLAPSE",
        "ABS (abstract); REG eq. 6, 10",
        "There is a critical lambda above which the end-to-end minimizer collapses to zero.",
        Expectation.Holds,
        "Holds with lambda_c = L/(L-1) ((L-2)/(L-1))^(1-2/L) |m|^(2(1-1/L)) (2|m| for L = 2); at lambda = lambda_c, L >= 3, 0 and (L-2)/(L-1) m are both global minimizers.",
        [
            new ClaimProperty<ScalarRegularizedCase>(
                "SolverAndThresholdMatchGridSearch",
                "The end-to-end solver's minimizers attain the grid-refined minimum of (m - rho)^2 + lambda |rho|^(2/L), have the sign of m, and are zero iff lambda >= lambda_c.",
                ScalarRegularizedCase.All(),
                Check)
            {
                // "Zero iff lambda >= lambda_c": both sides, and the threshold itself, must be checked.
                Regimes = [Regime.Labelled("lambda < lambda_c", "lambda < lambda_c"), Regime.Labelled("lambda = lambda_c", "lambda = lambda_c"), Regime.Labelled("lambda > lambda_c", "lambda > lambda_c")],
            },
        ],
        [
            new Mutant("SoftThresholdAtEveryDepth", "lambda_c = 2 |m|^(2 (1 - 1/L)): the depth-2 threshold carried to every depth.",
                f => f with { CriticalLambda = (m, l) => 2 * Math.Pow(Math.Abs(m), 2 * (1 - (1.0 / l))) }),
            new Mutant("IgnoresTheTie", "Reports a unique minimizer at lambda = lambda_c, dropping 0 (the published 'unique' read as everywhere).",
                f => f with { EndToEndMinimizers = (m, lambda, l) => [.. ScalarEndToEnd.GlobalMinimizers(m, lambda, l).TakeLast(1)] }),
        ]);

    private static Outcome Check(ScalarRegularizedCase c, Formulas formulas)
    {
        double G(double rho) => ScalarEndToEnd.Objective(c.M, c.Lambda, c.Depth, rho);
        // The grid spans the minimizers' range |rho| <= |m| (at m = 0, the problem's own size sqrt(ValueScale)): a fixed
        // floor of 1 would leave a target of 1e-30 between two grid points.
        var scale = RegularizedScalarOracle.ValueScale(c.M, c.Lambda, c.Depth);
        var best = GridMinimum(G, c.M != 0 ? Math.Abs(c.M) : Math.Sqrt(scale));
        var found = formulas.EndToEndMinimizers(c.M, c.Lambda, c.Depth);
        var outcomes = found.Select(rho => Outcome.Compare($"g({rho:R}) vs grid minimum", G(rho), best, scale, Tolerance.GridSearch, c.Regime)).ToList();
        outcomes.Add(Outcome.Check(found.All(rho => rho == 0 || Math.Sign(rho) == Math.Sign(c.M)), c.Regime, "every minimizer has the sign of m (REG eq. 10)"));
        if (c.M != 0)
        {
            var threshold = formulas.CriticalLambda(c.M, c.Depth);
            var collapsed = found.Contains(0.0);
            outcomes.Add(Outcome.Check(collapsed == (c.Lambda >= threshold), c.Regime, $"0 is a minimizer: {collapsed}; lambda {c.Lambda:R} vs threshold {threshold:R}"));
        }

        return Outcome.All([.. outcomes]);
    }

    // The least value of g on a grid over [-1.25 a, 1.25 a] (0 included), refined by golden section around the
    // best grid point. g is smooth away from 0 and has one minimum per grid cell there, so this is the global
    // minimum to the grid search's own precision.
    private static double GridMinimum(Func<double, double> g, double a)
    {
        var step = 2.5 * a / (GridPoints - 1);
        var bestX = 0.0;
        var best = g(0);
        for (var i = 0; i < GridPoints; i++)
        {
            var x = (-1.25 * a) + (i * step);
            if (g(x) < best)
            {
                (best, bestX) = (g(x), x);
            }
        }

        double low = bestX - step, high = bestX + step;
        var ratio = (Math.Sqrt(5) - 1) / 2;
        for (var i = 0; i < 200; i++)
        {
            var x1 = high - (ratio * (high - low));
            var x2 = low + (ratio * (high - low));
            if (g(x1) <= g(x2))
            {
                high = x2;
            }
            else
            {
                low = x1;
            }
        }

        return Math.Min(best, g((low + high) / 2));
    }
}

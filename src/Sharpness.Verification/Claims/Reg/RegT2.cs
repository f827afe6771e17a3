// REG-T2: in the scalar case the data term D and the regularizer R take the same value at every minimizer
// (REG Theorem 2); the end-to-end value minimizes eq. 6 and has the sign of m (eq. 10).
using Sharpness.Oracles;
using Sharpness.Theory;
using Sharpness.Theory.Regularized;
using Sharpness.Verification.Generators;

namespace Sharpness.Verification.Claims.Reg;

/// <summary>REG Theorem 2, eq. 5, 6, 10.</summary>
public static class RegT2
{
    /// <summary>The claim, its properties and mutants.</summary>
    public static Claim Claim { get; } = new(
        "REG-T2",
        "REG Theorem 2, eq. 5-10",
        "Scalar case: D and R take the same value at every minimizer; rho = w_L...w_1 minimizes (m - rho)^2 + lambda |rho|^(2/L) and has the sign of m.",
        Expectation.FailsOnPartOfDomain,
        "Holds except at lambda = lambda_c for L >= 3, where eq. 6 has two global minimizers (the proof's uniqueness step fails: eq. 10 does not exclude rho = 0). Smallest case: L = 3, m = 2, lambda = 3: rho = 0 gives D = 4, R = 0; rho = 1 gives D = 1, R = 3.",
        [
            new ClaimProperty<ScalarRegularizedCase>(
                "DataAndRegularizerConstant_OffTheThreshold",
                "Off lambda = lambda_c (or for L = 2), every minimizer (all sign patterns) is stationary by the oracle and has the same D and R.",
                FsCheck.Fluent.Arb.Filter(ScalarRegularizedCase.All(), c => c.LambdaFactor != 1 || c.Depth == 2 || c.M == 0),
                (c, f) => Check(c, f, expectConstant: true))
            {
                Regimes = [.. new[] { "lambda < lambda_c", "lambda > lambda_c", "m = 0" }.Select(r => Regime.Labelled(r, r))],
            },
            new ClaimProperty<ScalarRegularizedCase>(
                "DataAndRegularizerDiffer_AtTheThreshold",
                "Counterexample: at lambda = lambda_c with L >= 3 and m != 0 there are two minimizers, both stationary and of equal loss, with different D and R.",
                FsCheck.Fluent.Arb.Filter(ScalarRegularizedCase.All(), c => c.LambdaFactor == 1 && c.Depth >= 3 && c.M != 0),
                (c, f) => Check(c, f, expectConstant: false))
            {
                Role = PropertyRole.ExhibitsCounterexample,
            },
            new ClaimProperty<ScalarRegularizedCase>(
                "MinimumMatchesDescentFromRandomStarts",
                "Gradient descent on the oracle's loss from random starts never goes below the constructed minimum, and from starts near each constructed minimizer returns to its loss (where the minimum is nondegenerate).",
                ScalarRegularizedCase.All(),
                CheckAgainstDescent),
        ],
        [
            new Mutant("CollapseNever", "Returns the nonzero stationary point of eq. 6 even above the threshold (rho = 0 never chosen).",
                f => f with
                {
                    EndToEndMinimizers = (m, lambda, l) => m == 0 || lambda < CriticalLambda.Of(m, l) ? ScalarEndToEnd.GlobalMinimizers(m, lambda, l) : [Math.Sign(m) * Math.Abs(m) * CriticalLambda.TieFraction(l)],
                }),
            new Mutant("IgnoresTheTie", "Reports a unique end-to-end minimizer at lambda = lambda_c, as the proof of Theorem 2 assumes.",
                f => f with { EndToEndMinimizers = (m, lambda, l) => [.. ScalarEndToEnd.GlobalMinimizers(m, lambda, l).TakeLast(1)] }),
            new Mutant("OppositeSign", "rho with the sign opposite to m.",
                f => f with { EndToEndMinimizers = (m, lambda, l) => [.. ScalarEndToEnd.GlobalMinimizers(m, lambda, l).Select(r => -r)] }),
        ]);

    // An optimizer that shares nothing with the constructions: (1) descent from random starts never goes below the
    // constructed minimum (it may stop in a non-global local minimum, e.g. just above lambda_c where the basin of 0
    // is small, so reaching the minimum from random starts is not asserted); (2) descent from a start near each
    // constructed minimizer returns to its loss, i.e. each is a local minimum. (2) is skipped at the degenerate
    // minimum of REG-ISO (L = 2, lambda = 2|m|), where descent converges only like 1/k^2.
    private static Outcome CheckAgainstDescent(ScalarRegularizedCase c, Formulas formulas)
    {
        LossLandscape At(double[] w) => RegularizedScalarOracle.Landscape(c.M, c.Lambda, w);
        var minimizers = formulas.EndToEndMinimizers(c.M, c.Lambda, c.Depth)
            .Select(rho => RegularizedScalarMinimizer.Layers(rho, c.Depth, c.SignPattern)).ToList();
        var scale = RegularizedScalarOracle.ValueScale(c.M, c.Lambda, c.Depth);
        var problem = RegularizedScalarOracle.Scale(c.M, c.Lambda, c.Depth);
        var constructed = minimizers.Min(w => At([.. w]).Loss());
        var descent = RandomStartDescent.BestLoss(At, c.Depth, problem, 4, c.SignPattern);
        var outcomes = new List<Outcome>
        {
            Outcome.Check(descent >= constructed - Tolerance.GridSearch.Bound(scale), c.Regime, $"descent from random starts reached {descent:R}, not below the constructed minimum {constructed:R}"),
        };
        foreach (var w in minimizers)
        {
            var dense = RegularizedScalarOracle.Dense(c.M, c.Lambda, w);
            if (Math.Abs(dense.Eigenvalues[0]) > Tolerance.DenseOracle.Bound(dense.Scale))
            {
                var loss = At([.. w]).Loss();
                var near = RandomStartDescent.LossNear(At, w, problem, 1e-3, c.SignPattern);
                outcomes.Add(Outcome.Compare("loss at a constructed minimizer vs descent from 1e-3 away", loss, near, scale, Tolerance.GridSearch, c.Regime));
            }
        }

        return Outcome.All([.. outcomes]);
    }

    private static Outcome Check(ScalarRegularizedCase c, Formulas formulas, bool expectConstant)
    {
        var points = formulas.EndToEndMinimizers(c.M, c.Lambda, c.Depth)
            .SelectMany(rho => new[] { 0, c.SignPattern }.Select(signs => RegularizedScalarMinimizer.Layers(rho, c.Depth, signs)))
            .ToList();
        // Judged at the problem's own scales (loss values, and loss per length for the gradient), so that (1e-60, 0) and
        // (2.5e-61, 7.5e-61) at m = 1e-30, L = 3, lambda = lambda_c are told apart as they are at m = 1.
        var scale = RegularizedScalarOracle.ValueScale(c.M, c.Lambda, c.Depth);
        var gradientScale = scale / Math.Pow(scale, 0.5 / c.Depth);
        var parts = points.Select(w => (D: Math.Pow(c.M - w.Aggregate(1.0, (p, x) => p * x), 2), R: c.Lambda / c.Depth * w.Sum(x => x * x))).ToList();
        var losses = points.Select(w => RegularizedScalarOracle.Landscape(c.M, c.Lambda, w).Loss()).ToList();
        var gradients = points.Select(w => RegularizedScalarOracle.Landscape(c.M, c.Lambda, w).Gradient().Max(Math.Abs)).ToList();
        var constant = parts.All(p => Tolerance.GridSearch.IsClose(p.D, parts[0].D, scale) && Tolerance.GridSearch.IsClose(p.R, parts[0].R, scale));
        var evidence = $"(D, R) at the minimizers: {string.Join("; ", parts.Select(p => $"({p.D:G10}, {p.R:G10})"))}";
        return Outcome.All(
            Outcome.Check(gradients.All(g => g <= Tolerance.MinimizerResidual.Bound(gradientScale * 10)), c.Regime, $"oracle gradients {string.Join(", ", gradients.Select(g => g.ToString("G3", System.Globalization.CultureInfo.InvariantCulture)))}"),
            Outcome.Check(losses.All(l => Tolerance.GridSearch.IsClose(l, losses.Min(), scale)), c.Regime, "all minimizers have the same loss"),
            Outcome.Check(points.All(w => c.M == 0 || w.Aggregate(1.0, (p, x) => p * x) * c.M >= 0), c.Regime, "rho has the sign of m (eq. 10)"),
            Outcome.Check(constant == expectConstant, c.Regime, $"{(expectConstant ? "constant" : "different")} expected; {evidence}"));
    }
}

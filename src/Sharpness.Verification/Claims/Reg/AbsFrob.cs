// ABS-FROB: off the exceptional set, the Frobenius norm of each layer is the same at every regularized minimizer.
using Sharpness.Theory;
using Sharpness.Verification.Generators;

namespace Sharpness.Verification.Claims.Reg;

/// <summary>ABS (abstract): constant layer norms across minimizers.</summary>
public static class AbsFrob
{
    /// <summary>The claim, its properties and mutants.</summary>
    public static Claim Claim { get; } = new(
        "ABS-FROB",
        "ABS (abstract)",
        "Off the Lebesgue-null exceptional set, the Frobenius norm of each layer is the same at every minimizer.",
        Expectation.Holds,
        "Holds with ||W_i||_F^2 = sum_j rho_j^(2/L), at the constructions and at the minimizers an optimizer finds from random starts; on the exceptional set (some s_j with lambda = lambda_c(s_j, L), L >= 3) the two choices of rho_j give different norms, so the exception is needed.",
        [
            new ClaimProperty<RegularizedMatrixCase>(
                "LayerNormsConstantAcrossMinimizers",
                "Two minimizers with independent hidden bases have every layer of squared Frobenius norm sum_j rho_j^(2/L); on the tie set the nonzero choice changes it.",
                RegularizedMatrixCase.All(),
                Check)
            {
                Regimes = [Regime.Labelled("on the tie set", "on the tie set"), Regime.Labelled("off the tie set", "off the tie set")],
            },
            new ClaimProperty<RegularizedMatrixCase>(
                "OptimizerFoundMinimizersHaveTheLayerNorms",
                "Off the exceptional set, every layer of every minimizer found by descent plus Newton from random starts has squared Frobenius norm sum_j rho_j^(2/L).",
                RegularizedMatrixCase.All(),
                CheckOptimizerFound)
            {
                SharedCases = OptimizerMinimizers.Cases,
            },
        ],
        [
            new Mutant("SquaredEndToEnd", "sum_j rho_j^2: the end-to-end values' squares in place of rho_j^(2/L).",
                f => f with
                {
                    RegularizedLayerFrobeniusSquared = (m, l, lambda, nonzero) =>
                        Math.Pow(Sharpness.Theory.Regularized.RegularizedMatrixMinimizer.LayerFrobeniusSquared(m, l, lambda, nonzero), l),
                }),
        ]);

    private static Outcome Check(RegularizedMatrixCase c, Formulas formulas)
    {
        var target = c.TargetMatrix();
        var first = formulas.RegularizedMatrixMinimizer(target, c.Widths, c.Lambda, new Random(c.Seed), 0);
        var second = formulas.RegularizedMatrixMinimizer(target, c.Widths, c.Lambda, new Random(c.Seed ^ 0x5EED), 0);
        var expected = formulas.RegularizedLayerFrobeniusSquared(target, c.Depth, c.Lambda, false);
        var scale = Math.Max(expected, 1e-300);
        var regime = c.IsOnTheTieSet ? "on the tie set" : "off the tie set";
        var outcomes = first.Layers().Concat(second.Layers())
            .Select((w, i) => Outcome.Compare($"||W_{(i % c.Depth) + 1}||_F^2", w.FrobeniusNorm() * w.FrobeniusNorm(), expected, scale, Tolerance.Flatness, regime))
            .ToList();
        if (c.IsOnTheTieSet)
        {
            var other = formulas.RegularizedMatrixMinimizer(target, c.Widths, c.Lambda, new Random(c.Seed), 1).Layer(1);
            var otherNorm = other.FrobeniusNorm() * other.FrobeniusNorm();
            outcomes.Add(Outcome.Check(!Tolerance.Flatness.IsClose(otherNorm, expected, Math.Max(otherNorm, scale)), regime, $"on the tie the nonzero choice gives {otherNorm:G10}, not {expected:G10}"));
        }

        return Outcome.All([.. outcomes]);
    }

    private static Outcome CheckOptimizerFound(RegularizedMatrixCase c, Formulas formulas)
    {
        // At a collapsed minimizer (expected 0) a relative comparison means nothing, and an optimizer's endpoint stops at a
        // tiny nonzero norm (around 1e-13 where the Hessian is singular, REG-ISO): judge it at the squared norm of a
        // balanced layer of a problem that size, ValueScale^(1/L) (homogeneous like the squared norms; the former
        // (||M||_F^2 + lambda)^(1/L) was not).
        var target = c.TargetMatrix();
        var expected = formulas.RegularizedLayerFrobeniusSquared(target, c.Depth, c.Lambda, false);
        var scale = expected > 0 ? expected : Math.Pow(Sharpness.Theory.Regularized.RegularizedMinimum.ValueScale(target, c.Depth, c.Lambda), 1.0 / c.Depth);
        return OptimizerMinimizers.AtEach(
            c,
            formulas,
            (layers, regime) => Outcome.All([.. layers.Select((w, i) =>
                Outcome.Compare($"optimizer-found ||W_{i + 1}||_F^2", w.FrobeniusNorm() * w.FrobeniusNorm(), expected, scale, Tolerance.Flatness, regime))]),
            offExceptionalSetOnly: true);
    }
}

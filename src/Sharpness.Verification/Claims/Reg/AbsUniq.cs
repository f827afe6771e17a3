// ABS-UNIQ: the regularized end-to-end minimizer is unique except on a Lebesgue-null set of targets.
using Sharpness.Theory;
using Sharpness.Verification.Generators;

namespace Sharpness.Verification.Claims.Reg;

/// <summary>ABS (abstract): uniqueness of the end-to-end minimizer.</summary>
public static class AbsUniq
{
    /// <summary>The claim, its properties and mutants.</summary>
    public static Claim Claim { get; } = new(
        "ABS-UNIQ",
        "ABS (abstract)",
        "Regularized matrix case: the end-to-end minimizer is unique for all targets except a Lebesgue-null set determined by depth and lambda.",
        Expectation.Holds,
        "Holds with the exceptional set {M : some singular value s_j > 0 has lambda = lambda_c(s_j, L)}, L >= 3 (empty for L = 2); off it every minimizer an optimizer finds from random starts has the constructed product; on it the two choices of rho_j give two end-to-end minimizers of equal loss.",
        [
            new ClaimProperty<RegularizedMatrixCase>(
                "EndToEndUniqueIffOffExceptionalSet",
                "Minimizers built with different hidden bases and tie choices have the same product off the exceptional set, and two different products of equal oracle loss on it.",
                RegularizedMatrixCase.All(),
                Check)
            {
                Regimes = [Regime.Labelled("on the exceptional set", "on the exceptional set"), Regime.Labelled("off the exceptional set", "off the exceptional set")],
            },
            new ClaimProperty<RegularizedMatrixCase>(
                "OptimizerFoundMinimizersShareTheProduct",
                "Off the exceptional set, every minimizer found by descent plus Newton from random starts has the constructed end-to-end product.",
                RegularizedMatrixCase.All(),
                CheckOptimizerFound)
            {
                SharedCases = OptimizerMinimizers.Cases,
            },
        ],
        [
            new Mutant("AlwaysUnique", "No exceptional set: the end-to-end minimizer is always unique.",
                f => f with { IsOnExceptionalSet = (_, _, _) => false }),
        ]);

    private static Outcome Check(RegularizedMatrixCase c, Formulas formulas)
    {
        var target = c.TargetMatrix();
        var exceptional = formulas.IsOnExceptionalSet(target, c.Depth, c.Lambda);
        var zero = formulas.RegularizedMatrixMinimizer(target, c.Widths, c.Lambda, new Random(c.Seed), 0);
        var nonzero = formulas.RegularizedMatrixMinimizer(target, c.Widths, c.Lambda, new Random(c.Seed ^ 0x5EED), -1);
        var difference = (zero.Product() - nonzero.Product()).FrobeniusNorm();
        var scale = target.FrobeniusNorm() + zero.ResidualScale;
        var same = Tolerance.Flatness.IsClose(difference, 0, scale);
        var lossZero = new Sharpness.Oracles.LossLandscape(zero.Layers(), target, c.Lambda).Loss();
        var lossNonzero = new Sharpness.Oracles.LossLandscape(nonzero.Layers(), target, c.Lambda).Loss();
        var regime = c.IsOnTheTieSet ? "on the exceptional set" : "off the exceptional set";
        return Outcome.All(
            Outcome.Check(same == !exceptional, regime, $"products differ by {difference:G3} (scale {scale:G3}); predicted exceptional: {exceptional}"),
            Outcome.Compare("oracle loss of the two minimizers", lossNonzero, lossZero, Sharpness.Theory.Regularized.RegularizedMinimum.ValueScale(target, c.Depth, c.Lambda), Tolerance.GridSearch, regime));
    }

    private static Outcome CheckOptimizerFound(RegularizedMatrixCase c, Formulas formulas)
    {
        var target = c.TargetMatrix();
        var construction = formulas.RegularizedMatrixMinimizer(target, c.Widths, c.Lambda, new Random(c.Seed), 0);
        var scale = target.FrobeniusNorm() + construction.ResidualScale;
        return OptimizerMinimizers.AtEach(
            c,
            formulas,
            (layers, regime) =>
            {
                var product = layers.Skip(1).Aggregate(layers[0], (p, w) => w * p);
                var difference = (product - construction.Product()).FrobeniusNorm();
                return Outcome.Compare("optimizer-found product vs construction", difference, 0, scale, Tolerance.Flatness, regime);
            },
            offExceptionalSetOnly: true);
    }
}

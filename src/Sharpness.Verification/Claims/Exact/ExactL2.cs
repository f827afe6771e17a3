// EXACT-L2: D^2_U f(X) = d^2/dt^2 f(X + tU) (Lemma 2), and lambda_max is its maximum over unit directions (eq. 13).
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Theory;
using Sharpness.Verification.Generators;

namespace Sharpness.Verification.Claims.Exact;

/// <summary>EXACT Lemma 2 and eq. 13.</summary>
public static class ExactL2
{
    /// <summary>The claim, its properties and mutants.</summary>
    public static Claim Claim { get; } = new(
        "EXACT-L2",
        "EXACT Lemma 2, eq. 13",
        "D^2_U f(X) = d^2/dt^2 f(X + tU) at t = 0, and lambda_max is its max over unit directions.",
        Expectation.Holds,
        "Holds at every point tried, minimizers and non-minimizers alike.",
        [
            new ClaimProperty<MinimizerRecipe>(
                "LineSecondDerivativeMaxIsLambdaMax",
                "At any point, d^2/dt^2 L(w + tU) equals U^T H U; along the top eigenvector it is lambda_max, along a random unit U at most lambda_max.",
                Arb.Filter(Minimizers.Recipes(ShapeFamily.Any, MinimizerKind.Gaussian, MinimizerKind.Balanced, MinimizerKind.GaugedBalanced), r => r.Depth <= 8),
                Check),
        ],
        [
            new Mutant("StencilWithoutTwelve", "Five-point stencil without its 1/12: twelve times the second derivative.",
                f => f with { SecondDerivativeAlongLine = (g, h) => 12 * Sharpness.Theory.Exact.Lemma2.SecondDerivativeAlongLine(g, h) }),
            new Mutant("HalvedThreePoint", "Three-point stencil over 2h^2 (the first-derivative denominator): half the second derivative.",
                f => f with { SecondDerivativeAlongLine = (g, h) => (g(h) - (2 * g(0)) + g(-h)) / (2 * h * h) }),
        ]);

    // The point is the recipe's minimizer with its target moved off the product, so the residual term counts.
    private static Outcome Check(MinimizerRecipe recipe, Formulas formulas)
    {
        var minimizer = recipe.Build();
        var random = new Random(recipe.Seed ^ 0x5EED);
        var target = minimizer.Target + Matrix<double>.Build.Dense(minimizer.Widths[^1], minimizer.Widths[0], (_, _) => random.NextDouble() - 0.5);
        var point = minimizer.Point.WithTarget(target);
        var dense = Oracle.Dense(point);
        var landscape = Oracle.Landscape(point);
        var w = landscape.Parameters();
        var largest = w.Max(Math.Abs);
        var step = 1e-3 * (largest > 0 ? largest : 1); // at w = 0 the loss is a polynomial of unit-scale t
        double AlongLine(IReadOnlyList<double> u) => formulas.SecondDerivativeAlongLine(
            t => landscape.Loss([.. w.Select((x, i) => x + (t * u[i]))]), step);

        var top = AlongLine(dense.TopEigenvector);
        var randomDirection = Directions.RandomUnit(minimizer.Widths, recipe.Seed).ToVector();
        var along = AlongLine(randomDirection);
        var quadratic = QuadraticForm(dense.Hessian, randomDirection);
        // Rounding in the stencil is about eps |f| / h^2, so besides the Hessian's norm the scale includes the
        // loss over the squared parameter scale (the polynomial's own curvature scale): a zero Hessian still has one.
        var scale = Math.Max(dense.Scale, landscape.Loss() / Math.Pow(step / 1e-3, 2));
        var regime = dense.Eigenvalues[0] < -Tolerance.FiniteDifference.Bound(scale) ? "indefinite" : "semidefinite";
        return Outcome.All(
            Outcome.Compare("d2/dt2 along top eigenvector vs lambda_max", top, dense.LambdaMax, scale, Tolerance.FiniteDifference, regime),
            Outcome.Compare("d2/dt2 along random U vs U^T H U", along, quadratic, scale, Tolerance.FiniteDifference, regime),
            Outcome.Check(along <= dense.LambdaMax + Tolerance.FiniteDifference.Bound(scale), regime, $"random direction {along:G6} <= lambda_max {dense.LambdaMax:G6}"));
    }

    private static double QuadraticForm(Matrix<double> h, IReadOnlyList<double> u)
    {
        var v = Vector<double>.Build.DenseOfEnumerable(u);
        return v.DotProduct(h * v);
    }
}

// EXACT-CONTOUR: the contour map p(x, y) = L(w* + x v_1 + y v_N) of Appendix D.1 (eq. 91), with v_1, v_N the Hessian
// eigenvectors of the largest and smallest eigenvalues: along v_1 it curves as lambda_max x^2 / 2, along v_N it is flat to
// second order (lambda_min = 0 at these rank-deficient minimizers), and the two axes do not couple.
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Sharpness.Theory;
using Sharpness.Theory.Exact;
using Sharpness.Verification.Experiments;
using Sharpness.Verification.Generators;

namespace Sharpness.Verification.Claims.Exact;

/// <summary>EXACT Appendix D.1, eq. 91.</summary>
public static class ExactContour
{
    /// <summary>
    /// The probe step <c>h</c> is where the quadratic model <c>(lambda_max / 2) h^2</c> equals <c>1e-10 ||M||_F^2</c>: far enough
    /// out that rounding (about <c>eps ||M||_F / sqrt(p)</c>) stays near 1e-10 relative, close enough that the quartic terms
    /// the symmetric differences leave are about 1e-10 relative too. Measured: at most 3e-10 at the paper's configurations,
    /// 6e-8 over 9000 small random ones (see <see cref="Tolerance.QuadraticModel"/>).
    /// </summary>
    public const double ProbeLoss = 1e-10;

    /// <summary>The seed of the random directions of the <c>RandomProjection</c> mutant.</summary>
    private const int RandomProjectionSeed = 91;

    /// <summary>The claim, its properties and mutants.</summary>
    public static Claim Claim { get; } = new(
        "EXACT-CONTOUR",
        "EXACT Appendix D.1, eq. 91",
        "Contour maps of p(x, y) = L(w* + x v_1 + y v_N), with v_1, v_N the Hessian eigenvectors of the largest and smallest eigenvalues, show GD's trajectories around the minimum.",
        Expectation.Holds,
        "Holds: on (v_1, v_N) the map curves as lambda_max (closed form) along v_1, is flat to second order along v_N, and has no cross term, at every figure's configuration and at small random ones.",
        [
            new ClaimProperty<EscapeConfiguration>(
                "QuadraticAlongTopFlatAlongBottom",
                "Second differences of p at the step where the model is 1e-10 ||M||_F^2: d^2p/dx^2 = lambda_max (closed form), d^2p/dy^2 = 0 and d^2p/dxdy = 0, relative to lambda_max.",
                Arb.From(Gen.Frequency((3, EscapeCases.Small().Generator), (1, EscapeCases.Paper().Generator))),
                QuadraticAlongTopFlatAlongBottom),
        ],
        [
            new Mutant("RandomProjection", "The map on two random directions (the method Appendix D.1 sets aside) instead of v_1 and v_N.",
                f => f with { ContourAxes = m => ContourAxes.Random(m, RandomProjectionSeed) }),
            new Mutant("SwappedAxes", "v_N on the x axis and v_1 on the y axis.",
                f => f with { ContourAxes = m => new ContourAxes(m.BottomEigenvector, m.TopEigenvector) }),
            new Mutant("DroppedFactorTwo", "Every closed form of lambda_max without its factor 2, so the map's predicted curvature along v_1 halves.",
                f => f with
                {
                    Corollary6LambdaMax = m => Corollary6.LambdaMax(m) / 2,
                    Theorem4LambdaMax = m => Theorem4.LambdaMax(m) / 2,
                    Theorem5LambdaMax = m => Theorem5.LambdaMax(m) / 2,
                }),
        ]);

    private static Outcome QuadraticAlongTopFlatAlongBottom(EscapeConfiguration configuration, Formulas formulas)
    {
        var minimum = PaperMinima.OfAny(configuration);
        var lambda = minimum.LambdaMax;
        var h = Math.Sqrt(2 * ProbeLoss * minimum.TargetNormSquared / lambda);
        var axes = formulas.ContourAxes(minimum);
        double[] steps = [-h, 0, h];
        var p = ContourGrid.Of(minimum, axes.Zeta, axes.Gamma, steps, steps);
        var alongX = (p[0, 1] + p[2, 1] - (2 * p[1, 1])) / (h * h);
        var alongY = (p[1, 0] + p[1, 2] - (2 * p[1, 1])) / (h * h);
        var cross = (p[2, 2] - p[2, 0] - p[0, 2] + p[0, 0]) / (4 * h * h);
        var regime = configuration.Id == EscapeCases.RandomId
            ? $"random, {configuration.ClosedForm}"
            : string.Create(CultureInfo.InvariantCulture, $"{configuration.Id} ({minimum.Method})");
        return Outcome.All(
            Outcome.Compare("d^2p/dx^2: closed-form lambda_max", formulas.LambdaMax(configuration.ClosedForm, minimum.Minimizer), alongX, lambda, Tolerance.QuadraticModel, regime),
            Outcome.Compare("d^2p/dy^2: lambda_min = 0", 0, alongY, lambda, Tolerance.QuadraticModel, regime),
            Outcome.Compare("d^2p/dxdy: no cross term", 0, cross, lambda, Tolerance.QuadraticModel, regime));
    }
}

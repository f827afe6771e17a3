using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using Sharpness.Oracles;

namespace Sharpness.Verification.Claims.Reg;

/// <summary>
/// The natural scale of a regularized problem: a length <c>s</c> (of the layers' entries) and a loss scale <c>s^(2L)</c>, both
/// powers of two. The regularized loss is homogeneous: under <c>W_i -&gt; c W_i</c>, <c>M -&gt; c^L M</c>,
/// <c>lambda -&gt; c^(2L-2) lambda</c> it scales by <c>c^(2L)</c>; so in the coordinates <c>u = w / s</c> with the loss divided by
/// <c>s^(2L)</c> every problem is of size 1, and powers of two make the change of coordinates exact.
/// </summary>
/// <param name="Length">The length <c>s</c>, a power of two near <c>ValueScale^(1/(2L))</c>.</param>
/// <param name="Loss">The loss scale <c>s^(2L)</c>.</param>
internal readonly record struct ProblemScale(double Length, double Loss)
{
    /// <summary>The scale of a problem of depth <paramref name="depth"/> whose loss values are of size <paramref name="valueScale"/> (<c>RegularizedMinimum.ValueScale</c>).</summary>
    internal static ProblemScale Of(double valueScale, int depth)
    {
        var exponent = (int)Math.Round(Math.Log2(valueScale) / (2 * depth));
        return new ProblemScale(Math.ScaleB(1.0, exponent), Math.ScaleB(1.0, 2 * depth * exponent));
    }

    /// <summary>The scale of the regularized problem with target <paramref name="target"/>, depth <paramref name="depth"/> and <paramref name="lambda"/>.</summary>
    internal static ProblemScale Of(Matrix<double> target, int depth, double lambda) =>
        Of(Sharpness.Theory.Regularized.RegularizedMinimum.ValueScale(target, depth, lambda), depth);
}

/// <summary>
/// Gradient descent with Armijo backtracking on the oracle's loss and gradient, from seeded random starts: a
/// minimizer search that shares nothing with the theory's constructions or its end-to-end solver. It runs in the
/// coordinates of <see cref="ProblemScale"/> (<c>u = w / s</c>, loss over <c>s^(2L)</c>), so its first step, its step floor and
/// its stopping rules mean the same at <c>m = 1e-100</c> as at <c>m = 1</c>; the points it returns are mapped back exactly.
/// </summary>
internal static class RandomStartDescent
{
    /// <summary>The lowest loss reached from <paramref name="starts"/> random starts in <c>[-2s, 2s]^N</c>, <c>s</c> the problem's
    /// length, by descent and then Newton steps (as <see cref="PolishedEndpoints"/>).</summary>
    internal static double BestLoss(Func<double[], LossLandscape> at, int parameters, ProblemScale scale, int starts, int seed)
    {
        var random = new Random(seed);
        var best = double.PositiveInfinity;
        var problem = new Scaled(at, scale);
        for (var k = 0; k < starts; k++)
        {
            var u = Enumerable.Range(0, parameters).Select(_ => (4 * random.NextDouble()) - 2).ToArray();
            best = Math.Min(best, problem.LossAt(Settle(problem, u)));
        }

        return best;
    }

    // The loss, gradient and Hessian in the coordinates u = w / s, divided by s^(2L): exact, since s is a power of two.
    private sealed class Scaled(Func<double[], LossLandscape> at, ProblemScale scale)
    {
        internal LossLandscape At(double[] u) => at(ToPoint(u));

        internal double[] ToPoint(double[] u) => [.. u.Select(x => x * scale.Length)];

        internal double LossAt(double[] u) => At(u).Loss();

        internal double Loss(LossLandscape landscape) => landscape.Loss() / scale.Loss;

        internal double[] Gradient(LossLandscape landscape) => [.. landscape.Gradient().Select(g => g * scale.Length / scale.Loss)];

        internal Matrix<double> Hessian(LossLandscape landscape) => landscape.DenseHessian() * (scale.Length * scale.Length / scale.Loss);
    }

    /// <summary>
    /// Descent from each of <paramref name="starts"/> random starts, then Newton steps with the oracle's Hessian (the
    /// endpoints, each with its loss). Regularized matrix minimizers are never isolated: orthogonal hidden gauges
    /// <c>W_i -&gt; Q W_i</c>, <c>W_(i+1) -&gt; W_(i+1) Q^T</c> keep both the product and the norms, so the Hessian is
    /// singular along them at a minimizer, and a little negative or positive beside it (of the order of the distance,
    /// seen down to <c>-2e-5 lambda_max</c> after descent). Newton therefore inverts the Hessian only on its positive
    /// eigenvalues (above <c>1e-12 lambda_max(H)</c>, or where that step fails, above <c>1e-6 lambda_max(H)</c>: the
    /// curved directions; the gradient has no component along the gauges, since the loss is constant on each orbit)
    /// and accepts a step only while the gradient shrinks. Near a saddle this can
    /// polish towards the saddle, whose loss is higher: callers keep the endpoints at the global minimum value.
    /// </summary>
    internal static IReadOnlyList<(double[] Point, double Loss)> PolishedEndpoints(Func<double[], LossLandscape> at, int parameters, ProblemScale scale, int starts, int seed)
    {
        var random = new Random(seed);
        var endpoints = new List<(double[], double)>();
        var problem = new Scaled(at, scale);
        for (var k = 0; k < starts; k++)
        {
            var u = Enumerable.Range(0, parameters).Select(_ => (4 * random.NextDouble()) - 2).ToArray();
            var w = problem.ToPoint(Settle(problem, u));
            endpoints.Add((w, at(w).Loss()));
        }

        return endpoints;
    }

    private static double[] Polish(Scaled problem, double[] w)
    {
        for (var newton = 0; newton < 60; newton++)
        {
            var landscape = problem.At(w);
            var spectrum = problem.Hessian(landscape).Evd(Symmetricity.Symmetric);
            var gradient = Vector<double>.Build.DenseOfArray(problem.Gradient(landscape));
            var squared = gradient.DotProduct(gradient);
            double[]? accepted = null;
            foreach (var cutoff in NewtonCutoffs)
            {
                var next = NewtonStep(w, spectrum, gradient, cutoff);
                if (problem.Gradient(problem.At(next)).Sum(g => g * g) < squared)
                {
                    accepted = next;
                    break;
                }
            }

            if (accepted is null)
            {
                break;
            }

            w = accepted;
        }

        return w;
    }

    // Full Newton first: at a degenerate minimizer (REG-ISO's L = 2, lambda = 2|m|, quartic growth) the small curvature
    // 12 c x^2 of a quartic direction must be inverted, and each step then shrinks x by 2/3. Where that step raises
    // the gradient (a tiny gauge eigenvalue inverted), the step on the curved directions alone.
    private static readonly double[] NewtonCutoffs = [1e-12, 1e-6];

    private static double[] NewtonStep(
        double[] w,
        Evd<double> spectrum,
        Vector<double> gradient,
        double cutoff)
    {
        var eigenvalues = spectrum.EigenValues.Select(e => e.Real).ToArray();
        var top = eigenvalues.Max(Math.Abs);
        var step = Vector<double>.Build.Dense(w.Length);
        for (var j = 0; j < eigenvalues.Length; j++)
        {
            if (eigenvalues[j] > cutoff * top)
            {
                var v = spectrum.EigenVectors.Column(j);
                step += v * (v.DotProduct(gradient) / eigenvalues[j]);
            }
        }

        return [.. w.Select((x, i) => x - step[i])];
    }

    /// <summary>The loss descent reaches from <paramref name="point"/> moved by up to <paramref name="radius"/> in each coordinate.</summary>
    /// <summary>
    /// The loss descent reaches from <paramref name="point"/> moved by up to <paramref name="radius"/> times the problem's
    /// length in each coordinate.
    /// </summary>
    internal static double LossNear(Func<double[], LossLandscape> at, IReadOnlyList<double> point, ProblemScale scale, double radius, int seed)
    {
        var random = new Random(seed);
        var problem = new Scaled(at, scale);
        return problem.LossAt(Settle(problem, [.. point.Select(x => (x / scale.Length) + (radius * ((2 * random.NextDouble()) - 1)))]));
    }

    // Descent to a gradient of 1e-6 (in the problem's coordinates, where loss and lengths are of size 1), then Newton steps,
    // which converge quadratically from there. Descent alone converges only linearly along the flat directions beside the
    // gauge orbits: measured on REG-T1's cases, 388 of 600 descents ran all 2000 iterations and stopped at squared gradients
    // of 1e-18 to 1e-15, two thirds of the regularized claims' test time.
    private static double[] Settle(Scaled problem, double[] u) => Polish(problem, DescendToPoint(problem, u));

    // The squared gradient (problem coordinates) at which descent hands over to Newton.
    private const double HandOverSquaredGradient = 1e-12;

    // The step doubles after every accepted step and halves until the Armijo condition holds, so it settles near
    // 1 / (local curvature): in the problem's own coordinates every problem has curvature of order 1 (lambda near
    // lambda_c included), so the first step 1 and the floor 1e-30 are relative to it.
    private static double[] DescendToPoint(Scaled problem, double[] w)
    {
        var landscape = problem.At(w);
        var loss = problem.Loss(landscape);
        var step = 1.0;
        for (var iteration = 0; iteration < 2000; iteration++)
        {
            var g = problem.Gradient(landscape);
            var squared = g.Sum(x => x * x);
            if (squared <= HandOverSquaredGradient)
            {
                break;
            }

            step *= 2;
            while (true)
            {
                var trial = w.Select((x, i) => x - (step * g[i])).ToArray();
                var trialLandscape = problem.At(trial);
                var trialLoss = problem.Loss(trialLandscape);
                if (trialLoss <= loss - (0.5 * step * squared))
                {
                    (w, landscape, loss) = (trial, trialLandscape, trialLoss);
                    break;
                }

                step /= 2;
                if (step < 1e-30)
                {
                    return w; // no decrease to be had at double precision
                }
            }
        }

        return w;
    }
}

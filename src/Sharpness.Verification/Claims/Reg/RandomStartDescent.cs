using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using Sharpness.Oracles;

namespace Sharpness.Verification.Claims.Reg;

/// <summary>
/// Gradient descent with Armijo backtracking on the oracle's loss and gradient, from seeded random starts: a
/// minimizer search that shares nothing with the theory's constructions or its end-to-end solver.
/// </summary>
internal static class RandomStartDescent
{
    /// <summary>The lowest loss reached from <paramref name="starts"/> random starts in <c>[-2s, 2s]^N</c>.</summary>
    internal static double BestLoss(Func<double[], LossLandscape> at, int parameters, double s, int starts, int seed)
    {
        var random = new Random(seed);
        var best = double.PositiveInfinity;
        for (var k = 0; k < starts; k++)
        {
            var w = Enumerable.Range(0, parameters).Select(_ => s * ((4 * random.NextDouble()) - 2)).ToArray();
            best = Math.Min(best, Descend(at, w));
        }

        return best;
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
    internal static IReadOnlyList<(double[] Point, double Loss)> PolishedEndpoints(Func<double[], LossLandscape> at, int parameters, double s, int starts, int seed)
    {
        var random = new Random(seed);
        var endpoints = new List<(double[], double)>();
        for (var k = 0; k < starts; k++)
        {
            var w = Enumerable.Range(0, parameters).Select(_ => s * ((4 * random.NextDouble()) - 2)).ToArray();
            w = Polish(at, DescendToPoint(at, w));
            endpoints.Add((w, at(w).Loss()));
        }

        return endpoints;
    }

    private static double[] Polish(Func<double[], LossLandscape> at, double[] w)
    {
        for (var newton = 0; newton < 60; newton++)
        {
            var landscape = at(w);
            var spectrum = landscape.DenseHessian().Evd(Symmetricity.Symmetric);
            var gradient = Vector<double>.Build.DenseOfArray(landscape.Gradient());
            var squared = gradient.DotProduct(gradient);
            double[]? accepted = null;
            foreach (var cutoff in NewtonCutoffs)
            {
                var next = NewtonStep(w, spectrum, gradient, cutoff);
                if (at(next).Gradient().Sum(g => g * g) < squared)
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
    internal static double LossNear(Func<double[], LossLandscape> at, IReadOnlyList<double> point, double radius, int seed)
    {
        var random = new Random(seed);
        return Descend(at, [.. point.Select(x => x + (radius * ((2 * random.NextDouble()) - 1)))]);
    }

    // The step doubles after every accepted step and halves until the Armijo condition holds, so it settles near
    // 1 / (local curvature): small targets (tiny curvature) converge as fast as large ones.
    private static double Descend(Func<double[], LossLandscape> at, double[] w) => at(DescendToPoint(at, w)).Loss();

    private static double[] DescendToPoint(Func<double[], LossLandscape> at, double[] w)
    {
        var landscape = at(w);
        var loss = landscape.Loss();
        var step = 1.0;
        for (var iteration = 0; iteration < 2000; iteration++)
        {
            var g = landscape.Gradient();
            var squared = g.Sum(x => x * x);
            if (squared == 0)
            {
                break;
            }

            step *= 2;
            while (true)
            {
                var trial = w.Select((x, i) => x - (step * g[i])).ToArray();
                var trialLandscape = at(trial);
                var trialLoss = trialLandscape.Loss();
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

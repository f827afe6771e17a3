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
    /// Descent from each of <paramref name="starts"/> random starts, then Newton steps with the oracle's Hessian while it is
    /// positive definite (quadratic convergence to the bottom of a nondegenerate basin): the endpoints, each with its loss.
    /// </summary>
    internal static IReadOnlyList<(double[] Point, double Loss)> PolishedEndpoints(Func<double[], LossLandscape> at, int parameters, double s, int starts, int seed)
    {
        var random = new Random(seed);
        var endpoints = new List<(double[], double)>();
        for (var k = 0; k < starts; k++)
        {
            var w = Enumerable.Range(0, parameters).Select(_ => s * ((4 * random.NextDouble()) - 2)).ToArray();
            w = DescendToPoint(at, w);
            for (var newton = 0; newton < 20; newton++)
            {
                var landscape = at(w);
                var hessian = landscape.DenseHessian();
                var spectrum = hessian.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric);
                if (spectrum.EigenValues[0].Real <= 0)
                {
                    break;
                }

                // Accept while the gradient shrinks: near the minimum loss differences are at rounding level.
                var gradient = landscape.Gradient();
                var step = hessian.Solve(MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(gradient));
                var next = w.Select((x, i) => x - step[i]).ToArray();
                if (at(next).Gradient().Sum(g => g * g) >= gradient.Sum(g => g * g))
                {
                    break;
                }

                w = next;
            }

            endpoints.Add((w, at(w).Loss()));
        }

        return endpoints;
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

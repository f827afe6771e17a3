namespace Sharpness.Oracles;

/// <summary>
/// Central finite differences, used only by tests to validate the analytic oracles. With step <c>h_i = relativeStep *
/// max(1, |x_i|)</c> the truncation error is <c>O(h^2)</c> (third derivatives for the gradient, fourth for the Hessian) and the
/// roundoff error is about <c>eps |f| / h</c> (gradient) or <c>eps |f| / h^2</c> (Hessian).
/// </summary>
public static class FiniteDifferences
{
    /// <summary>The default relative step, <c>1e-4</c>: near-optimal for second differences (<c>eps^(1/4)</c>).</summary>
    public const double DefaultRelativeStep = 1e-4;

    /// <summary>Central-difference gradient <c>g_i = (f(x + h_i e_i) - f(x - h_i e_i)) / (2 h_i)</c>; error <c>O(h^2)</c>.</summary>
    /// <param name="f">The function; it receives a scratch copy it may keep or modify.</param>
    /// <param name="x">The point; not modified.</param>
    /// <param name="relativeStep">The step relative to <c>max(1, |x_i|)</c>.</param>
    /// <returns>The approximate gradient, length <c>x.Length</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The step is not positive and finite.</exception>
    public static double[] Gradient(Func<double[], double> f, IReadOnlyList<double> x, double relativeStep = DefaultRelativeStep)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(x);
        RequireStep(relativeStep);
        var g = new double[x.Count];
        for (var i = 0; i < x.Count; i++)
        {
            var h = Step(x[i], relativeStep);
            g[i] = (f(Shift(x, i, h)) - f(Shift(x, i, -h))) / (2 * h);
        }

        return g;
    }

    /// <summary>
    /// Central-difference Hessian: <c>(f(x + h e_i) - 2 f(x) + f(x - h e_i)) / h^2</c> on the diagonal and
    /// <c>(f(++) - f(+-) - f(-+) + f(--)) / (4 h_i h_j)</c> off it (computed once per pair, so exactly symmetric); error <c>O(h^2)</c>.
    /// </summary>
    /// <param name="f">The function; it receives a scratch copy it may keep or modify.</param>
    /// <param name="x">The point; not modified.</param>
    /// <param name="relativeStep">The step relative to <c>max(1, |x_i|)</c>.</param>
    /// <returns>The approximate Hessian, <c>n x n</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The step is not positive and finite.</exception>
    public static double[,] Hessian(Func<double[], double> f, IReadOnlyList<double> x, double relativeStep = DefaultRelativeStep)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(x);
        RequireStep(relativeStep);
        var n = x.Count;
        var steps = x.Select(xi => Step(xi, relativeStep)).ToArray();
        var f0 = f([.. x]);
        var hessian = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            var hi = steps[i];
            hessian[i, i] = (f(Shift(x, i, hi)) - (2 * f0) + f(Shift(x, i, -hi))) / (hi * hi);
            for (var j = i + 1; j < n; j++)
            {
                var hj = steps[j];
                var value = (f(Shift(x, i, hi, j, hj)) - f(Shift(x, i, hi, j, -hj)) - f(Shift(x, i, -hi, j, hj)) + f(Shift(x, i, -hi, j, -hj)))
                    / (4 * hi * hj);
                hessian[i, j] = value;
                hessian[j, i] = value;
            }
        }

        return hessian;
    }

    /// <summary>Central-difference Jacobian <c>J[a, i] = (F(x + h_i e_i)_a - F(x - h_i e_i)_a) / (2 h_i)</c>; error <c>O(h^2)</c>.</summary>
    /// <param name="f">The vector function; it receives a scratch copy and must return vectors of one fixed length.</param>
    /// <param name="x">The point; not modified.</param>
    /// <param name="relativeStep">The step relative to <c>max(1, |x_i|)</c>.</param>
    /// <returns>The approximate Jacobian, <c>m x n</c> with <c>m</c> the output length.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The step is not positive and finite, or the output length varies.</exception>
    public static double[,] Jacobian(Func<double[], double[]> f, IReadOnlyList<double> x, double relativeStep = DefaultRelativeStep)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(x);
        RequireStep(relativeStep);
        var m = f([.. x]).Length;
        var jacobian = new double[m, x.Count];
        for (var i = 0; i < x.Count; i++)
        {
            var h = Step(x[i], relativeStep);
            var plus = f(Shift(x, i, h));
            var minus = f(Shift(x, i, -h));
            if (plus.Length != m || minus.Length != m)
            {
                throw new ArgumentException($"The function returned {plus.Length} and {minus.Length} values but {m} at x.", nameof(f));
            }

            for (var a = 0; a < m; a++)
            {
                jacobian[a, i] = (plus[a] - minus[a]) / (2 * h);
            }
        }

        return jacobian;
    }

    private static double Step(double xi, double relativeStep)
    {
        // Rounding x + h to a double changes the step; using the representable difference removes that error.
        var h = relativeStep * Math.Max(1, Math.Abs(xi));
        return (xi + h) - xi;
    }

    private static double[] Shift(IReadOnlyList<double> x, int i, double hi)
    {
        double[] y = [.. x];
        y[i] += hi;
        return y;
    }

    private static double[] Shift(IReadOnlyList<double> x, int i, double hi, int j, double hj)
    {
        double[] y = [.. x];
        y[i] += hi;
        y[j] += hj;
        return y;
    }

    private static void RequireStep(double relativeStep)
    {
        if (!double.IsFinite(relativeStep) || relativeStep <= 0)
        {
            throw new ArgumentException($"The relative step must be positive and finite but is {relativeStep}.", nameof(relativeStep));
        }
    }
}

// EXACT Lemma 2 and eq. 13 (claim EXACT-L2): the second directional derivative as the second
// derivative along a line, and lambda_max as its maximum over unit directions.
namespace Sharpness.Theory.Exact;

/// <summary>
/// EXACT Lemma 2: <c>D^2_U f(X) = d^2/dt^2 f(X + tU)</c> at <c>t = 0</c>, and (eq. 13)
/// <c>lambda_max(Hessian) = max_{||U|| = 1} D^2_U f(X)</c>.
/// </summary>
public static class Lemma2
{
    /// <summary>
    /// <c>d^2/dt^2 g(t)</c> at <c>t = 0</c> by the five-point stencil
    /// <c>(-g(2h) + 16 g(h) - 30 g(0) + 16 g(-h) - g(-2h)) / (12 h^2)</c>, accurate to <c>O(h^4)</c>.
    /// </summary>
    /// <remarks>EXACT Lemma 2 (claim EXACT-L2). Domain: <c>g</c> four times differentiable near 0, <c>h &gt; 0</c>.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is not positive.</exception>
    /// <exception cref="ArgumentException"><paramref name="line"/> returns a non-finite value.</exception>
    public static double SecondDerivativeAlongLine(Func<double, double> line, double step)
    {
        ArgumentNullException.ThrowIfNull(line);
        Preconditions.RequirePositive(step, nameof(step));
        if (12 * step * step == 0 || !double.IsFinite(12 * step * step))
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, $"step {step:G3} squared leaves the double range; the stencil would divide by 0 or infinity.");
        }

        double Sample(double t)
        {
            var value = line(t);
            Preconditions.RequireFinite(value, nameof(line));
            return value;
        }

        return (-Sample(2 * step) + (16 * Sample(step)) - (30 * Sample(0)) + (16 * Sample(-step)) - Sample(-2 * step)) / (12 * step * step);
    }
}

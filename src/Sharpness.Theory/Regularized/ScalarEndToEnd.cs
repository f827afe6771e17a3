// REG eq. 6 and 10 (claims REG-T2, ABS-UNIQ, ABS-COLLAPSE): the end-to-end scalar problem
// min_rho (m - rho)^2 + lambda |rho|^(2/L), solved for all its global minimizers.
using System.Diagnostics;
namespace Sharpness.Theory.Regularized;

/// <summary>
/// The global minimizers of <c>g(rho) = (m - rho)^2 + lambda |rho|^(2/L)</c> (REG eq. 6), the end-to-end value
/// <c>rho = w_L ... w_1</c> of every minimizer of the regularized deep scalar loss.
/// </summary>
/// <remarks>
/// Certified, not iterated blindly: a minimizer has the sign of <c>m</c> (REG eq. 10) and lies in <c>[0, |m|]</c>
/// in magnitude. For L &gt;= 3, <c>g'(rho)/2 = rho - |m| + (lambda/L) rho^(2/L - 1)</c> is convex on <c>(0, |m|]</c>, so
/// <c>g</c> has at most one local minimizer there, bracketed between the minimum of <c>g'</c> and <c>|m|</c> and found by
/// bisection; it competes with 0, and <see cref="CriticalLambda"/> decides which wins (both at the tie).
/// </remarks>
public static class ScalarEndToEnd
{
    /// <summary><c>g(rho) = (m - rho)^2 + lambda |rho|^(2/L)</c>.</summary>
    /// <remarks>REG eq. 6 (claim REG-T2).</remarks>
    public static double Objective(double m, double lambda, int depth, double rho) =>
        ((m - rho) * (m - rho)) + (lambda * Math.Pow(Math.Abs(rho), 2.0 / depth));

    /// <summary>All global minimizers of <c>g</c>, ascending in magnitude: one value, or two (0 and the nonzero one) at <c>lambda = lambda_c</c>.</summary>
    /// <remarks>REG eq. 6 and 10 (claims REG-T2, ABS-UNIQ, ABS-COLLAPSE). Domain: finite m, lambda &gt; 0, L &gt;= 2.</remarks>
    /// <exception cref="ArgumentException">Non-finite m or lambda.</exception>
    /// <exception cref="ArgumentOutOfRangeException">lambda not positive, or L below 2.</exception>
    public static IReadOnlyList<double> GlobalMinimizers(double m, double lambda, int depth)
    {
        Preconditions.RequirePositive(lambda, nameof(lambda));

        // CriticalLambda.Of checks m (finite) and the depth (L >= 2); at m = 0 it is 0, below every lambda: the minimizer 0.
        var critical = CriticalLambda.Of(m, depth);
        if (lambda > critical)
        {
            return [0.0];
        }

        var magnitude = depth == 2 ? Math.Abs(m) - (lambda / 2) : LocalMinimizer(Math.Abs(m), lambda, depth);
        if (magnitude <= 0)
        {
            return [0.0]; // L = 2 at lambda = 2|m|: soft-thresholding meets 0, a single minimizer
        }

        var rho = Math.Sign(m) * magnitude;
        return lambda == critical ? [0.0, rho] : [rho];
    }

    // The local minimizer of g on (0, a] for L >= 3 when lambda <= lambda_c: the larger root of the convex
    // h(r) = r - a + (lambda/L) r^(-p), p = 1 - 2/L. h is least at r* = (lambda p / L)^(1/(1+p)), negative there
    // (lambda <= lambda_c), and h(a) > 0, so bisection on [r*, a] converges to the root.
    private static double LocalMinimizer(double a, double lambda, int depth)
    {
        var p = 1 - (2.0 / depth);
        double H(double r) => r - a + (lambda / depth * Math.Pow(r, -p));
        var low = Math.Pow(lambda * p / depth, 1 / (1 + p));
        var high = a;
        Debug.Assert(low < high && H(low) < 0, "lambda <= lambda_c puts a negative minimum of h inside (0, a)");
        // Bisection until the midpoint is one of the ends, that is until they are adjacent doubles (a few thousand halvings at most).
        while (true)
        {
            var mid = (low + high) / 2;
            if (mid == low || mid == high)
            {
                return mid;
            }

            if (H(mid) <= 0)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }
    }
}

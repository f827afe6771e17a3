// REG Theorem 3, eq. 17-18 (claim REG-T3): the Hessian spectrum of regularized deep scalar factorization at
// its minimizers, as printed, and as it is at collapsed minimizers (w = 0), where the printed one fails.
namespace Sharpness.Theory.Regularized;

/// <summary>
/// REG Theorem 3: at a minimizer of <c>(m - w_L...w_1)^2 + (lambda/L) sum w_i^2</c> with <c>|w_i| = w</c>, the Hessian
/// eigenvalues are <c>4 lambda / L</c> (L - 1 times) and <c>2 L w^(2L-2) + 4 lambda / L - 2 lambda</c> (eq. 17).
/// </summary>
/// <remarks>
/// Derivation: <c>H_ii = 2 (rho/w_i)^2 + 2 lambda/L</c> and, using stationarity <c>(m - rho) rho = (lambda/L) w^2</c>,
/// <c>H_ij = 2 (rho^2 - (lambda/L) w^2) / (w_i w_j)</c>; with <c>D = diag(sign w_i)</c>,
/// <c>H = D ((2 w^(2L-2) - 2 lambda/L) 11^T + (4 lambda/L) I) D</c>, which gives eq. 17. The division by <c>w_i</c>
/// needs <c>w != 0</c>: at a collapsed minimizer (<c>w = 0</c>, i.e. <c>lambda &gt;= lambda_c</c>) the Hessian is
/// <c>(2 lambda/L) I</c> for L &gt;= 3 and <c>[[lambda, -2m], [-2m, lambda]]</c> for L = 2 (eigenvalues
/// <c>lambda +- 2|m|</c>), while eq. 17 gives <c>4 lambda/L</c> and the negative <c>4 lambda/L - 2 lambda</c>.
/// So the printed spectrum holds exactly on the minimizers with <c>w &gt; 0</c>.
/// </remarks>
public static class Theorem3
{
    /// <summary>The eigenvalues as printed (eq. 17), ascending: <c>4 lambda/L</c> (L - 1 times) and <c>2 L w^(2L-2) + 4 lambda/L - 2 lambda</c>.</summary>
    /// <remarks>REG Theorem 3, eq. 17 (claim REG-T3). Valid for <c>w &gt; 0</c>; see the type remarks for <c>w = 0</c>.</remarks>
    public static IReadOnlyList<double> PrintedEigenvalues(double w, double lambda, int depth)
    {
        Validate(w, lambda, depth);
        var repeated = 4 * lambda / depth;
        return [.. Enumerable.Repeat(repeated, depth - 1).Concat([(2 * depth * Math.Pow(w, (2 * depth) - 2)) + repeated - (2 * lambda)]).Order()];
    }

    /// <summary>lambda_max as printed (eq. 18): <c>max{2 L w^(2L-2) - 2 lambda, 0} + 4 lambda / L</c>.</summary>
    /// <remarks>REG Theorem 3, eq. 18 (claim REG-T3). Valid for <c>w &gt; 0</c>.</remarks>
    public static double PrintedLambdaMax(double w, double lambda, int depth)
    {
        Validate(w, lambda, depth);
        return Math.Max((2 * depth * Math.Pow(w, (2 * depth) - 2)) - (2 * lambda), 0) + (4 * lambda / depth);
    }

    /// <summary>
    /// The eigenvalues at a minimizer with <c>|w_i| = w</c> of target <paramref name="m"/>, ascending: eq. 17 when
    /// <c>w &gt; 0</c>; <c>2 lambda/L</c> (L times) when <c>w = 0</c> and L &gt;= 3; <c>lambda -+ 2|m|</c> when <c>w = 0</c> and L = 2.
    /// </summary>
    /// <remarks>REG Theorem 3 corrected at collapsed minimizers (claim REG-T3); derivation in the type remarks.</remarks>
    public static IReadOnlyList<double> Eigenvalues(double m, double w, double lambda, int depth)
    {
        Preconditions.RequireFinite(m, nameof(m));
        Validate(w, lambda, depth);
        if (w > 0)
        {
            return PrintedEigenvalues(w, lambda, depth);
        }

        return depth == 2
            ? [lambda - (2 * Math.Abs(m)), lambda + (2 * Math.Abs(m))]
            : [.. Enumerable.Repeat(2 * lambda / depth, depth)];
    }

    /// <summary>
    /// lambda_max at a minimizer with <c>|w_i| = w</c> of target <paramref name="m"/>: the largest of <see cref="Eigenvalues"/>, i.e.
    /// eq. 18 when <c>w &gt; 0</c>, <c>2 lambda/L</c> when <c>w = 0</c> and L &gt;= 3, <c>lambda + 2|m|</c> when <c>w = 0</c> and L = 2.
    /// </summary>
    /// <remarks>REG Theorem 3, eq. 18, corrected at collapsed minimizers (claim REG-T3). Domain: a minimizer, <c>lambda &gt; 0</c>, L &gt;= 2.</remarks>
    public static double LambdaMax(double m, double w, double lambda, int depth) => Eigenvalues(m, w, lambda, depth)[^1];

    /// <summary>
    /// True when the Hessian at the minimizer of a regularized scalar problem is singular: only for <c>L = 2</c>,
    /// <c>m != 0</c>, <c>lambda = 2|m|</c>, where the collapsed minimizer's eigenvalue <c>lambda - 2|m|</c> vanishes.
    /// </summary>
    /// <remarks>
    /// REG Section 3 (claim REG-ISO) says the Hessian is full rank at every minimizer. From the spectra above: for w &gt; 0
    /// eq. 17's eigenvalues are positive at a strict local minimum of eq. 6; at w = 0 they are <c>2 lambda/L &gt; 0</c>
    /// (L &gt;= 3) or <c>lambda -+ 2|m|</c> (L = 2, minimizer only when <c>lambda &gt;= 2|m|</c>), zero exactly at
    /// <c>lambda = 2|m|</c>. There the minimizer is still isolated: along the null direction the loss grows as <c>t^4</c>.
    /// </remarks>
    public static bool IsHessianSingular(double m, double lambda, int depth)
    {
        Preconditions.RequireFinite(m, nameof(m));
        Validate(0, lambda, depth);
        return depth == 2 && m != 0 && lambda == 2 * Math.Abs(m);
    }

    private static void Validate(double w, double lambda, int depth)
    {
        Preconditions.RequireNonNegative(w, nameof(w));
        Preconditions.RequirePositive(lambda, nameof(lambda));
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 2);
    }
}

// EXACT Theorem 4 (claim EXACT-T4): lambda_max at any minimizer of deep scalar-ended factorization.
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Theory.Linear;

namespace Sharpness.Theory.Exact;

/// <summary>
/// EXACT Theorem 4: with scalar ends (<c>d_0 = d_L = 1</c>),
/// <c>lambda_max = 2 sum_i smax(A_i)^2 smax(B_i)^2</c> at every minimizer (eq. 21).
/// </summary>
public static class Theorem4
{
    /// <summary><c>2 sum_i smax(A_i)^2 smax(B_i)^2</c>.</summary>
    /// <remarks>EXACT Theorem 4, eq. 21 (claim EXACT-T4). Domain: minimizers with <c>d_0 = d_L = 1</c>.</remarks>
    /// <exception cref="ArgumentException">The ends are not scalar.</exception>
    public static double LambdaMax(Minimizer minimizer)
    {
        RequireScalarEnds(minimizer);
        return 2 * Enumerable.Range(1, minimizer.Depth).Sum(i =>
            Math.Pow(SpectralNorm.OfValidated(minimizer.LeftView(i)) * SpectralNorm.OfValidated(minimizer.RightView(i)), 2));
    }

    /// <summary>
    /// A unit direction attaining <see cref="LambdaMax"/>: <c>U_i = A_i^T B_i^T / sqrt(sum_j ||A_j||^2 ||B_j||^2)</c>.
    /// With scalar ends the Jacobian <c>K</c> is one row, so the Hessian <c>2 K^T K</c> has top eigenvector <c>K^T</c>.
    /// </summary>
    /// <remarks>EXACT Theorem 4, Appendix B (claim EXACT-T4). At a zero Hessian every unit direction attains 0; the first coordinate is returned.</remarks>
    /// <exception cref="ArgumentException">The ends are not scalar.</exception>
    public static Direction MaximizingDirection(Minimizer minimizer)
    {
        RequireScalarEnds(minimizer);
        var parts = Enumerable.Range(1, minimizer.Depth)
            .Select(i => minimizer.LeftView(i).TransposeThisAndMultiply(minimizer.RightView(i).Transpose()))
            .ToArray();
        return UnitOrFirstCoordinate(parts);
    }

    internal static Direction UnitOrFirstCoordinate(Matrix<double>[] parts)
    {
        var direction = new Direction(parts);
        if (direction.Norm > 0)
        {
            return direction.Normalized();
        }

        parts[0][0, 0] = 1;
        return new Direction(parts);
    }

    private static void RequireScalarEnds(Minimizer minimizer)
    {
        ArgumentNullException.ThrowIfNull(minimizer);
        if (minimizer.Widths[0] != 1 || minimizer.Widths[^1] != 1)
        {
            throw new ArgumentException(
                $"Theorem 4 needs scalar ends d_0 = d_L = 1 but d_0 = {minimizer.Widths[0]} and d_L = {minimizer.Widths[^1]}.",
                nameof(minimizer));
        }
    }
}

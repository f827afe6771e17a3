// EXACT Theorem 5 (claim EXACT-T5): lambda_max at any minimizer of deep matrix factorization.
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Theory.Linear;

namespace Sharpness.Theory.Exact;

/// <summary>
/// EXACT Theorem 5: <c>lambda_max = 2 lambda_max(sum_i B_i^T B_i (x) A_i A_i^T)</c> at every minimizer (eq. 22).
/// </summary>
public static class Theorem5
{
    /// <summary><c>2 lambda_max(S)</c> with <c>S</c> the Kronecker sum of eq. 22, applied as an operator.</summary>
    /// <remarks>EXACT Theorem 5, eq. 22 (claim EXACT-T5). Domain: any minimizer with feasible widths (eq. 17).</remarks>
    public static double LambdaMax(Minimizer minimizer) =>
        2 * KroneckerSumOperator.AtMinimizer(minimizer).TopEigenpair().Value;

    /// <summary>
    /// A unit direction attaining <see cref="LambdaMax"/>: <c>U_i = A_i^T X B_i^T / sqrt(mu)</c>, where
    /// <c>X</c> is a unit top eigenvector of <c>S</c> (as a <c>d_L x d_0</c> matrix) and <c>mu</c> its eigenvalue.
    /// Then <c>U = K^T vec(X) / sqrt(mu)</c> and <c>2 K^T K U = 2 mu U</c>.
    /// </summary>
    /// <remarks>EXACT Theorem 5, Appendix C.1 (claim EXACT-T5). At a zero Hessian the first coordinate direction is returned.</remarks>
    public static Direction MaximizingDirection(Minimizer minimizer)
    {
        var (_, x) = KroneckerSumOperator.AtMinimizer(minimizer).TopEigenpair();
        var parts = Enumerable.Range(1, minimizer.Depth).Select(i => Part(minimizer, i, x)).ToArray();
        return Theorem4.UnitOrFirstCoordinate(parts);
    }

    // A_i^T X B_i^T, with the identity ends A_L = I and B_1 = I left out rather than formed.
    private static Matrix<double> Part(Minimizer minimizer, int i, Matrix<double> x)
    {
        var left = i == minimizer.Depth ? x : minimizer.LeftView(i).TransposeThisAndMultiply(x);
        return i == 1 ? left.Clone() : left.TransposeAndMultiply(minimizer.RightView(i));
    }
}

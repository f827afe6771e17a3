// REG eq. 1-2 (claims REG-T1, REG-T2): the regularized loss, its data and regularizer parts, and its gradient.
using MathNet.Numerics.LinearAlgebra;

namespace Sharpness.Theory.Regularized;

/// <summary>
/// <c>L(w) = D(w) + lambda R(w)</c> with <c>D = ||M - W_L...W_1||_F^2</c> and <c>R = (1/L) sum_i ||W_i||_F^2</c> (REG eq. 1 for
/// scalar layers, eq. 2 for matrices), at a factorization that carries its target and lambda.
/// </summary>
public static class RegularizedLoss
{
    /// <summary>The data term <c>D = ||M - W_L...W_1||_F^2</c>.</summary>
    /// <remarks>REG eq. 2 (claim REG-T2).</remarks>
    public static double Data(Factorization point) => Math.Pow(RequireRegularized(point).ResidualNorm, 2);

    /// <summary>The regularizer <c>R = (1/L) sum_i ||W_i||_F^2</c> (without lambda).</summary>
    /// <remarks>REG eq. 2 (claim REG-T2).</remarks>
    public static double Regularizer(Factorization point) =>
        Enumerable.Range(1, RequireRegularized(point).Depth).Sum(i => Math.Pow(point.LayerView(i).FrobeniusNorm(), 2)) / point.Depth;

    /// <summary>The loss <c>D + lambda R</c>.</summary>
    /// <remarks>REG eq. 2.</remarks>
    public static double Value(Factorization point) => Data(point) + (RequireRegularized(point).Lambda!.Value * Regularizer(point));

    /// <summary>The gradient blocks <c>dL/dW_k = 2 A_k^T (P - M) B_k^T + (2 lambda / L) W_k</c>, <c>W_1</c>'s first.</summary>
    /// <remarks>REG eq. 2; zero exactly at stationary points, which is how minimizer constructions are checked (claim REG-T1).</remarks>
    public static IReadOnlyList<Matrix<double>> Gradient(Factorization point)
    {
        var lambda = RequireRegularized(point).Lambda!.Value;
        var residual = point.ProductView - point.TargetView;
        return [.. Enumerable.Range(1, point.Depth).Select(k =>
            (2 * point.LeftView(k).TransposeThisAndMultiply(residual).TransposeAndMultiply(point.RightView(k))) + (2 * lambda / point.Depth * point.LayerView(k)))];
    }

    private static Factorization RequireRegularized(Factorization point)
    {
        ArgumentNullException.ThrowIfNull(point);
        if (point.Lambda is null || !point.HasTarget)
        {
            throw new ArgumentException("The regularized loss needs a point with a target M and a lambda.", nameof(point));
        }

        return point;
    }
}

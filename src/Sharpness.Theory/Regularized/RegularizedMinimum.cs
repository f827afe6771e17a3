// The global minimum of the regularized loss (claims REG-T1, REG-T2, ABS-UNIQ): its value, one scalar problem (REG eq. 6)
// per singular value of M, and whether a given point attains it (stationary, and at that value).
using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Theory.Linear;

namespace Sharpness.Theory.Regularized;

/// <summary>
/// The global minimum of <c>L(w) = ||M - W_L...W_1||_F^2 + (lambda/L) sum_i ||W_i||_F^2</c> (REG eq. 1-2): its value
/// <c>sum_j min_rho (s_j - rho)^2 + lambda |rho|^(2/L)</c> over the singular values <c>s_j</c> of <c>M</c>, and whether a point
/// attains it.
/// </summary>
/// <remarks>
/// Why that value: for <c>P = W_L...W_1</c>, <c>(1/L) sum_i ||W_i||_F^2 &gt;= sum_j s_j(P)^(2/L)</c> with equality at balanced
/// layers, and <c>||M - P||_F^2 &gt;= sum_j (s_j(M) - s_j(P))^2</c> (von Neumann's trace inequality) with equality when P shares
/// M's singular vectors; <see cref="RegularizedMatrixMinimizer"/> builds a point with both equalities (claim REG-T1 checks that
/// no descent beats it). With all widths 1 it is REG eq. 6 at the certified global minimizer of <see cref="ScalarEndToEnd"/>.
/// A point is judged a global minimizer when it is stationary (a first-order condition, judged as tightly as the unregularized
/// residual) and its loss equals the minimum value: stationarity alone admits saddles and non-global local minima (such as
/// <c>w = 0</c> below <c>lambda_c</c>), while the loss alone moves only at second order under small displacements.
/// </remarks>
public static class RegularizedMinimum
{
    /// <summary>
    /// The minimum value <c>sum_j min_rho (s_j - rho)^2 + lambda |rho|^(2/L)</c>, <c>s_j</c> the singular values of <c>M</c>; for
    /// L = 1 (ridge regression, <c>rho = s_j / (1 + lambda)</c>) that is <c>lambda / (1 + lambda) ||M||_F^2</c>.
    /// </summary>
    /// <remarks>REG eq. 6 per singular value (claims REG-T1, REG-T2); derivation in the type remarks. Domain: feasible widths
    /// (no hidden width below <c>min(d_0, d_L)</c>), L &gt;= 1; at a bottleneck, the overload with widths.</remarks>
    /// <exception cref="ArgumentException">A non-finite target or lambda.</exception>
    /// <exception cref="ArgumentOutOfRangeException">lambda not positive, or depth below 1.</exception>
    public static double Value(Matrix<double> target, int depth, double lambda)
    {
        Preconditions.RequireFinite(target, nameof(target), "The target M");
        Preconditions.RequirePositive(lambda, nameof(lambda));
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        return depth == 1
            ? lambda / (1 + lambda) * Math.Pow(target.FrobeniusNorm(), 2)
            : FittedValue(ScaledSvd.SingularValues(target), depth, lambda, int.MaxValue);
    }

    /// <summary>
    /// The minimum value over points of widths <c>d_0..d_L</c>: the m = <c>min_i d_i</c> largest singular values fitted as in
    /// <see cref="Value(Matrix{double}, int, double)"/>, and <c>s_j^2</c> for each of the rest (a product of rank at most m leaves
    /// them unfitted); the same value without a bottleneck.
    /// </summary>
    /// <remarks>REG eq. 2 and 6 at any widths (claim REGM-LMAX; <see cref="RegularizedMatrixSharpness"/>, step 6).</remarks>
    /// <exception cref="ArgumentException">A non-finite target, or widths that do not fit it.</exception>
    /// <exception cref="ArgumentOutOfRangeException">lambda not positive.</exception>
    public static double Value(Matrix<double> target, IReadOnlyList<int> widths, double lambda)
    {
        Preconditions.RequireFinite(target, nameof(target), "The target M");
        Preconditions.RequireWidthsOf(widths, target, nameof(widths));
        var depth = widths.Count - 1;
        return depth == 1
            ? Value(target, 1, lambda)
            : FittedValue(ScaledSvd.SingularValues(target), depth, lambda, RegularizedMatrixSharpness.FittedCount(widths));
    }

    // lambda is checked by ScalarEndToEnd.GlobalMinimizers, once per singular value (there is at least one).
    private static double FittedValue(IEnumerable<double> singularValues, int depth, double lambda, int fitted) =>
        singularValues.Select((s, j) => j < fitted
            ? ScalarEndToEnd.Objective(s, lambda, depth, ScalarEndToEnd.GlobalMinimizers(s, lambda, depth)[0])
            : s * s).Sum();

    /// <summary>The gradient norm <c>||grad L(w)||_F</c>, over all blocks <c>2 A_k^T (P - M) B_k^T + (2 lambda/L) W_k</c>.</summary>
    /// <remarks>REG eq. 2 (claim REG-T1): zero exactly at stationary points.</remarks>
    /// <exception cref="ArgumentException">A point without target or lambda.</exception>
    public static double GradientNorm(Factorization point) =>
        ScaledNorm.Euclidean(RegularizedLoss.Gradient(point).SelectMany(g => g.Enumerate()));

    /// <summary>
    /// The scale the gradient is judged against: <c>sum_k 2 ||A_k||_F ||B_k||_F s + (2 lambda/L) ||W_k||_F</c> with
    /// <c>s = ||M||_F + || |W_L| ... |W_1| ||_F</c> (<see cref="Factorization.ResidualScale"/>): the sizes of the two terms of
    /// each block, which cancel at a stationary point and whose rounding errors are eps times these sizes.
    /// </summary>
    /// <remarks>REG eq. 2 (claim REG-T1).</remarks>
    /// <exception cref="ArgumentException">A point without target or lambda.</exception>
    public static double GradientScale(Factorization point)
    {
        var lambda = RequireRegularized(point);
        var residualScale = point.ResidualScale;
        return Enumerable.Range(1, point.Depth).Sum(k =>
            (2 * ScaledNorm.Frobenius(point.LeftView(k)) * ScaledNorm.Frobenius(point.RightView(k)) * residualScale) +
            (2 * lambda / point.Depth * ScaledNorm.Frobenius(point.LayerView(k))));
    }

    /// <summary>True when <see cref="GradientNorm"/> is within <paramref name="tolerance"/> (default
    /// <see cref="Tolerance.MinimizerResidual"/>) of zero at the scale <see cref="GradientScale"/>.</summary>
    /// <remarks>REG eq. 2 (claim REG-T1).</remarks>
    /// <exception cref="ArgumentException">A point without target or lambda.</exception>
    public static bool IsStationary(Factorization point, Tolerance? tolerance = null) =>
        (tolerance ?? Tolerance.MinimizerResidual).IsClose(GradientNorm(point), 0, GradientScale(point));

    /// <summary>
    /// True when the point is a global minimizer: stationary (<see cref="IsStationary"/>) and with loss equal to
    /// <see cref="Value(Matrix{double}, IReadOnlyList{int}, double)"/> at its widths within <paramref name="valueTolerance"/> (default <see cref="Tolerance.GridSearch"/>) at the scale
    /// <see cref="ValueScale"/>.
    /// </summary>
    /// <remarks>
    /// REG eq. 1-2 and 6 (claims REG-T1, REG-T2). Within the tolerance a non-global local minimizer whose loss is within
    /// 1e-10 of the minimum (lambda within about that much of a threshold <c>lambda_c(s_j, L)</c>) counts as global.
    /// </remarks>
    /// <exception cref="ArgumentException">A point without target or lambda.</exception>
    public static bool IsGlobalMinimizer(Factorization point, Tolerance? stationarity = null, Tolerance? valueTolerance = null)
    {
        var lambda = RequireRegularized(point);
        if (!IsStationary(point, stationarity))
        {
            return false;
        }

        var target = point.TargetView;
        return (valueTolerance ?? Tolerance.GridSearch).IsClose(RegularizedLoss.Value(point), Value(target, point.Widths, lambda), ValueScale(target, point.Depth, lambda));
    }

    /// <summary>
    /// The scale at which loss values are compared: <c>sum_j s_j^2 + lambda s_j^(2/L)</c> over the singular values <c>s_j</c> of
    /// <c>M</c>, the sizes of the data term and of the regularizer at <c>rho_j = s_j</c> (every minimizer has <c>|rho_j| &lt;= s_j</c>);
    /// <c>lambda^(L/(L-1))</c> at <c>M = 0</c>.
    /// It is homogeneous like the loss: under <c>W_i -&gt; c W_i</c>, <c>M -&gt; c^L M</c>, <c>lambda -&gt; c^(2L-2) lambda</c> the loss
    /// scales by <c>c^(2L)</c> and so does this. The former <c>||M||_F^2 + lambda</c> is not: at <c>m = 1e-30</c>,
    /// <c>lambda = 1e-42</c>, <c>L = 2</c> it is 1e-42, so the point <c>w = 0</c> (loss 1e-60, the minimum about 1e-72) passed as global.
    /// </summary>
    /// <remarks>REG eq. 2 and 6 (claims REG-T1, REG-T2).</remarks>
    /// <exception cref="ArgumentException">A non-finite target or lambda.</exception>
    /// <exception cref="ArgumentOutOfRangeException">lambda not positive, or depth below 1.</exception>
    public static double ValueScale(Matrix<double> target, int depth, double lambda)
    {
        Preconditions.RequireFinite(target, nameof(target), "The target M");
        Preconditions.RequirePositive(lambda, nameof(lambda));
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        var scale = ScaledSvd.SingularValues(target).Sum(s => (s * s) + (lambda * Math.Pow(s, 2.0 / depth)));

        // M = 0 leaves lambda as the only scale; lambda^(L/(L-1)) has the loss's homogeneity (none at L = 1, where lambda has none).
        return scale > 0 || depth == 1 ? scale : Math.Pow(lambda, depth / (depth - 1.0));
    }

    private static double RequireRegularized(Factorization point)
    {
        ArgumentNullException.ThrowIfNull(point);
        if (point.Lambda is not { } lambda || !point.HasTarget)
        {
            throw new ArgumentException("The regularized loss needs a point with a target M and a lambda.", nameof(point));
        }

        return lambda;
    }

    /// <summary>Throws, with the gradient norm, its scale, the loss and the minimum value, unless <see cref="IsGlobalMinimizer"/> holds.</summary>
    internal static void RequireGlobalMinimizer(Factorization point, string paramName)
    {
        if (!IsGlobalMinimizer(point))
        {
            throw new ArgumentException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Not a global minimizer of the regularized loss: gradient norm {GradientNorm(point):G6} (scale {GradientScale(point):G6}), loss {RegularizedLoss.Value(point):G17} against the minimum {Value(point.TargetView, point.Widths, point.Lambda!.Value):G17}."),
                paramName);
        }
    }
}

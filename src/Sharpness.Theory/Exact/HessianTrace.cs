// EXACT Section 6, "Sharpness measures are delusive" (claim EXACT-TRACE): the Hessian trace at a
// minimizer, and in depth 2 which minimizers the trace calls flat.
using MathNet.Numerics.LinearAlgebra;

namespace Sharpness.Theory.Exact;

/// <summary>
/// The trace of the Hessian at a minimizer, <c>trace(2 K^T K) = 2 ||K||_F^2 = 2 sum_i ||A_i||_F^2 ||B_i||_F^2</c>,
/// and its depth-2 minimum over all minimizers.
/// </summary>
/// <remarks>
/// In depth 2 (<c>W_1 = R^T</c>, <c>W_2 = L</c>) the trace is <c>2 (d_0 ||L||_F^2 + d_L ||R||_F^2)</c>. Writing
/// <c>L' = sqrt(d_0) L</c>, <c>R' = sqrt(d_L) R</c> with <c>L' R'^T = sqrt(d_0 d_L) M</c>, the minimum of
/// <c>||L'||_F^2 + ||R'||_F^2</c> is <c>2 sqrt(d_0 d_L) ||M||_*</c>, attained exactly when <c>L'^T L' = R'^T R'</c>.
/// So trace-flat minimizers satisfy <c>d_0 L^T L = d_L R^T R</c> and the trace-flat value is
/// <c>4 sqrt(d_0 d_L) ||M||_*</c>. They are Frobenius-balanced (<c>||L||_F = ||R||_F</c>) when <c>d_0 = d_L</c> or
/// <c>M = 0</c>, and not otherwise: the claim "trace-flatness picks the Frobenius-balanced minimizers" holds
/// only for square targets. Smallest counterexample: <c>M = [1 0]</c> (1x2), <c>k = 1</c>.
/// </remarks>
public static class HessianTrace
{
    /// <summary><c>2 sum_i ||A_i||_F^2 ||B_i||_F^2</c>.</summary>
    /// <remarks>EXACT Section 6 with eq. 74 (claim EXACT-TRACE). Domain: any minimizer.</remarks>
    public static double Trace(Minimizer minimizer)
    {
        ArgumentNullException.ThrowIfNull(minimizer);
        return 2 * Enumerable.Range(1, minimizer.Depth).Sum(i =>
            Math.Pow(minimizer.LeftView(i).FrobeniusNorm() * minimizer.RightView(i).FrobeniusNorm(), 2));
    }

    /// <summary>The smallest Hessian trace over all depth-2 minimizers of <c>M</c>: <c>4 sqrt(d_0 d_L) ||M||_*</c>.</summary>
    /// <remarks>EXACT Section 6 (claim EXACT-TRACE); derivation in the type remarks.</remarks>
    public static double DepthTwoTraceFlatValue(Matrix<double> target)
    {
        Preconditions.RequireFinite(target, nameof(target), "The target M");
        var nuclear = Linear.ScaledSvd.SingularValues(target).Sum();
        return 4 * Math.Sqrt((double)target.RowCount * target.ColumnCount) * nuclear;
    }

    /// <summary>True when a depth-2 minimizer's trace equals <see cref="DepthTwoTraceFlatValue"/> within <paramref name="tolerance"/>
    /// (default <see cref="Tolerance.Flatness"/>) at the scale of its trace.</summary>
    /// <remarks>EXACT Section 6 (claim EXACT-TRACE).</remarks>
    public static bool IsTraceFlat(Minimizer minimizer, Tolerance? tolerance = null)
    {
        Corollary6.RequireDepthTwo(minimizer);
        var trace = Trace(minimizer);
        return (tolerance ?? Tolerance.Flatness).IsClose(trace, DepthTwoTraceFlatValue(minimizer.TargetView), trace);
    }

    /// <summary>True when <c>||L||_F = ||R||_F</c> (Frobenius-balanced) within <paramref name="tolerance"/> (default
    /// <see cref="Tolerance.Flatness"/>).</summary>
    /// <remarks>EXACT Section 6 (claims EXACT-TRACE, EXACT-CE).</remarks>
    public static bool IsFrobeniusBalanced(Minimizer minimizer, Tolerance? tolerance = null)
    {
        Corollary6.RequireDepthTwo(minimizer);
        var l = minimizer.LayerView(2).FrobeniusNorm();
        var r = minimizer.LayerView(1).FrobeniusNorm();
        return (tolerance ?? Tolerance.Flatness).IsClose(l, r, Math.Max(l, r));
    }
}

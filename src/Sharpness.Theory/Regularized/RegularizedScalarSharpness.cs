// REG Theorem 3 as the suite verified it (claim REG-T3, corrected at w = 0) at a point of regularized deep scalar
// factorization: lambda_max at a global minimizer, and the flat value, the least lambda_max over all global minimizers
// (one end-to-end minimizer, or two at lambda = lambda_c: claims REG-T2, ABS-UNIQ).
using System.Globalization;

namespace Sharpness.Theory.Regularized;

/// <summary>
/// lambda_max at a global minimizer of <c>(m - w_L...w_1)^2 + (lambda/L) sum_i w_i^2</c> (REG eq. 1), from the corrected
/// spectrum of <see cref="Theorem3"/>, and the flat value <c>min lambda_max</c> over all global minimizers.
/// </summary>
/// <remarks>
/// Every global minimizer has <c>|w_i| = |rho|^(1/L)</c> for a global minimizer <c>rho</c> of REG eq. 6 (claims REG-T2, REG-T3), and
/// its spectrum depends only on that magnitude, not on the signs. So off the tie <c>lambda = lambda_c</c> every global minimizer
/// has the same lambda_max and is flat; at the tie (L &gt;= 3) the collapsed minimizer <c>w = 0</c> and the nonzero one compete.
/// </remarks>
public static class RegularizedScalarSharpness
{
    /// <summary>True when the point is regularized, has a target, and every width <c>d_0, ..., d_L</c> is 1 (REG eq. 1).</summary>
    /// <remarks>REG eq. 1 (claim REG-T3): the domain of the scalar results.</remarks>
    public static bool IsScalar(Factorization point)
    {
        ArgumentNullException.ThrowIfNull(point);
        return point.Lambda is not null && point.HasTarget && point.Widths.All(d => d == 1);
    }

    /// <summary>
    /// The magnitude <c>w = |rho|^(1/L)</c> of the global minimizer the point is at: of the (one or two) global minimizers
    /// <c>rho</c> of REG eq. 6, the one whose magnitude is nearest the point's <c>|w_1|</c> (balanced: every <c>|w_i|</c> is the same, REG Theorem 1).
    /// </summary>
    /// <remarks>REG eq. 6 and Theorem 3 (claims REG-T2, REG-T3). The certified value, not the point's own, so a point judged a
    /// minimizer near the collapsed one (at L = 2, <c>lambda = 2|m|</c> the loss is quartic there, so stationarity is loose) is
    /// still <c>w = 0</c>, where the spectrum differs from eq. 17.</remarks>
    /// <exception cref="ArgumentException">The point is not a regularized scalar global minimizer of depth L &gt;= 2.</exception>
    public static double MinimizerMagnitude(Factorization point)
    {
        RequireScalarGlobalMinimizer(point);
        var depth = point.Depth;
        var own = Math.Abs(point.LayerView(1)[0, 0]);
        return ScalarEndToEnd.GlobalMinimizers(point.TargetView[0, 0], point.Lambda!.Value, depth)
            .Select(rho => Math.Pow(Math.Abs(rho), 1.0 / depth))
            .MinBy(w => Math.Abs(w - own));
    }

    /// <summary>lambda_max at a global minimizer: <see cref="Theorem3.LambdaMax"/> at its <see cref="MinimizerMagnitude"/>.</summary>
    /// <remarks>REG Theorem 3, eq. 18, corrected at w = 0 (claim REG-T3). Domain: global minimizers, L &gt;= 2.</remarks>
    /// <exception cref="ArgumentException">The point is not a regularized scalar global minimizer of depth L &gt;= 2.</exception>
    public static double LambdaMax(Factorization point)
    {
        var w = MinimizerMagnitude(point);
        return Theorem3.LambdaMax(point.TargetView[0, 0], w, point.Lambda!.Value, point.Depth);
    }

    /// <summary>The flat value: the least <see cref="Theorem3.LambdaMax"/> over the global minimizers <c>w = |rho|^(1/L)</c> of REG eq. 6.</summary>
    /// <remarks>REG Theorem 3 corrected (claim REG-T3) over the minimizers of REG eq. 6 (claims REG-T2, ABS-UNIQ); the REG
    /// notion of flatness (REG eq. 39: least lambda_max over the minimizers). Domain: finite m, lambda &gt; 0, L &gt;= 2.</remarks>
    /// <exception cref="ArgumentException">Non-finite m or lambda.</exception>
    /// <exception cref="ArgumentOutOfRangeException">lambda not positive, or depth below 2.</exception>
    public static double FlatValue(double m, double lambda, int depth) =>
        ScalarEndToEnd.GlobalMinimizers(m, lambda, depth)
            .Min(rho => Theorem3.LambdaMax(m, Math.Pow(Math.Abs(rho), 1.0 / depth), lambda, depth));

    private static void RequireScalarGlobalMinimizer(Factorization point)
    {
        if (!IsScalar(point) || point.Depth < 2)
        {
            throw new ArgumentException(
                $"REG Theorem 3 needs a regularized scalar point (all widths 1, a target, lambda > 0) of depth L >= 2; got widths ({string.Join(", ", point.Widths)}), lambda {point.Lambda?.ToString(CultureInfo.InvariantCulture) ?? "none"}.",
                nameof(point));
        }

        RegularizedMinimum.RequireGlobalMinimizer(point, nameof(point));
    }
}

// EXACT eq. 31 and 35, quoted from Mulayoff & Michaeli (2020) (claim EXACT-MM): the flat value and the
// spectral norms of partial products at flat scalar minima.
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Theory.Linear;

namespace Sharpness.Theory.Exact;

/// <summary>
/// EXACT eq. 35: <c>lambda_max &gt;= 2 L smax(M)^(2 (1 - 1/L))</c> at every minimizer, with equality at flat minima;
/// EXACT eq. 31: at flat scalar-ended minima <c>smax(A_k) = |m|^(1 - k/L)</c> and <c>smax(B_k) = |m|^((k-1)/L)</c>.
/// </summary>
/// <remarks>
/// Eq. 31 as printed fails at <c>m = 0</c> for <c>L &gt;= 3</c>: there every point with all
/// <c>smax(A_k) smax(B_k) = 0</c> is flat (the Hessian is zero), yet eq. 31 demands <c>smax(B_k) = 0</c> for
/// every <c>k &gt;= 2</c>. The smallest counterexample is <c>L = 3</c>, all widths 1, <c>w = (1, 0, 0)</c>.
/// The corrected domain of eq. 31 is <c>m != 0</c> (or <c>L &lt;= 2</c>).
/// </remarks>
public static class MulayoffMichaeli
{
    /// <summary>The flat value <c>2 L smax(M)^(2 (1 - 1/L))</c>, the smallest lambda_max over all minimizers of <c>M</c>.</summary>
    /// <remarks>EXACT eq. 35-36 (claim EXACT-MM); for a 1x1 target it is REG eq. 39, the lambda -&gt; 0 limit of REG-T3 (claim REG-R4). Domain: any target, <c>L &gt;= 1</c>.</remarks>
    /// <exception cref="ArgumentException">A non-finite target or a depth below 1.</exception>
    public static double FlatValue(Matrix<double> target, int depth)
    {
        Preconditions.RequireFinite(target, nameof(target), "The target M");
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        return 2 * depth * Math.Pow(SpectralNorm.OfValidated(target), 2 * (1 - (1.0 / depth)));
    }

    /// <summary>The lower bound of eq. 35 at a minimizer: <see cref="FlatValue"/> of its target and depth.</summary>
    /// <remarks>EXACT eq. 35 (claim EXACT-MM).</remarks>
    public static double LowerBound(Minimizer minimizer)
    {
        ArgumentNullException.ThrowIfNull(minimizer);
        return FlatValue(minimizer.TargetView, minimizer.Depth);
    }

    /// <summary>Eq. 31's value of <c>smax(A_k)</c> at a flat scalar minimizer: <c>|m|^(1 - k/L)</c> (so 1 at <c>k = L</c>).</summary>
    /// <remarks>EXACT eq. 31 (claim EXACT-MM). Stated for flat scalar-ended minimizers; fails at <c>m = 0</c>, <c>L &gt;= 3</c> (see the type remarks).</remarks>
    public static double FlatLeftProductNorm(double m, int depth, int k)
    {
        Preconditions.RequireFinite(m, nameof(m));
        Preconditions.RequireLayerIndex(k, depth, nameof(k));
        return Math.Pow(Math.Abs(m), 1 - ((double)k / depth));
    }

    /// <summary>Eq. 31's value of <c>smax(B_k)</c> at a flat scalar minimizer: <c>|m|^((k-1)/L)</c> (so 1 at <c>k = 1</c>).</summary>
    /// <remarks>EXACT eq. 31 (claim EXACT-MM). Stated for flat scalar-ended minimizers; fails at <c>m = 0</c>, <c>L &gt;= 3</c> (see the type remarks).</remarks>
    public static double FlatRightProductNorm(double m, int depth, int k)
    {
        Preconditions.RequireFinite(m, nameof(m));
        Preconditions.RequireLayerIndex(k, depth, nameof(k));
        return Math.Pow(Math.Abs(m), (k - 1.0) / depth);
    }

    /// <summary>True when every <c>smax(A_k)</c>, <c>smax(B_k)</c> of a scalar-ended minimizer has the value eq. 31 gives,
    /// within <paramref name="tolerance"/> (default <see cref="Tolerance.Flatness"/>), each at the scale of its own value.</summary>
    /// <remarks>EXACT eq. 31 (claim EXACT-MM).</remarks>
    /// <exception cref="ArgumentException">The ends are not scalar.</exception>
    public static bool HasFlatPartialProductNorms(Minimizer minimizer, Tolerance? tolerance = null)
    {
        ArgumentNullException.ThrowIfNull(minimizer);
        if (minimizer.Widths[0] != 1 || minimizer.Widths[^1] != 1)
        {
            throw new ArgumentException($"Eq. 31 needs scalar ends but d_0 = {minimizer.Widths[0]} and d_L = {minimizer.Widths[^1]}.", nameof(minimizer));
        }

        var rule = tolerance ?? Tolerance.Flatness;
        var m = minimizer.TargetView[0, 0];
        var l = minimizer.Depth;
        bool Matches(double actual, double expected) => rule.IsClose(actual, expected, Math.Max(actual, expected));
        return Enumerable.Range(1, l).All(k =>
            Matches(SpectralNorm.OfValidated(minimizer.LeftView(k)), FlatLeftProductNorm(m, l, k)) &&
            Matches(SpectralNorm.OfValidated(minimizer.RightView(k)), FlatRightProductNorm(m, l, k)));
    }
}

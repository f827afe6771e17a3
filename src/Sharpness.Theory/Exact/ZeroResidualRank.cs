// Singh, Bachmann & Hofmann 2021 (claim SINGH-RANK), with EXACT eq. 74: the Hessian rank at a zero-residual point of deep
// matrix factorization, at any widths (bottlenecks below EXACT eq. 17 included).
namespace Sharpness.Theory.Exact;

/// <summary>
/// The Hessian rank at a zero-residual point <c>W_L ... W_1 = M</c> in general position: <c>q (d_0 + d_L - q)</c> with
/// <c>q = min(d_0, d_1, ..., d_L)</c>; at every zero-residual point the rank is at most that.
/// </summary>
/// <remarks>
/// Singh, Bachmann &amp; Hofmann 2021 (claim SINGH-RANK). At zero residual the Hessian is <c>2 K^T K</c> (EXACT eq. 74; the
/// residual term vanishes with the residual, so eq. 74 holds at any widths), so its rank is the rank of the differential
/// <c>K</c> of the product map <c>w -&gt; W_L ... W_1</c>. That map's image is the set of <c>d_L x d_0</c> matrices of rank at
/// most <c>q</c>, a variety of dimension <c>q (d_0 + d_L - q)</c>; the rank of the differential of a polynomial map is at most
/// the dimension of its image everywhere and equal to it on a dense open set (general position). At feasible widths
/// (EXACT eq. 17) <c>q = min(d_0, d_L)</c> and the value is <c>d_0 d_L</c>, EXACT-RANK's bound.
/// </remarks>
public static class ZeroResidualRank
{
    /// <summary><c>q (d_0 + d_L - q)</c>, <c>q = min_i d_i</c>: the Hessian rank in general position, an upper bound everywhere.</summary>
    /// <remarks>Singh, Bachmann &amp; Hofmann 2021 (claim SINGH-RANK), with EXACT eq. 74. Domain: any positive widths.</remarks>
    /// <exception cref="ArgumentException">Fewer than two widths, or a width below 1.</exception>
    public static int GeneralPosition(IReadOnlyList<int> widths)
    {
        Preconditions.RequireWidths(widths, nameof(widths));

        var q = widths.Min();
        return q * (widths[0] + widths[^1] - q);
    }
}

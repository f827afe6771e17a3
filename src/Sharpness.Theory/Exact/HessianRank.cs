// EXACT eq. 74, Sections 1.2 and 7 (claim EXACT-RANK): the Hessian at a minimizer has rank at most d_0 d_L.
namespace Sharpness.Theory.Exact;

/// <summary>EXACT eq. 74: the Hessian <c>2 K^T K</c> at a minimizer has rank at most <c>d_0 d_L</c> (the rows of <c>K</c>).</summary>
public static class HessianRank
{
    /// <summary><c>min(d_0 d_L, N)</c>, the largest rank the Hessian can have at a minimizer.</summary>
    /// <remarks>EXACT eq. 74 (claim EXACT-RANK).</remarks>
    /// <exception cref="ArgumentException">Infeasible or non-positive widths.</exception>
    public static int UpperBound(IReadOnlyList<int> widths)
    {
        Preconditions.RequireFeasibleWidths(widths, nameof(widths));

        return Math.Min(widths[0] * widths[^1], ParameterCount(widths));
    }

    /// <summary>The smallest fraction of zero eigenvalues, <c>1 - d_0 d_L / N</c> (0 when <c>d_0 d_L &gt;= N</c>).</summary>
    /// <remarks>EXACT Sections 1.2 and 7 (claim EXACT-RANK).</remarks>
    /// <exception cref="ArgumentException">Infeasible or non-positive widths.</exception>
    public static double ZeroEigenvalueFraction(IReadOnlyList<int> widths) =>
        1 - ((double)UpperBound(widths) / ParameterCount(widths));

    private static int ParameterCount(IReadOnlyList<int> widths) =>
        Enumerable.Range(1, widths.Count - 1).Sum(i => widths[i] * widths[i - 1]);
}

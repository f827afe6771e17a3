// The closed forms the claims compare, evaluated with rigorous enclosures (issue 10, item 4): EXACT-T4, T5, C6,
// MM eq. 35, REG-T3 printed and corrected, ABS-COLLAPSE's lambda_c and the ABS-TRACE bound. Each returns an interval
// that provably contains the formula's exact value at the instance, so a formula and the Hessian's enclosure
// (on the oracle side) either intersect (the claim holds there up to the enclosures' width) or are disjoint (it
// provably fails there).
using Sharpness.Intervals;

namespace Sharpness.Theory.Certified;

/// <summary>
/// Closed forms of EXACT, REG and ABS with proven enclosures. Matrix formulas are evaluated at the instance given by the
/// layers (doubles, i.e. exact binary rationals) with the target <c>M</c> their exact product <c>W_L ... W_1</c>, where
/// the point is exactly a minimizer (EXACT eq. 19); every product of layers is exact (<see cref="DyadicMatrix"/>) and
/// every eigenvalue is enclosed by <see cref="LambdaMaxEnclosure"/>.
/// </summary>
public static class EnclosedClosedForms
{
    /// <summary>EXACT-T5: <c>2 lambda_max(sum_i B_i^T B_i (x) A_i A_i^T)</c>, enclosed.</summary>
    /// <remarks>EXACT Theorem 5, eq. 22 (claim EXACT-T5): any minimizer.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="minimizer"/> is null.</exception>
    public static Interval Theorem5LambdaMax(Minimizer minimizer)
    {
        ArgumentNullException.ThrowIfNull(minimizer);
        var (left, right) = Products(minimizer);
        DyadicMatrix? sum = null;
        for (var i = 1; i <= minimizer.Depth; i++)
        {
            var term = DyadicMatrix.Kronecker(right[i].Transpose() * right[i], left[i] * left[i].Transpose());
            sum = sum is null ? term : sum + term;
        }

        return Interval.Point(2) * LambdaMaxEnclosure.Of(sum!.Enclose()).Value;
    }

    /// <summary>EXACT-T4: <c>2 sum_i smax(A_i)^2 smax(B_i)^2</c> for scalar ends, where <c>smax(A_i)^2 = ||A_i||_F^2</c> is exact.</summary>
    /// <remarks>EXACT Theorem 4, eq. 21 (claim EXACT-T4): <c>d_0 = d_L = 1</c>.</remarks>
    /// <exception cref="ArgumentException">The ends are not scalar.</exception>
    public static Interval Theorem4LambdaMax(Minimizer minimizer)
    {
        ArgumentNullException.ThrowIfNull(minimizer);
        if (minimizer.Widths[0] != 1 || minimizer.Widths[^1] != 1)
        {
            throw new ArgumentException($"Theorem 4 needs scalar ends (d_0 = d_L = 1), not d_0 = {minimizer.Widths[0]}, d_L = {minimizer.Widths[^1]}.", nameof(minimizer));
        }

        var (left, right) = Products(minimizer);
        var sum = Dyadic.Zero;
        for (var i = 1; i <= minimizer.Depth; i++)
        {
            // A_i is a row and B_i a column: each has rank one, so its spectral norm is its Frobenius norm.
            sum += left[i].FrobeniusSquared() * right[i].FrobeniusSquared();
        }

        return (sum + sum).Enclose();
    }

    /// <summary>EXACT-C6: <c>2 (smax(W_2)^2 + smax(W_1)^2)</c> at depth 2, enclosed.</summary>
    /// <remarks>EXACT Corollary 6, eq. 25 (claim EXACT-C6): depth 2, <c>k &gt;= min(d_0, d_2)</c>.</remarks>
    /// <exception cref="ArgumentException">The depth is not 2.</exception>
    public static Interval Corollary6LambdaMax(Minimizer minimizer)
    {
        ArgumentNullException.ThrowIfNull(minimizer);
        if (minimizer.Depth != 2)
        {
            throw new ArgumentException($"Corollary 6 is about depth 2, not {minimizer.Depth}.", nameof(minimizer));
        }

        var w1 = DyadicMatrix.Of(minimizer.Layer(1).ToArray());
        var w2 = DyadicMatrix.Of(minimizer.Layer(2).ToArray());
        return Interval.Point(2) * (SpectralNormSquared(w2) + SpectralNormSquared(w1));
    }

    /// <summary>EXACT-MM eq. 35: the flat value <c>2 L smax(M)^(2 (1 - 1/L))</c> of the exact product <c>M</c>, enclosed.</summary>
    /// <remarks>EXACT eq. 35 (claim EXACT-MM, quoted from Mulayoff and Michaeli 2020): the smallest lambda_max over the minimizers of <c>M</c>.</remarks>
    public static Interval FlatValue(Minimizer minimizer)
    {
        ArgumentNullException.ThrowIfNull(minimizer);
        var (left, _) = Products(minimizer);
        var product = left[1] * DyadicMatrix.Of(minimizer.Layer(1).ToArray());
        var depth = minimizer.Depth;
        return Interval.Point(2 * depth) * SpectralNormSquared(product).Power(depth - 1, depth);
    }

    /// <summary>ABS-COLLAPSE: <c>lambda_c = L/(L-1) ((L-2)/(L-1))^(1-2/L) |m|^(2 (1 - 1/L))</c>, enclosed.</summary>
    /// <remarks>ABS (claim ABS-COLLAPSE); derivation in <see cref="Regularized.CriticalLambda"/>. Domain: finite m, L &gt;= 2.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">Depth below 2.</exception>
    public static Interval CriticalLambda(double m, int depth)
    {
        Preconditions.RequireFinite(m, nameof(m));
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 2);
        var ratio = Interval.Point(depth) / Interval.Point(depth - 1);
        var tie = depth == 2 ? Interval.Point(1) : (Interval.Point(depth - 2) / Interval.Point(depth - 1)).Power(depth - 2, depth);
        return ratio * tie * Interval.Point(m).Square().Power(depth - 1, depth);
    }

    /// <summary>REG-T3 as printed (eq. 17): <c>4 lambda/L</c> (L - 1 times) and <c>2 L w^(2L-2) + 4 lambda/L - 2 lambda</c>, enclosed.</summary>
    /// <remarks>REG Theorem 3, eq. 17 (claim REG-T3).</remarks>
    public static IReadOnlyList<Interval> Theorem3PrintedEigenvalues(double w, double lambda, int depth)
    {
        Preconditions.RequireNonNegative(w, nameof(w));
        Preconditions.RequirePositive(lambda, nameof(lambda));
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 2);
        var repeated = Interval.Point(4 * lambda) / Interval.Point(depth);
        var powered = Power(Interval.Point(w), (2 * depth) - 2);
        var last = (Interval.Point(2 * depth) * powered) + repeated - Interval.Point(2 * lambda);
        return [.. Enumerable.Repeat(repeated, depth - 1), last];
    }

    /// <summary>REG-T3 corrected at collapsed minimizers: eq. 17 for <c>w &gt; 0</c>; <c>2 lambda/L</c> (L times) at <c>w = 0</c>, L &gt;= 3; <c>lambda -+ 2|m|</c> at <c>w = 0</c>, L = 2.</summary>
    /// <remarks>REG Theorem 3 corrected (claim REG-T3); derivation in <see cref="Regularized.Theorem3"/>.</remarks>
    public static IReadOnlyList<Interval> Theorem3Eigenvalues(double m, double w, double lambda, int depth)
    {
        Preconditions.RequireFinite(m, nameof(m));
        if (w > 0)
        {
            return Theorem3PrintedEigenvalues(w, lambda, depth);
        }

        Preconditions.RequirePositive(lambda, nameof(lambda));
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 2);
        var twiceM = Interval.Point(2) * Interval.Point(Math.Abs(m));
        return depth == 2
            ? [Interval.Point(lambda) - twiceM, Interval.Point(lambda) + twiceM]
            : [.. Enumerable.Repeat(Interval.Point(2 * lambda) / Interval.Point(depth), depth)];
    }

    /// <summary>ABS-TRACE: <c>2 c^(L-1) r^(2-L) (d_0 + d_L + (L-2) r) + 2 lambda N / L</c>, enclosed.</summary>
    /// <remarks>ABS (claim ABS-TRACE); derivation in <see cref="Regularized.TraceLowerBound"/>.</remarks>
    public static Interval TraceLowerBound(IReadOnlyList<int> widths, double lambda, double layerFrobeniusSquared)
    {
        var (depth, r, n) = Regularized.TraceLowerBound.Shape(widths, lambda, layerFrobeniusSquared);
        var curvature = Interval.Point(2) * Power(Interval.Point(layerFrobeniusSquared), depth - 1)
            * (Interval.Point(widths[0] + widths[^1] + ((depth - 2) * r)) / Power(Interval.Point(r), depth - 2));
        return curvature + (Interval.Point(2 * lambda) * Interval.Point(n) / Interval.Point(depth));
    }

    private static Interval SpectralNormSquared(DyadicMatrix x) =>
        LambdaMaxEnclosure.Of((x.Transpose() * x).Enclose()).Value;

    private static Interval Power(Interval x, int n)
    {
        var result = Interval.Point(1);
        for (var i = 0; i < n; i++)
        {
            result *= x;
        }

        return result;
    }

    // A_i = W_L ... W_(i+1) and B_i = W_(i-1) ... W_1, exactly, for i = 1..L.
    private static (DyadicMatrix[] Left, DyadicMatrix[] Right) Products(Minimizer minimizer)
    {
        var depth = minimizer.Depth;
        var w = minimizer.Layers().Select(l => DyadicMatrix.Of(l.ToArray())).ToArray();
        var left = new DyadicMatrix[depth + 1];
        var right = new DyadicMatrix[depth + 1];
        left[depth] = DyadicMatrix.Identity(minimizer.Widths[depth]);
        for (var i = depth - 1; i >= 1; i--)
        {
            left[i] = left[i + 1] * w[i];
        }

        right[1] = DyadicMatrix.Identity(minimizer.Widths[0]);
        for (var i = 1; i < depth; i++)
        {
            right[i + 1] = w[i - 1] * right[i];
        }

        return (left, right);
    }
}

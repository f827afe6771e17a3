// PositiveDefiniteness: a proof that a symmetric floating-point matrix is positive definite, from one
// floating-point Cholesky factorization (Rump's criterion).
namespace Sharpness.Intervals;

/// <summary>
/// Rump's floating-point criterion for positive definiteness: a symmetric matrix <c>A</c> of doubles with a non-negative
/// diagonal is positive definite if the floating-point Cholesky factorization of <c>A - c I</c> runs to completion with
/// positive pivots, where <c>c &gt;= gamma_(n+1) tr(A) + 4 eta n (2 (n+1) + max_i A_ii)</c>, <c>gamma_k = k u / (1 - k u)</c>,
/// <c>u = 2^-53</c>, <c>eta = 2^-1074</c> and <c>3 (n+1) u &lt; 1</c>.
/// </summary>
/// <remarks>
/// S. M. Rump, "Verification of positive definiteness", BIT Numerical Mathematics 46 (2006) 433-452, Corollary 2.4,
/// with the constant of Rump and Jeannerod, "Improved backward error bounds for LU and Cholesky factorizations",
/// SIAM J. Matrix Anal. Appl. 35 (2014) 684-698; the statement as formally proved in Coq by Roux, Martin-Dorel and
/// Magron (ValidSDP, lemma <c>corollary_2_4_with_c_upper_bound</c>). It covers gradual underflow (the <c>eta</c> term) and
/// requires that no overflow occurs (checked: every computed value must be finite). The bound holds for the plain
/// recursive summation order used here; every rounding in computing <c>c</c> and <c>A - c I</c> is directed outward.
/// </remarks>
public static class PositiveDefiniteness
{
    private const double UnitRoundoff = 1.1102230246251565e-16; // 2^-53

    /// <summary>
    /// True when the symmetric matrix <paramref name="a"/> (<c>n x n</c>, row-major) is proven positive definite; false
    /// when the criterion does not decide (the matrix may still be positive definite, but not by a margin the
    /// criterion can see).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="a"/> does not have <c>n * n</c> entries, or is not exactly symmetric.</exception>
    public static bool IsProven(ReadOnlySpan<double> a, int n)
    {
        if (n < 1 || a.Length != n * n)
        {
            throw new ArgumentException($"A {n}x{n} matrix has {n * n} entries, not {a.Length}.", nameof(a));
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                if (!a[(i * n) + j].Equals(a[(j * n) + i]))
                {
                    throw new ArgumentException($"The matrix is not symmetric: entries ({i + 1},{j + 1}) and ({j + 1},{i + 1}) differ.", nameof(a));
                }
            }
        }

        var k = n + 1.0;
        if (3 * k * UnitRoundoff >= 1)
        {
            return false;
        }

        var trace = 0.0;
        var maxDiagonal = 0.0;
        for (var i = 0; i < n; i++)
        {
            var d = a[(i * n) + i];
            if (!(d >= 0) || !double.IsFinite(d))
            {
                return false;
            }

            trace = DirectedRounding.AddUp(trace, d);
            maxDiagonal = Math.Max(maxDiagonal, d);
        }

        var ku = DirectedRounding.MultiplyUp(k, UnitRoundoff);
        var gamma = DirectedRounding.DivideUp(ku, DirectedRounding.SubtractDown(1, ku));
        var underflowTerm = DirectedRounding.MultiplyUp(
            DirectedRounding.MultiplyUp(4 * double.Epsilon, n),
            DirectedRounding.AddUp(2 * k, maxDiagonal));
        var shift = DirectedRounding.AddUp(DirectedRounding.MultiplyUp(gamma, trace), underflowTerm);
        return CholeskySucceeds(a, n, shift);
    }

    // Plain floating-point Cholesky A - shift I = R^T R, R upper triangular stored by columns (column j holds R_kj, k <= j),
    // so that every inner product runs over contiguous memory in the order k = 0, 1, ...
    private static bool CholeskySucceeds(ReadOnlySpan<double> a, int n, double shift)
    {
        var columns = new double[n][];
        for (var j = 0; j < n; j++)
        {
            columns[j] = new double[j + 1];
        }

        for (var i = 0; i < n; i++)
        {
            var ci = columns[i];
            var pivot = DirectedRounding.SubtractDown(a[(i * n) + i], shift);
            for (var k = 0; k < i; k++)
            {
                pivot -= ci[k] * ci[k];
            }

            if (!(pivot > 0) || !double.IsFinite(pivot))
            {
                return false;
            }

            var rii = Math.Sqrt(pivot);
            ci[i] = rii;
            for (var j = i + 1; j < n; j++)
            {
                var cj = columns[j];
                var s = a[(i * n) + j];
                for (var k = 0; k < i; k++)
                {
                    s -= ci[k] * cj[k];
                }

                var rij = s / rii;
                if (!double.IsFinite(rij))
                {
                    return false;
                }

                cj[i] = rij;
            }
        }

        return true;
    }
}

// Flat scalar-ended minimizers that are not balanced (claims EXACT-C7, EXACT-MM): a balanced rank-one chain
// plus components on the orthogonal complements, which A_k and B_k never see.
using MathNet.Numerics.LinearAlgebra;

namespace Sharpness.Theory.Constructions;

/// <summary>
/// Scalar-ended minimizers <c>W_i = s q_i q_(i-1)^T + N_i</c> with <c>s = |m|^(1/L)</c>, unit <c>q_i</c>
/// (<c>q_0 = 1</c>, <c>q_L = sign(m)</c>) and <c>N_i = (I - q_i q_i^T) G_i (I - q_(i-1) q_(i-1)^T)</c>.
/// </summary>
/// <remarks>
/// Since <c>q_i^T N_i = 0</c> and <c>N_i q_(i-1) = 0</c>, <c>A_k = s^(L-k) q_k^T</c> and <c>B_k = s^(k-1) q_(k-1)</c>
/// whatever <c>N_i</c> is, so <c>smax(A_k) smax(B_k) = |m|^(1 - 1/L)</c> (flat by EXACT Corollary 7, claim EXACT-C7)
/// while <c>W_i W_i^T != W_(i+1)^T W_(i+1)</c> as soon as some <c>N_i != 0</c> (needs a hidden width of 2 or more and L &gt;= 3).
/// </remarks>
public static class ScalarFlat
{
    /// <summary>A flat minimizer of the scalar target <paramref name="m"/> with widths <c>1, d_1, ..., d_(L-1), 1</c> and
    /// complement components of size <paramref name="noise"/> (0 gives a balanced minimizer).</summary>
    /// <remarks>EXACT Corollary 7 (claim EXACT-C7) and eq. 31 (claim EXACT-MM).</remarks>
    /// <exception cref="ArgumentException">Ends that are not 1, or non-finite arguments.</exception>
    public static Minimizer WithComplementNoise(double m, IReadOnlyList<int> widths, Random random, double noise)
    {
        Preconditions.RequireFinite(m, nameof(m));
        Preconditions.RequireNonNegative(noise, nameof(noise));
        ArgumentNullException.ThrowIfNull(random);
        var target = Matrix<double>.Build.Dense(1, 1, m);
        Widths.Require(widths, target);
        var depth = widths.Count - 1;
        var s = Math.Pow(Math.Abs(m), 1.0 / depth);
        var q = new Vector<double>[depth + 1];
        q[0] = Vector<double>.Build.Dense(1, 1);
        q[depth] = Vector<double>.Build.Dense(1, m < 0 ? -1 : 1);
        for (var i = 1; i < depth; i++)
        {
            q[i] = RandomMatrices.Orthonormal(widths[i], 1, random).Column(0);
        }

        var layers = new List<Matrix<double>>();
        for (var i = 1; i <= depth; i++)
        {
            var chain = s * q[i].OuterProduct(q[i - 1]);
            var outer = Matrix<double>.Build.DenseIdentity(widths[i]) - q[i].OuterProduct(q[i]);
            var inner = Matrix<double>.Build.DenseIdentity(widths[i - 1]) - q[i - 1].OuterProduct(q[i - 1]);
            layers.Add(chain + (outer * RandomMatrices.Gaussian(widths[i], widths[i - 1], random, noise) * inner));
        }

        return Minimizer.Of(new Factorization(layers, target));
    }
}

// EXACT Corollary 6 (claim EXACT-C6): depth-2 lambda_max = 2 (smax(L)^2 + smax(R)^2) and its maximizer (eq. 89).
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Theory.Linear;

namespace Sharpness.Theory.Exact;

/// <summary>
/// EXACT Corollary 6: for <c>||M - L R^T||_F^2</c> (so <c>W_1 = R^T</c>, <c>W_2 = L</c>),
/// <c>lambda_max = 2 (smax(L)^2 + smax(R)^2)</c> at every minimizer (eq. 25).
/// </summary>
public static class Corollary6
{
    /// <summary><c>2 (smax(L)^2 + smax(R)^2)</c>.</summary>
    /// <remarks>EXACT Corollary 6, eq. 25 (claim EXACT-C6). Domain: depth-2 minimizers, <c>k &gt;= min(d_0, d_L)</c>.</remarks>
    /// <exception cref="ArgumentException">The depth is not 2.</exception>
    public static double LambdaMax(Minimizer minimizer)
    {
        RequireDepthTwo(minimizer);
        return 2 * (Math.Pow(SpectralNorm.OfValidated(minimizer.LayerView(2)), 2) + Math.Pow(SpectralNorm.OfValidated(minimizer.LayerView(1)), 2));
    }

    /// <summary>
    /// The direction of eq. 89: with <c>L = sum s_L u_L v_L^T</c> and <c>R = sum s_R u_R v_R^T</c> (top singular pairs),
    /// <c>U^T = s_L / sqrt(s_L^2 + s_R^2) v_L u_R^T</c> (the block of <c>W_1 = R^T</c>) and
    /// <c>V = s_R / sqrt(s_L^2 + s_R^2) u_L v_R^T</c> (the block of <c>W_2 = L</c>).
    /// </summary>
    /// <remarks>EXACT Corollary 6, Appendix C.2, eq. 89 (claim EXACT-C6). At <c>L = R = 0</c> the first coordinate is returned.</remarks>
    /// <exception cref="ArgumentException">The depth is not 2.</exception>
    public static Direction MaximizingDirection(Minimizer minimizer)
    {
        RequireDepthTwo(minimizer);
        var l = minimizer.LayerView(2);
        var r = minimizer.LayerView(1).Transpose();
        var (sL, uL, vL) = TopSingularTriple(l);
        var (sR, uR, vR) = TopSingularTriple(r);
        var norm = Math.Sqrt((sL * sL) + (sR * sR));
        if (norm == 0)
        {
            return Theorem4.UnitOrFirstCoordinate([Matrix<double>.Build.Dense(r.ColumnCount, r.RowCount), Matrix<double>.Build.Dense(l.RowCount, l.ColumnCount)]);
        }

        var uT = (sL / norm) * vL.OuterProduct(uR);
        var v = (sR / norm) * uL.OuterProduct(vR);
        return new Direction([uT, v]);
    }

    internal static (double Value, Vector<double> Left, Vector<double> Right) TopSingularTriple(Matrix<double> x)
    {
        var svd = ScaledSvd.Of(x, computeVectors: true);
        return (svd.S[0], svd.U.Column(0), svd.VT.Row(0));
    }

    internal static void RequireDepthTwo(Minimizer minimizer)
    {
        ArgumentNullException.ThrowIfNull(minimizer);
        if (minimizer.Depth != 2)
        {
            throw new ArgumentException($"This depth-2 statement needs L = 2 but the minimizer has depth {minimizer.Depth}.", nameof(minimizer));
        }
    }
}

// EXACT Section 6 (claim EXACT-CE): M = diag(11, 2, 1), L = diag(sqrt 11, 2/3, 1), R = diag(sqrt 11, 3, 1)
// is flat (lambda_max = 44 = 4 smax(M)) but neither balanced nor Frobenius-balanced.
using MathNet.Numerics.LinearAlgebra;

namespace Sharpness.Theory.Exact;

/// <summary>
/// The counterexample of EXACT Section 6: flat minima need not be balanced.
/// <c>M = diag(11, 2, 1)</c>, <c>L = diag(sqrt 11, 2/3, 1)</c>, <c>R = diag(sqrt 11, 3, 1)</c>, <c>M = L R^T</c>.
/// </summary>
public static class Section6Counterexample
{
    /// <summary>The target <c>diag(11, 2, 1)</c>.</summary>
    /// <remarks>EXACT Section 6, eq. 37 (claim EXACT-CE).</remarks>
    public static Matrix<double> Target() => Matrix<double>.Build.DenseOfDiagonalArray([11, 2, 1]);

    /// <summary>The left factor <c>L = diag(sqrt 11, 2/3, 1)</c>.</summary>
    /// <remarks>EXACT Section 6 (claim EXACT-CE).</remarks>
    public static Matrix<double> Left() => Matrix<double>.Build.DenseOfDiagonalArray([Math.Sqrt(11), 2.0 / 3.0, 1]);

    /// <summary>The right factor <c>R = diag(sqrt 11, 3, 1)</c>.</summary>
    /// <remarks>EXACT Section 6 (claim EXACT-CE).</remarks>
    public static Matrix<double> Right() => Matrix<double>.Build.DenseOfDiagonalArray([Math.Sqrt(11), 3, 1]);

    /// <summary>The minimizer <c>(W_1, W_2) = (R^T, L)</c> of <c>||diag(11, 2, 1) - L R^T||_F^2</c>.</summary>
    /// <remarks>EXACT Section 6 (claim EXACT-CE).</remarks>
    public static Minimizer Minimizer() => Theory.Minimizer.Of(new Factorization([Right().Transpose(), Left()], Target()));

    /// <summary>The value the paper gives for its sharpness: 44, which is <c>4 smax(M)</c>, the flat value for depth 2.</summary>
    /// <remarks>EXACT Section 6 (claim EXACT-CE).</remarks>
    public const double PublishedLambdaMax = 44;
}

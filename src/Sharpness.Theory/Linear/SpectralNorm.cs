using MathNet.Numerics.LinearAlgebra;

namespace Sharpness.Theory.Linear;

/// <summary>The spectral norm <c>smax(X)</c>, the largest singular value (EXACT notation sigma_max).</summary>
public static class SpectralNorm
{
    /// <summary><c>smax(X)</c>, computed from the SVD (0 for a zero matrix).</summary>
    /// <exception cref="ArgumentException">A non-finite entry.</exception>
    public static double Of(Matrix<double> x)
    {
        Preconditions.RequireFinite(x, nameof(x), "The matrix");
        return OfValidated(x);
    }

    internal static double OfValidated(Matrix<double> x)
    {
        return ScaledSvd.SingularValues(x)[0];
    }
}

using MathNet.Numerics.LinearAlgebra;

namespace Sharpness.Theory.Linear;

/// <summary>
/// The SVD of <c>X</c> computed as the SVD of <c>X / ||X||_F</c> with the singular values scaled back.
/// MathNet 5's managed SVD uses absolute thresholds, so on matrices with tiny entries (products of many small
/// layers, 1e-15 and below) it loses relative accuracy: the suite found eq. 34's bound off by 2% at scale 1e-3,
/// depth 6. Normalizing first makes every SVD in the library scale-invariant.
/// </summary>
internal static class ScaledSvd
{
    internal static (Vector<double> S, Matrix<double> U, Matrix<double> VT) Of(Matrix<double> x, bool computeVectors)
    {
        var norm = x.FrobeniusNorm();
        var svd = (norm > 0 ? x / norm : x).Svd(computeVectors);
        return (svd.S * norm, svd.U, svd.VT);
    }
}

using MathNet.Numerics.LinearAlgebra;
using Sharpness.Oracles;

namespace Sharpness.Verification.Claims.Reg;

/// <summary>The oracle at a regularized scalar point: loss, gradient, dense Hessian and its spectrum.</summary>
internal static class RegularizedScalarOracle
{
    internal static LossLandscape Landscape(double m, double lambda, IReadOnlyList<double> layers) =>
        new([.. layers.Select(x => Matrix<double>.Build.Dense(1, 1, x))], Matrix<double>.Build.Dense(1, 1, m), lambda);

    internal static DenseHessian Dense(double m, double lambda, IReadOnlyList<double> layers) =>
        DenseHessian.Of(Landscape(m, lambda, layers).DenseHessian());
}

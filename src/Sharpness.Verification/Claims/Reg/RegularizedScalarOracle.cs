using MathNet.Numerics.LinearAlgebra;
using Sharpness.Oracles;

namespace Sharpness.Verification.Claims.Reg;

/// <summary>The oracle at a regularized scalar point: loss, gradient, dense Hessian and its spectrum.</summary>
internal static class RegularizedScalarOracle
{
    internal static LossLandscape Landscape(double m, double lambda, IReadOnlyList<double> layers) =>
        new([.. layers.Select(x => Matrix<double>.Build.Dense(1, 1, x))], Matrix<double>.Build.Dense(1, 1, m), lambda);

    /// <summary>
    /// The size of loss values, <c>m^2 + lambda |m|^(2/L)</c> (<c>lambda^(L/(L-1))</c> at <c>m = 0</c>): homogeneous like the loss, so
    /// that a check judged at it means the same at every scale (<c>m^2 + lambda</c> is not: at <c>m = 1e-30</c> it is lambda alone).
    /// </summary>
    internal static double ValueScale(double m, double lambda, int depth) =>
        Sharpness.Theory.Regularized.RegularizedMinimum.ValueScale(Matrix<double>.Build.Dense(1, 1, m), depth, lambda);

    /// <summary>The problem's length and loss scale (<see cref="ProblemScale"/>).</summary>
    internal static ProblemScale Scale(double m, double lambda, int depth) => ProblemScale.Of(ValueScale(m, lambda, depth), depth);

    internal static DenseHessian Dense(double m, double lambda, IReadOnlyList<double> layers) =>
        DenseHessian.Of(Landscape(m, lambda, layers).DenseHessian());
}

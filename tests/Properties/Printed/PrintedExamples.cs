// The fixed examples of the printed sub-claims build two-layer minimizers from literal matrices and read the oracle's lambda_max.
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Oracles;
using Sharpness.Theory;

namespace Sharpness.Tests.Properties.Printed;

internal static class PrintedExamples
{
    /// <summary>The minimizer <c>(W_1, W_2)</c> of its own product.</summary>
    internal static Minimizer TwoLayers(double[,] w1, double[,] w2) =>
        Minimizer.OfProduct([Matrix<double>.Build.DenseOfArray(w1), Matrix<double>.Build.DenseOfArray(w2)]);

    /// <summary>The largest eigenvalue of the oracle's dense Hessian at <paramref name="minimizer"/>.</summary>
    internal static double OracleLambdaMax(Minimizer minimizer) =>
        DenseSpectrum.Eigenvalues(new LossLandscape(minimizer.Layers(), minimizer.Target).DenseHessian())[^1];
}

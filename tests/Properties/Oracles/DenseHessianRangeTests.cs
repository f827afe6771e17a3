// The dense Hessian where layer scales differ widely: its Gram products are balanced per layer by a power of two.
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Oracles;
using Xunit;

namespace Sharpness.Tests.Properties.Oracles;

public sealed class DenseHessianRangeTests
{
    // Was: layers of sizes 1e-160, 1e-160, 1e160 (Hessian entries near 10) gave Infinity and NaN in the W_2 block, because
    // A_2^T A_2 = W_3^T W_3 (1e320) overflowed and B_2 B_2^T = W_1 W_1^T (1e-320) was subnormal; MathNet's EVD then threw
    // IndexOutOfRangeException. Balancing the factors by powers of two is exact, so the block is what it is at scale 1.
    // With a zero entry in W_1 and W_3: the balance is taken from the largest entries, and a zero must not make it 1.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void DenseHessian_FiniteWhereGramProductsOfLayersWouldOverflow(bool withZeroEntries)
    {
        double[] scales = [1e-160, 1e-160, 1e160];
        var random = new Random(1);
        var layers = scales.Select(s => Matrix<double>.Build.Dense(2, 2, (_, _) => s * ((2 * random.NextDouble()) - 1))).ToArray();
        if (withZeroEntries)
        {
            layers[0][0, 1] = 0;
            layers[2][1, 0] = 0;
        }

        var product = layers[2] * (layers[1] * layers[0]);
        var hessian = new LossLandscape(layers, product).DenseHessian();

        Assert.All(hessian.Enumerate(), x => Assert.True(double.IsFinite(x), $"entry {x}"));

        // The W_2 diagonal block is 2 (W_1 W_1^T) kron (W_3^T W_3); with W_1 = 1e-160 U and W_3 = 1e160 V it is 2 (U U^T) kron (V^T V).
        var u = layers[0] * 1e160;
        var v = layers[2] * 1e-160;
        var expected = 2 * (u * u.Transpose()).KroneckerProduct(v.Transpose() * v);
        var block = hessian.SubMatrix(4, 4, 4, 4);
        Assert.True((block - expected).FrobeniusNorm() <= 1e-12 * expected.FrobeniusNorm(), $"block {block} vs {expected}");
        Assert.True(DenseSpectrum.Eigenvalues(hessian)[^1] > 0);
    }
}

// Minimizers whose partial products are subnormal while the Hessian is of size 1: the layers' scales 2^-a, 2^-a, 2^a
// (a in 512..530) make W_2 W_1 near 2^-2a, below the least normal double, and the product, the target, near 2^-a.
// Drawn on purpose: random scales never land there, and there the oracles' residual once lost its digits (4e-4 off).
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Oracles;
using Sharpness.Theory;
using Sharpness.Theory.Exact;
using Xunit;

namespace Sharpness.Tests.Properties.Oracles;

public sealed class SubnormalPartialProductTests
{
    /// <summary>Twenty-four draws: depth 3 or 4, widths 2 or 3, the exponent a, Gaussian layers; each case's seed is its number.</summary>
    public static TheoryData<int> Seeds => [.. Enumerable.Range(0, 24)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ExactT5_AgreesWithBothOracles_WherePartialProductsAreSubnormal(int seed)
    {
        var random = new Random(seed);
        var depth = 3 + random.Next(2);
        var widths = Enumerable.Range(0, depth + 1).Select(_ => 2 + random.Next(2)).ToArray();

        // Feasible (EXACT eq. 17): every hidden width at least min(d_0, d_L).
        var least = Math.Min(widths[0], widths[depth]);
        for (var k = 1; k < depth; k++)
        {
            widths[k] = Math.Max(widths[k], least);
        }

        var a = 512 + random.Next(19);

        // Exponents -a, -a, +a (then 0): the first two layers tiny, the third undoing one of them.
        int[] exponents = [-a, -a, a, 0];
        var layers = Enumerable.Range(0, depth)
            .Select(k => OracleSamples.Gaussian(random, widths[k + 1], widths[k], Math.ScaleB(1.0, exponents[k])))
            .ToList();
        var partial = layers[1] * layers[0];
        var smallest = partial.Enumerate().Where(x => x != 0).Min(Math.Abs);
        Assert.True(partial.Enumerate().Max(Math.Abs) < 2.2250738585072014e-308, $"W_2 W_1 is not subnormal (a = {a})");
        Assert.True(smallest > 0);

        var minimizer = Minimizer.OfProduct(layers);
        var formula = Theorem5.LambdaMax(minimizer);
        var landscape = new LossLandscape(layers, minimizer.Target);
        var dense = DenseSpectrum.Eigenvalues(landscape.DenseHessian())[^1];
        var lanczos = Lanczos.Largest(landscape.HessianOperator()).Eigenvalue;

        // At a minimizer the Hessian is PSD, so lambda_max is its norm: the dense oracle's tolerance (1e-9 of the norm)
        // and Lanczos's (its stopping rule, 1e-11, with room) apply relative to it.
        Assert.True(Tolerance.DenseOracle.IsClose(formula, dense, Math.Abs(dense)), $"seed {seed}, a = {a}: EXACT-T5 {formula:R}, dense {dense:R}");
        Assert.True(Tolerance.LanczosOracle.IsClose(formula, lanczos, Math.Abs(lanczos)), $"seed {seed}, a = {a}: EXACT-T5 {formula:R}, Lanczos {lanczos:R}");
    }
}

// EXACT-RANK/printed: the printed "at least 1 - 1/L of the eigenvalues are zero", its rejections and smallest counterexample.
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Oracles;
using Xunit;

namespace Sharpness.Tests.Properties.Printed;

[Trait("Claim", "EXACT-RANK/printed")]
public sealed class ExactRankPrintedTests
{
    [Fact]
    public void ExactRankPrinted_ZeroFractionBelowOneMinusOneOverL_WhenEndsDiffer() => ClaimAssert.Holds("EXACT-RANK/printed", "ZeroFractionBelowOneMinusOneOverL_WhenEndsDiffer");

    [Fact]
    public void ExactRankPrinted_Rejects_PrintedFraction() => ClaimAssert.Rejects("EXACT-RANK/printed", "PrintedFraction");

    [Fact]
    public void ExactRankPrinted_Rejects_MinimumOfEnds() => ClaimAssert.Rejects("EXACT-RANK/printed", "MinimumOfEnds");

    [Fact]
    public void ExactRankPrinted_Fails_SmallestCase()
    {
        // Widths (1, 1, 2): W_1 = [1], W_2 = [1; 0], N = 3. K = [I (x) W_2 | W_1^T (x) I] = [[1, 1, 0], [0, 0, 1]], H = 2 K^T K.
        var landscape = new LossLandscape(
            [Matrix<double>.Build.Dense(1, 1, 1), Matrix<double>.Build.DenseOfArray(new double[,] { { 1 }, { 0 } })],
            Matrix<double>.Build.DenseOfArray(new double[,] { { 1 }, { 0 } }));
        var eigenvalues = DenseSpectrum.Eigenvalues(landscape.DenseHessian());

        Assert.Equal(new[] { 0.0, 2, 4 }, eigenvalues.Select(e => Math.Round(e, 12) + 0.0).ToArray());
        Assert.True(1.0 / 3 < 1 - (1.0 / 2), "one zero eigenvalue of three is below the printed 1 - 1/L = 1/2");
    }
}

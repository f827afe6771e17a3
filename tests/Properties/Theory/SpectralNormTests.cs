using MathNet.Numerics.LinearAlgebra;
using Sharpness.Theory.Linear;
using Xunit;

namespace Sharpness.Tests.Properties.Theory;

/// <summary>
/// <see cref="SpectralNorm"/> beyond <see cref="SpectralNorm.SvdLimit"/>, where it is the square root of the Gram matrix's
/// top eigenvalue from a Krylov iteration: against MathNet's SVD of the same matrix, and against exact values on the shapes
/// a Krylov method can get wrong (a top singular value repeated or separated by 1e-9, rank one, the identity, zero), in both
/// orientations and at the edges of the double range.
/// </summary>
public sealed class SpectralNormTests
{
    // Both computations are backward stable to a few d eps of smax (d <= 420 here: about 1e-13); 1e-12 keeps a margin of
    // ten, while a wrong root, a wrong side of the Gram matrix or a missed top value is off by far more.
    private const double Agreement = 1e-12;

    private const int Beyond = SpectralNorm.SvdLimit + 1;

    public static TheoryData<int, int> Shapes => new() { { Beyond, Beyond }, { Beyond + 19, Beyond }, { Beyond, Beyond + 19 }, { 420, Beyond } };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void SpectralNorm_BeyondTheSvdLimit_AgreesWithTheSvd(int rows, int columns)
    {
        var x = Gaussian(new Random(rows + (7 * columns)), rows, columns);
        var svd = x.Svd(computeVectors: false).S[0];
        Assert.Equal(svd, SpectralNorm.Of(x), Agreement * svd);
    }

    [Theory]
    [InlineData(3, 0.0)]
    [InlineData(1, 1e-9)]
    [InlineData(1, 0.5)]
    public void SpectralNorm_BeyondTheSvdLimit_WithARepeatedOrCloseTop_IsTheTop(int repeated, double gap)
    {
        // X = U diag(s) V^T with s = 5 (repeated times), 5 (1 - gap), then values in [0, 4): smax = 5 exactly.
        var random = new Random(11);
        var (rows, columns) = (Beyond + 10, Beyond);
        var s = Enumerable.Range(0, columns).Select(i => i < repeated ? 5 : i == repeated ? 5 * (1 - gap) : 4 * random.NextDouble()).ToArray();
        var x = Orthogonal(random, rows) * Matrix<double>.Build.DenseOfDiagonalArray(rows, columns, s) * Orthogonal(random, columns).Transpose();
        Assert.Equal(5, SpectralNorm.Of(x), Agreement * 5);
        Assert.Equal(5, SpectralNorm.Of(x.Transpose()), Agreement * 5);
    }

    [Fact]
    public void SpectralNorm_BeyondTheSvdLimit_OfARankOneMatrix_IsTheProductOfTheNorms()
    {
        var random = new Random(3);
        var u = Gaussian(random, Beyond + 5, 1);
        var v = Gaussian(random, 1, Beyond);
        var expected = u.FrobeniusNorm() * v.FrobeniusNorm();
        Assert.Equal(expected, SpectralNorm.Of(u * v), Agreement * expected);
    }

    [Fact]
    public void SpectralNorm_BeyondTheSvdLimit_OfTheIdentityAndOfZero_IsOneAndZero()
    {
        Assert.Equal(1, SpectralNorm.Of(Matrix<double>.Build.DenseIdentity(Beyond)), Agreement);
        Assert.Equal(0, SpectralNorm.Of(Matrix<double>.Build.Dense(Beyond, Beyond + 3)));
    }

    [Theory]
    [InlineData(1e300)]
    [InlineData(1e-300)]
    [InlineData(1e-320)]
    public void SpectralNorm_BeyondTheSvdLimit_IsScaleInvariant(double scale)
    {
        // diag(3, 4, 1, ..., 1) times a power of ten: smax = 4 scale, with entries that overflow or underflow when squared.
        var x = Matrix<double>.Build.DenseOfDiagonalArray(Beyond, Beyond + 2, [.. Enumerable.Range(0, Beyond).Select(i => i == 0 ? 3 : i == 1 ? 4.0 : 1)]) * scale;
        Assert.Equal(4 * scale, SpectralNorm.Of(x), 4 * scale * Agreement);
    }

    private static Matrix<double> Gaussian(Random random, int rows, int columns) =>
        Matrix<double>.Build.Dense(rows, columns, (_, _) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));

    private static Matrix<double> Orthogonal(Random random, int order) => Gaussian(random, order, order).QR().Q;
}

// The enclosed closed forms at exact points, and their argument checks.
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Intervals;
using Sharpness.Theory;
using Sharpness.Theory.Certified;
using Xunit;

namespace Sharpness.Tests.Properties.Intervals;

[Trait("Category", "Intervals")]
public sealed class EnclosedClosedFormsTests
{
    [Fact]
    public void Theorem3Eigenvalues_CorrectedAtCollapsedMinimizers_AreExact()
    {
        // L = 2, w = 0: lambda -+ 2|m| = 4 -+ 3; L = 3, w = 0: 2 lambda / L = 2 three times; w > 0: eq. 17 as printed.
        Assert.Equal([Interval.Point(1), Interval.Point(7)], EnclosedClosedForms.Theorem3Eigenvalues(-1.5, 0, 4, 2));
        Assert.Equal([Interval.Point(2), Interval.Point(2), Interval.Point(2)], EnclosedClosedForms.Theorem3Eigenvalues(1, 0, 3, 3));
        Assert.Equal(EnclosedClosedForms.Theorem3PrintedEigenvalues(1, 3, 3), EnclosedClosedForms.Theorem3Eigenvalues(2, 1, 3, 3));
        var printed = EnclosedClosedForms.Theorem3PrintedEigenvalues(1, 3, 3);
        Assert.True(printed[0].Contains(4) && printed[1].Contains(4) && printed[2].Contains(6 + 4 - 6));
    }

    [Fact]
    public void CriticalLambda_AtDepthTwo_IsTwiceTheTarget() =>
        Assert.Equal(Interval.Point(6), EnclosedClosedForms.CriticalLambda(-3, 2));

    [Fact]
    public void EnclosedClosedForms_ValidateTheirArguments()
    {
        var depthThree = Minimizer.OfProduct([Matrix<double>.Build.Dense(2, 2, 1), Matrix<double>.Build.Dense(2, 2, 1), Matrix<double>.Build.Dense(2, 2, 1)]);
        var wideEnd = Minimizer.OfProduct([Matrix<double>.Build.Dense(1, 1, 1), Matrix<double>.Build.Dense(2, 1, 1)]);
        Assert.Equal("minimizer", Assert.Throws<ArgumentNullException>(() => EnclosedClosedForms.Theorem5LambdaMax(null!)).ParamName);
        Assert.Equal("minimizer", Assert.Throws<ArgumentNullException>(() => EnclosedClosedForms.Theorem4LambdaMax(null!)).ParamName);
        Assert.Equal("minimizer", Assert.Throws<ArgumentNullException>(() => EnclosedClosedForms.Corollary6LambdaMax(null!)).ParamName);
        Assert.Equal("minimizer", Assert.Throws<ArgumentNullException>(() => EnclosedClosedForms.FlatValue(null!)).ParamName);
        Assert.Contains("scalar ends (d_0 = d_L = 1), not d_0 = 1, d_L = 2", Assert.Throws<ArgumentException>(() => EnclosedClosedForms.Theorem4LambdaMax(wideEnd)).Message, StringComparison.Ordinal);
        Assert.Contains("scalar ends (d_0 = d_L = 1), not d_0 = 2, d_L = 2", Assert.Throws<ArgumentException>(() => EnclosedClosedForms.Theorem4LambdaMax(depthThree)).Message, StringComparison.Ordinal);
        Assert.Contains("depth 2, not 3", Assert.Throws<ArgumentException>(() => EnclosedClosedForms.Corollary6LambdaMax(depthThree)).Message, StringComparison.Ordinal);
        Assert.ThrowsAny<ArgumentException>(() => EnclosedClosedForms.CriticalLambda(double.NaN, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => EnclosedClosedForms.CriticalLambda(1, 1));
        Assert.ThrowsAny<ArgumentException>(() => EnclosedClosedForms.Theorem3PrintedEigenvalues(-1, 1, 2));
        Assert.ThrowsAny<ArgumentException>(() => EnclosedClosedForms.Theorem3PrintedEigenvalues(1, 0, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => EnclosedClosedForms.Theorem3PrintedEigenvalues(1, 1, 1));
        Assert.ThrowsAny<ArgumentException>(() => EnclosedClosedForms.Theorem3Eigenvalues(double.NaN, 0, 1, 2));
        Assert.ThrowsAny<ArgumentException>(() => EnclosedClosedForms.Theorem3Eigenvalues(1, 0, -1, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => EnclosedClosedForms.Theorem3Eigenvalues(1, 0, 1, 1));
    }
}

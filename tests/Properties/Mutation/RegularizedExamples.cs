// Fixed examples of the regularized formulas (claims ABS-COLLAPSE, REG-T2, ABS-UNIQ, ABS-FROB, ABS-TRACE, REG-T1) with
// exact expected values: the depth-2 soft threshold, the L = 3 tie at lambda_c, and scalar points whose gradient is known.
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Theory;
using Sharpness.Theory.Regularized;
using Xunit;

namespace Sharpness.Tests.Properties.Mutation;

public sealed class RegularizedExamples
{
    private static Matrix<double> Scalar(double x) => Matrix<double>.Build.Dense(1, 1, x);

    private static Factorization Point(double m, double lambda, params double[] layers) =>
        new([.. layers.Select(Scalar)], Scalar(m), lambda);

    [Fact]
    [Trait("Claim", "ABS-COLLAPSE")]
    public void CriticalLambda_Of_DepthTwoIsTwoAbsM_DepthThreeIsThreeHalvesCubeRootHalf()
    {
        // L = 2: 2 (0)^0 |m| = 2|m|. L = 3, m = 8: 3/2 (1/2)^(1/3) 8^(4/3) = 3/2 * 16 / 2^(1/3) = 24 / 2^(1/3).
        Assert.Equal(6, CriticalLambda.Of(-3, 2), 14);
        Assert.Equal(24 / Math.Cbrt(2), CriticalLambda.Of(8, 3), 12);
        Assert.Equal(0.5, CriticalLambda.TieFraction(3), 15);
        Assert.Equal(0, CriticalLambda.TieFraction(2), 15);
    }

    [Theory]
    [InlineData(3.0, 2.0, 2.0)]
    [InlineData(-3.0, 2.0, -2.0)]
    [InlineData(3.0, 6.0, 0.0)]
    [InlineData(3.0, 7.0, 0.0)]
    [InlineData(0.0, 1.0, 0.0)]
    [Trait("Claim", "REG-T2")]
    public void ScalarEndToEnd_DepthTwo_IsSoftThresholding(double m, double lambda, double rho) =>
        Assert.Equal([rho], ScalarEndToEnd.GlobalMinimizers(m, lambda, 2));

    [Fact]
    [Trait("Claim", "ABS-UNIQ")]
    public void ScalarEndToEnd_DepthThreeAtLambdaC_HasTwoMinimizers_ZeroAndHalfM()
    {
        // L = 3, m = 2: lambda_c = 3 (exactly, 3/2 * 2^(-1/3) * 2^(4/3) = 3); the minimizers are 0 and (L-2)/(L-1) m = 1.
        var lambda = CriticalLambda.Of(2, 3);
        Assert.Equal(3, lambda, 14);
        var minimizers = ScalarEndToEnd.GlobalMinimizers(2, lambda, 3);
        Assert.Equal(2, minimizers.Count);
        Assert.Equal(0, minimizers[0]);
        Assert.Equal(1, minimizers[1], 9);
        Assert.Equal(ScalarEndToEnd.Objective(2, lambda, 3, 0), ScalarEndToEnd.Objective(2, lambda, 3, minimizers[1]), 9);
        Assert.Equal([0.0], ScalarEndToEnd.GlobalMinimizers(2, Math.BitIncrement(lambda), 3));
        Assert.Single(ScalarEndToEnd.GlobalMinimizers(-2, 2.9, 3));
        Assert.True(ScalarEndToEnd.GlobalMinimizers(-2, 2.9, 3)[0] < -1);
    }

    [Fact]
    [Trait("Claim", "REG-T2")]
    public void ScalarEndToEnd_Objective_IsSquaredResidualPlusLambdaAbsRhoToTwoOverL()
    {
        // (3 - (-1))^2 + 2 |-1|^(2/2) = 18; L = 4, rho = 16: (0 - 16)^2 + 1 * 16^(1/2) = 260.
        Assert.Equal(18, ScalarEndToEnd.Objective(3, 2, 2, -1), 14);
        Assert.Equal(260, ScalarEndToEnd.Objective(0, 1, 4, 16), 12);
    }

    [Fact]
    [Trait("Claim", "REG-T2")]
    public void ScalarEndToEnd_DepthFour_SolvesTheStationarityEquation()
    {
        // L = 4, m = 5, lambda = 1: rho > 0 with rho - m + (lambda/L) rho^(-1/2) = 0, i.e. (m - rho) sqrt(rho) = 1/4.
        var rho = ScalarEndToEnd.GlobalMinimizers(5, 1, 4).Single();
        Assert.Equal(0.25, (5 - rho) * Math.Sqrt(rho), 12);
        Assert.InRange(rho, 4.8, 5);
    }

    [Fact]
    [Trait("Claim", "REG-T2")]
    public void RegularizedScalarMinimizer_Layers_CarryTheSignOfRhoOnTheLastLayer()
    {
        // rho = -8, L = 3, pattern 0b01: signs (-1, +1) on the first two, the last makes the product negative: (-2, 2, 2).
        Assert.Equal([-2.0, 2.0, 2.0], RegularizedScalarMinimizer.Layers(-8, 3, 1), new ToleranceComparer(1e-14));
        Assert.Equal([2.0, -2.0, -2.0], RegularizedScalarMinimizer.Layers(8, 3, 2), new ToleranceComparer(1e-14));
        Assert.Equal([2.0, 2.0, -2.0], RegularizedScalarMinimizer.Layers(-8, 3, 0), new ToleranceComparer(1e-14));
    }

    [Fact]
    [Trait("Claim", "REG-T1")]
    public void RegularizedLoss_AtAScalarPoint_HasItsExactValueAndGradient()
    {
        // w = (1, 1), m = 3, lambda = 2, L = 2: data (3 - 1)^2 = 4, regularizer (1 + 1)/2 = 1, value 4 + 2 = 6;
        // gradient 2 A_k^T (W_2 W_1 - M) B_k^T + (2 lambda/L) W_k = 2 (-2) + 2 = -2 per layer.
        var point = Point(3, 2, 1, 1);
        Assert.Equal(4, RegularizedLoss.Data(point), 14);
        Assert.Equal(1, RegularizedLoss.Regularizer(point), 14);
        Assert.Equal(6, RegularizedLoss.Value(point), 14);
        Assert.All(RegularizedLoss.Gradient(point), g => Assert.Equal(-2, g[0, 0], 14));
        Assert.Equal(Math.Sqrt(8), RegularizedMinimum.GradientNorm(point), 14);
        // sum_k 2 ||A_k|| ||B_k|| (|m| + |w_2 w_1|) + (2 lambda/L) ||W_k|| = 2 (2 * 4 + 2) = 20.
        Assert.Equal(20, RegularizedMinimum.GradientScale(point), 14);
        Assert.False(RegularizedMinimum.IsStationary(point));
        Assert.False(RegularizedMinimum.IsGlobalMinimizer(point));
    }

    [Fact]
    [Trait("Claim", "REG-T2")]
    public void RegularizedMinimum_Value_DepthOneIsRidge_DepthTwoIsSoftThresholded()
    {
        // L = 1: min ||M - W||^2 + lambda ||W||^2 = lambda/(1 + lambda) ||M||^2 = 2/3 * 25 for M = [3 4], lambda = 2.
        Assert.Equal(50.0 / 3.0, RegularizedMinimum.Value(Matrix<double>.Build.DenseOfArray(new double[,] { { 3, 4 } }), 1, 2), 12);
        // L = 2, M = diag(3, 1), lambda = 2: rho = (2, 0): (3-2)^2 + 2 * 2 + 1 = 6.
        Assert.Equal(6, RegularizedMinimum.Value(Matrix<double>.Build.DenseOfDiagonalArray([3, 1]), 2, 2), 12);
    }

    [Fact]
    [Trait("Claim", "REG-T2")]
    public void RegularizedMinimum_IsGlobalMinimizer_TheBalancedPointYes_TheStationaryOriginNot()
    {
        // m = 3, lambda = 2, L = 2: rho = 2, w = (sqrt 2, sqrt 2) is the global minimizer; the origin is stationary
        // (zero gradient) but its loss 9 is above the minimum 5.
        Assert.True(RegularizedMinimum.IsGlobalMinimizer(Point(3, 2, Math.Sqrt(2), Math.Sqrt(2))));
        Assert.True(RegularizedMinimum.IsStationary(Point(3, 2, 0, 0)));
        Assert.False(RegularizedMinimum.IsGlobalMinimizer(Point(3, 2, 0, 0)));
        Assert.Equal(5, RegularizedMinimum.Value(Scalar(3), 2, 2), 14);
    }

    [Fact]
    [Trait("Claim", "REG-T3")]
    public void RegularizedScalarSharpness_AtTheDepthTwoMinimizer_IsEq18()
    {
        // m = 3, lambda = 2, L = 2, w = sqrt 2: eq. 18 gives max{2 * 2 * 2 - 4, 0} + 4 = 8; the flat value is the same.
        var point = Point(3, 2, Math.Sqrt(2), -Math.Sqrt(2) * -1);
        Assert.True(RegularizedScalarSharpness.IsScalar(point));
        Assert.Equal(Math.Sqrt(2), RegularizedScalarSharpness.MinimizerMagnitude(point), 12);
        Assert.Equal(8, RegularizedScalarSharpness.LambdaMax(point), 12);
        Assert.Equal(8, RegularizedScalarSharpness.FlatValue(3, 2, 2), 12);
    }

    [Fact]
    [Trait("Claim", "REG-T3")]
    public void RegularizedScalarSharpness_AtTheTie_PicksTheNearestMinimizer_AndTheFlatValueIsTheLeast()
    {
        // L = 3, m = 2, lambda = 3: minimizers rho = 0 (w = 0, lambda_max 2 lambda/L = 2) and rho = 1 (w = 1, eq. 18:
        // max{6 - 6, 0} + 4 = 4). The flat value is the smaller, 2.
        var lambda = CriticalLambda.Of(2, 3);
        var collapsed = Point(2, lambda, 0, 0, 0);
        var spread = Point(2, lambda, 1, 1, 1);
        Assert.Equal(0, RegularizedScalarSharpness.MinimizerMagnitude(collapsed));
        Assert.Equal(1, RegularizedScalarSharpness.MinimizerMagnitude(spread), 9);
        Assert.Equal(2 * lambda / 3, RegularizedScalarSharpness.LambdaMax(collapsed), 12);
        Assert.Equal(4 * lambda / 3, RegularizedScalarSharpness.LambdaMax(spread), 6);
        Assert.Equal(2 * lambda / 3, RegularizedScalarSharpness.FlatValue(2, lambda, 3), 12);
    }

    [Fact]
    [Trait("Claim", "REG-T3")]
    public void RegularizedScalarSharpness_RejectsMatrixPointsAndNonMinimizers()
    {
        var matrix = new Factorization([Matrix<double>.Build.Dense(2, 2, 1)], Matrix<double>.Build.Dense(2, 2, 1), 1);
        Assert.False(RegularizedScalarSharpness.IsScalar(matrix));
        Assert.False(RegularizedScalarSharpness.IsScalar(new Factorization([Scalar(1)], Scalar(1))));
        Assert.False(RegularizedScalarSharpness.IsScalar(new Factorization([Scalar(1)], lambda: 1)));
        var shape = Assert.Throws<ArgumentException>(() => RegularizedScalarSharpness.LambdaMax(matrix));
        Assert.Equal("point", shape.ParamName);
        Assert.Contains("got widths (2, 2), lambda 1", shape.Message, StringComparison.Ordinal);
        var depthOne = Assert.Throws<ArgumentException>(() => RegularizedScalarSharpness.LambdaMax(Point(3, 2, 1)));
        Assert.Contains("of depth L >= 2", depthOne.Message, StringComparison.Ordinal);
        var notMinimizer = Assert.Throws<ArgumentException>(() => RegularizedScalarSharpness.LambdaMax(Point(3, 2, 1, 1)));
        Assert.Contains("Not a global minimizer of the regularized loss: gradient norm 2.82843 (scale 20), loss 6 against the minimum 5", notMinimizer.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Claim", "ABS-FROB")]
    public void RegularizedMatrixMinimizer_LayerFrobeniusSquared_IsTheSumOfRhoToTwoOverL()
    {
        // L = 2, M = diag(3, 1), lambda = 1: rho = (2.5, 0.5), ||W_i||_F^2 = 2.5 + 0.5 = 3.
        Assert.Equal(3, RegularizedMatrixMinimizer.LayerFrobeniusSquared(Matrix<double>.Build.DenseOfDiagonalArray([3, 1]), 2, 1), 12);
        // L = 3, M = diag(2, 0.1) at lambda_c(2, 3) = 3: rho_1 in {0, 1}, rho_2 = 0 (collapsed): 0 or 1^(2/3) = 1.
        var m = Matrix<double>.Build.DenseOfDiagonalArray([2, 0.1]);
        Assert.Equal(0, RegularizedMatrixMinimizer.LayerFrobeniusSquared(m, 3, CriticalLambda.Of(2, 3)), 12);
        Assert.Equal(1, RegularizedMatrixMinimizer.LayerFrobeniusSquared(m, 3, CriticalLambda.Of(2, 3), nonzeroAtTies: true), 6);
    }

    [Fact]
    [Trait("Claim", "ABS-UNIQ")]
    public void RegularizedMatrixMinimizer_IsOnExceptionalSet_ExactlyAtSomeLambdaC()
    {
        var m = Matrix<double>.Build.DenseOfDiagonalArray([0.1, 2]);
        Assert.True(RegularizedMatrixMinimizer.IsOnExceptionalSet(m, 3, CriticalLambda.Of(2, 3)));
        Assert.False(RegularizedMatrixMinimizer.IsOnExceptionalSet(m, 3, 2.9));
        Assert.False(RegularizedMatrixMinimizer.IsOnExceptionalSet(m, 2, 4));
    }

    [Fact]
    [Trait("Claim", "ABS-TRACE")]
    public void TraceLowerBound_Of_DepthTwoAndDepthThree()
    {
        // 2 c^(L-1) r^(2-L) (d_0 + d_L + (L-2) r) + 2 lambda N / L.
        // Widths 2, 3, 1 (r = 1, N = 9), c = 3, lambda = 0.5: 2 * 3 * 1 * 3 + 2 * 0.5 * 9 / 2 = 18 + 4.5.
        Assert.Equal(22.5, TraceLowerBound.Of([2, 3, 1], 0.5, 3), 12);
        // Widths 2, 2, 2, 3 (r = 2, N = 4 + 4 + 6 = 14), c = 2, lambda = 3: 2 * 4 * 0.5 * (2 + 3 + 2) + 2 * 3 * 14 / 3 = 28 + 28.
        Assert.Equal(56, TraceLowerBound.Of([2, 2, 2, 3], 3, 2), 12);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance * Math.Max(1, Math.Abs(y));

        public int GetHashCode(double obj) => 0;
    }
}

// Argument checks of public Theory members that no other test reaches, each at its boundary (0 where "positive"
// is required, -1 where "non-negative", the first index outside 1..L), with the message a user reads.
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Theory;
using Sharpness.Theory.Constructions;
using Sharpness.Theory.Exact;
using Sharpness.Theory.Linear;
using Sharpness.Theory.Regularized;
using Xunit;
using static Sharpness.Tests.Properties.Mutation.ArgumentAssert;

namespace Sharpness.Tests.Properties.Mutation;

public sealed class ValidationExamples
{
    [Fact]
    public void CriticalLambda_Of_RejectsNaNAndDepthOne()
    {
        AssertArgument<ArgumentException>("m", "m must be finite but is NaN", () => CriticalLambda.Of(double.NaN, 3));
        Assert.Equal("depth", Assert.Throws<ArgumentOutOfRangeException>(() => CriticalLambda.Of(1, 1)).ParamName);
        Assert.Equal("depth", Assert.Throws<ArgumentOutOfRangeException>(() => CriticalLambda.TieFraction(1)).ParamName);
    }

    [Fact]
    public void ScalarEndToEnd_GlobalMinimizers_RejectsZeroLambdaNaNTargetAndDepthOne()
    {
        AssertArgument<ArgumentOutOfRangeException>("lambda", "lambda must be positive but is 0", () => ScalarEndToEnd.GlobalMinimizers(1, 0, 2));
        AssertArgument<ArgumentException>("m", "m must be finite but is -Infinity", () => ScalarEndToEnd.GlobalMinimizers(double.NegativeInfinity, 1, 2));
        Assert.Equal("depth", Assert.Throws<ArgumentOutOfRangeException>(() => ScalarEndToEnd.GlobalMinimizers(1, 1, 1)).ParamName);
    }

    [Fact]
    public void TraceLowerBound_RejectsNegativeNormZeroLambdaAndDepthOne()
    {
        AssertArgument<ArgumentOutOfRangeException>("layerFrobeniusSquared", "layerFrobeniusSquared must be non-negative but is -1",
            () => TraceLowerBound.Of([1, 1, 1], 1, -1));
        AssertArgument<ArgumentOutOfRangeException>("lambda", "lambda must be positive but is 0", () => TraceLowerBound.Of([1, 1, 1], 0, 1));
        Assert.Equal("widths", Assert.Throws<ArgumentOutOfRangeException>(() => TraceLowerBound.Of([1, 1], 1, 1)).ParamName);
        Assert.Equal(0, TraceLowerBound.Of([1, 1, 1], 1e-300, 0), 12);
    }

    [Fact]
    public void RegularizedScalarMinimizer_Layers_RejectsNaNAndDepthOne()
    {
        AssertArgument<ArgumentException>("rho", "rho must be finite but is NaN", () => RegularizedScalarMinimizer.Layers(double.NaN, 2, 0));
        Assert.Equal("depth", Assert.Throws<ArgumentOutOfRangeException>(() => RegularizedScalarMinimizer.Layers(1, 1, 0)).ParamName);
    }

    [Fact]
    public void RegularizedMatrixMinimizer_RejectsZeroLambdaAndDepthOne()
    {
        AssertArgument<ArgumentOutOfRangeException>("lambda", "lambda must be positive but is 0",
            () => RegularizedMatrixMinimizer.FromTarget(M(1, 1), [1, 1, 1], 0, new Random(1)));
        Assert.Equal("widths", Assert.Throws<ArgumentOutOfRangeException>(() => RegularizedMatrixMinimizer.FromTarget(M(1, 1), [1, 1], 1, new Random(1))).ParamName);
        AssertArgument<ArgumentOutOfRangeException>("lambda", "lambda must be positive but is 0", () => RegularizedMatrixMinimizer.IsOnExceptionalSet(M(1, 1), 3, 0));
        Assert.Equal("depth", Assert.Throws<ArgumentOutOfRangeException>(() => RegularizedMatrixMinimizer.IsOnExceptionalSet(M(1, 1), 1, 1)).ParamName);
        AssertArgument<ArgumentOutOfRangeException>("lambda", "lambda must be positive but is 0", () => RegularizedMatrixMinimizer.LayerFrobeniusSquared(M(1, 1), 3, 0));
        Assert.Equal("depth", Assert.Throws<ArgumentOutOfRangeException>(() => RegularizedMatrixMinimizer.LayerFrobeniusSquared(M(1, 1), 1, 1)).ParamName);
        AssertArgument<ArgumentException>("target", "The target M has a non-finite entry NaN", () => RegularizedMatrixMinimizer.LayerFrobeniusSquared(M(1, 1, double.NaN), 2, 1));
        AssertArgument<ArgumentException>("target", "The target M has a non-finite entry NaN", () => RegularizedMatrixMinimizer.IsOnExceptionalSet(M(1, 1, double.NaN), 2, 1));
    }

    [Fact]
    public void RegularizedMinimum_Value_RejectsZeroLambdaAndDepthZero()
    {
        AssertArgument<ArgumentOutOfRangeException>("lambda", "lambda must be positive but is 0", () => RegularizedMinimum.Value(M(1, 1), 2, 0));
        Assert.Equal("depth", Assert.Throws<ArgumentOutOfRangeException>(() => RegularizedMinimum.Value(M(1, 1), 0, 1)).ParamName);
        AssertArgument<ArgumentException>("target", "The target M has a non-finite entry +Infinity", () => RegularizedMinimum.Value(M(1, 1, double.PositiveInfinity), 2, 1));
    }

    [Fact]
    public void RegularizedMinimum_RejectsUnregularizedOrTargetlessPoints()
    {
        var bare = new Factorization([M(1, 1)], lambda: 1);
        AssertArgument<ArgumentException>("point", "needs a point with a target M and a lambda", () => RegularizedMinimum.GradientScale(bare));
        AssertArgument<ArgumentException>("point", "needs a point with a target M and a lambda", () => RegularizedMinimum.IsGlobalMinimizer(new Factorization([M(1, 1)], M(1, 1))));
        AssertArgument<ArgumentException>("point", "needs a point with a target M and a lambda", () => RegularizedLoss.Gradient(bare));
    }

    [Fact]
    public void LinearStability_RejectsNegativeLambdaMaxZeroStepAndNegativeSteps()
    {
        AssertArgument<ArgumentOutOfRangeException>("lambdaMax", "lambdaMax must be non-negative but is -1", () => LinearStability.MaxStableStep(-1));
        AssertArgument<ArgumentOutOfRangeException>("lambdaMax", "lambdaMax must be non-negative but is -1", () => LinearStability.IsStable(-1, 1));
        AssertArgument<ArgumentOutOfRangeException>("eta", "eta must be positive but is 0", () => LinearStability.DeviationNorms(M(1, 1), [1.0], 0, 1));
        Assert.Equal("steps", Assert.Throws<ArgumentOutOfRangeException>(() => LinearStability.DeviationNorms(M(1, 1), [1.0], 1, -1)).ParamName);
        AssertArgument<ArgumentException>("deviation", "got a 1x2 Hessian and length 1", () => LinearStability.DeviationNorms(M(1, 2), [1.0], 1, 1));
        AssertArgument<ArgumentException>("deviation", "got a 2x2 Hessian and length 1", () => LinearStability.DeviationNorms(M(2, 2), [1.0], 1, 1));
        AssertArgument<ArgumentException>("hessian", "The Hessian has a non-finite entry NaN", () => LinearStability.DeviationNorms(M(1, 1, double.NaN), [1.0], 1, 1));
    }

    [Fact]
    public void Corollary7_FlatProduct_RejectsNaNAndDepthZero()
    {
        AssertArgument<ArgumentException>("m", "m must be finite but is NaN", () => Corollary7.FlatProduct(double.NaN, 2));
        Assert.Equal("depth", Assert.Throws<ArgumentOutOfRangeException>(() => Corollary7.FlatProduct(1, 0)).ParamName);
        AssertArgument<ArgumentException>("minimizer", "Corollary 7 needs scalar ends d_0 = d_L = 1 but d_0 = 2 and d_L = 1",
            () => Corollary7.IsFlat(Minimizer.OfProduct([M(2, 2), M(1, 2)])));
    }

    [Fact]
    public void HessianTrace_DepthTwoTraceFlatValue_RejectsNaN() =>
        AssertArgument<ArgumentException>("target", "The target M has a non-finite entry NaN", () => HessianTrace.DepthTwoTraceFlatValue(M(1, 1, double.NaN)));

    [Fact]
    public void HessianRank_UpperBound_RejectsInfeasibleWidths()
    {
        AssertArgument<ArgumentException>("widths", "got (3)", () => HessianRank.UpperBound([3]));
        AssertArgument<ArgumentException>("widths", "Infeasible widths (2, 1, 2)", () => HessianRank.UpperBound([2, 1, 2]));
        AssertArgument<ArgumentException>("widths", "got (0, 1)", () => HessianRank.UpperBound([0, 1]));
    }

    [Fact]
    public void Lemma2_SecondDerivativeAlongLine_RejectsZeroStepAndSubnormalSquares()
    {
        AssertArgument<ArgumentOutOfRangeException>("step", "step must be positive but is 0", () => Lemma2.SecondDerivativeAlongLine(t => t, 0));
        AssertArgument<ArgumentOutOfRangeException>("step", "squared leaves the double range", () => Lemma2.SecondDerivativeAlongLine(t => t, 1e-170));
        AssertArgument<ArgumentOutOfRangeException>("step", "squared leaves the double range", () => Lemma2.SecondDerivativeAlongLine(t => t, 1e160));
        AssertArgument<ArgumentException>("line", "line must be finite but is NaN", () => Lemma2.SecondDerivativeAlongLine(_ => double.NaN, 1));
    }

    [Fact]
    public void Direction_RejectsNullBlockNoBlocksAndNaN()
    {
        AssertArgument<ArgumentNullException>("parts", "A block U_i is null", () => _ = new Direction([M(1, 1), null!]));
        AssertArgument<ArgumentException>("parts", "A direction needs at least one block U_1", () => _ = new Direction([]));
        AssertArgument<ArgumentException>("parts", "U[2] has a non-finite entry NaN at row 1, column 1", () => _ = new Direction([M(1, 1), M(1, 1, double.NaN)]));
        Assert.Contains("The zero direction cannot be normalized", Assert.Throws<InvalidOperationException>(() => new Direction([M(1, 1, 0)]).Normalized()).Message, StringComparison.Ordinal);
        AssertArgument<ArgumentOutOfRangeException>("k", "must be a layer index in 1..1 but is 0", () => new Direction([M(1, 1)]).Part(0));
    }

    [Fact]
    public void Factorization_RejectsNullLayer() =>
        AssertArgument<ArgumentNullException>("layers", "W[2] is null", () => _ = new Factorization([M(1, 1), null!]));

    [Fact]
    public void Factorization_WithoutTarget_HasNoResidual()
    {
        var point = new Factorization([M(1, 1)]);
        Assert.False(point.HasTarget);
        Assert.Contains("This factorization has no target M", Assert.Throws<InvalidOperationException>(() => point.Target).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SpectralNorm_Of_RejectsNaN() =>
        AssertArgument<ArgumentException>("x", "The matrix has a non-finite entry NaN at row 2, column 1", () => SpectralNorm.Of(Matrix<double>.Build.DenseOfArray(new double[,] { { 1 }, { double.NaN } })));

    [Fact]
    public void Gauge_RejectsWrongCountShapeAndNaN()
    {
        var w = Minimizer.OfProduct([M(2, 2), M(2, 2)]);
        AssertArgument<ArgumentException>("hidden", "Need L - 1 = 1 hidden gauge matrices but got 2", () => Gauge.Apply(w, [M(2, 2), M(2, 2)]));
        AssertArgument<ArgumentException>("hidden", "G[1] must be 2x2 but is 3x3", () => Gauge.Apply(w, [M(3, 3)]));
        AssertArgument<ArgumentException>("hidden", "G[1] has a non-finite entry NaN", () => Gauge.Apply(w, [M(2, 2, double.NaN)]));
        AssertArgument<ArgumentOutOfRangeException>("c", "The rescaling factor c must be nonzero", () => Gauge.Rescale(w, 1, 0));
        AssertArgument<ArgumentException>("c", "c must be finite but is NaN", () => Gauge.Rescale(w, 1, double.NaN));
        AssertArgument<ArgumentOutOfRangeException>("k", "must be a layer index in 1..1 but is 2", () => Gauge.Rescale(w, 2, 2));
    }

    [Fact]
    public void RandomMatrices_RejectNegativeScaleAndTooManyColumns()
    {
        AssertArgument<ArgumentOutOfRangeException>("scale", "scale must be non-negative but is -1", () => RandomMatrices.Gaussian(1, 1, new Random(1), -1));
        AssertArgument<ArgumentException>("columns", "Cannot have 3 orthonormal columns in dimension 2", () => RandomMatrices.Orthonormal(2, 3, new Random(1)));
        Assert.Equal(0, RandomMatrices.Orthonormal(2, 0, new Random(1)).ColumnCount);
    }

    [Fact]
    public void Constructions_RejectBadWidths()
    {
        AssertArgument<ArgumentException>("widths", "Need widths d_0..d_L (L >= 1), all positive; got (1, 0, 1)", () => Balanced.FromTarget(M(1, 1), [1, 0, 1]));
        AssertArgument<ArgumentException>("widths", "Need widths d_0..d_L (L >= 1), all positive; got (1)", () => Balanced.FromTarget(M(1, 1), [1]));
        AssertArgument<ArgumentException>("widths", "Infeasible widths (2, 1, 2): every d_i must be >= min(d_0, d_L) = 2 (EXACT eq. 17)", () => Balanced.FromTarget(M(2, 2), [2, 1, 2]));
        AssertArgument<ArgumentException>("widths", "Need widths d_0..d_L (L >= 1), all positive; got (1, 0)", () => Unbalanced.Gaussian([1, 0], new Random(1)));
        AssertArgument<ArgumentException>("widths", "got (1)", () => Unbalanced.Gaussian([1], new Random(1)));
        AssertArgument<ArgumentException>("positions", "Need 1 positions in [0, 1], one per singular value after the first; got (1.5)",
            () => SpectralBalanced.DepthTwo(M(2, 2), 2, [1.5]));
        AssertArgument<ArgumentException>("positions", "got (-0.5)", () => SpectralBalanced.DepthTwo(M(2, 2), 2, [-0.5]));
        AssertArgument<ArgumentException>("positions", "got ()", () => SpectralBalanced.DepthTwo(M(2, 2), 2, []));
        AssertArgument<ArgumentOutOfRangeException>("noise", "noise must be non-negative but is -1", () => ScalarFlat.WithComplementNoise(1, [1, 2, 1], new Random(1), -1));
        AssertArgument<ArgumentException>("m", "m must be finite but is NaN", () => ScalarFlat.WithComplementNoise(double.NaN, [1, 2, 1], new Random(1), 0));
        AssertArgument<ArgumentException>("target", "The target M has a non-finite entry NaN", () => TraceFlat.DepthTwo(M(1, 1, double.NaN), 1));
        AssertArgument<ArgumentException>("target", "The target M has a non-finite entry NaN", () => SpectralBalanced.DepthTwo(M(1, 1, double.NaN), 1, []));
        AssertArgument<ArgumentException>("target", "The target M has a non-finite entry NaN", () => Balanced.FromTarget(M(1, 1, double.NaN), [1, 1, 1]));
    }
}

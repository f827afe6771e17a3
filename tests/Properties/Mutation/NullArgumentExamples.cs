// Every public member that takes a reference names the null argument (ArgumentNullException with its ParamName)
// instead of failing later with a NullReferenceException.
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Oracles;
using Sharpness.Theory;
using Sharpness.Theory.Constructions;
using Sharpness.Theory.Exact;
using Sharpness.Theory.Linear;
using Sharpness.Theory.Regularized;
using Xunit;

namespace Sharpness.Tests.Properties.Mutation;

public sealed class NullArgumentExamples
{
    private static readonly Minimizer W = Minimizer.OfProduct([Matrix<double>.Build.Dense(1, 1, 1), Matrix<double>.Build.Dense(1, 1, 2)]);

    private static readonly Direction U = new([Matrix<double>.Build.Dense(1, 1, 1), Matrix<double>.Build.Dense(1, 1, 1)]);

    // Theory data of delegates cannot be serialized, so Stryker could not tell which case covers which mutant and left the
    // null checks this test kills undetected; the cases are therefore passed by index (an int serializes).
    private static readonly (string ParamName, Action Call)[] NullCalls =
    [
        ("point", () => Balancedness.Imbalance(null!)),
        ("point", () => Balancedness.IsBalanced(null!)),
        ("minimizer", () => Gauge.Apply(null!, [])),
        ("hidden", () => Gauge.Apply(W, null!)),
        ("hidden", () => Gauge.Apply(W, [null!])),
        ("minimizer", () => Gauge.Rescale(null!, 1, 2)),
        ("random", () => RandomMatrices.Gaussian(1, 1, null!)),
        ("random", () => ScalarFlat.WithComplementNoise(1, [1, 1, 1], null!, 0)),
        ("positions", () => SpectralBalanced.DepthTwo(Matrix<double>.Build.Dense(1, 1, 1), 1, null!)),
        ("widths", () => Unbalanced.Gaussian(null!, new Random(1))),
        ("random", () => Unbalanced.Gaussian([1, 1], null!)),
        ("widths", () => Balanced.FromTarget(Matrix<double>.Build.Dense(1, 1, 1), null!)),
        ("parts", () => _ = new Direction(null!)),
        ("widths", () => Direction.FromVector(null!, [1.0])),
        ("vector", () => Direction.FromVector([1, 1], null!)),
        ("point", () => U.Fits(null!)),
        ("minimizer", () => Corollary10.UpperBound(null!)),
        ("minimizer", () => Corollary10.SatisfiesFlatnessCondition(null!)),
        ("minimizer", () => Corollary6.LambdaMax(null!)),
        ("minimizer", () => Corollary7.IsFlat(null!)),
        ("widths", () => HessianRank.UpperBound(null!)),
        ("minimizer", () => HessianTrace.Trace(null!)),
        ("line", () => Lemma2.SecondDerivativeAlongLine(null!, 1)),
        ("minimizer", () => Lemma3.SecondDirectionalDerivative(null!, U)),
        ("direction", () => Lemma3.SecondDirectionalDerivative(W, null!)),
        ("minimizer", () => Lemma3.Differential(null!, U)),
        ("direction", () => Lemma3.Differential(W, null!)),
        ("minimizer", () => Lemma3.Jacobian(null!)),
        ("deviation", () => LinearStability.DeviationNorms(Matrix<double>.Build.Dense(1, 1, 1), null!, 1, 1)),
        ("minimizer", () => MulayoffMichaeli.LowerBound(null!)),
        ("minimizer", () => MulayoffMichaeli.HasFlatPartialProductNorms(null!)),
        ("point", () => PartialProducts.SpectralNormProducts(null!)),
        ("minimizer", () => Theorem4.LambdaMax(null!)),
        ("layers", () => _ = new Factorization(null!)),
        ("left", () => _ = new KroneckerSumOperator(null!, [Matrix<double>.Build.Dense(1, 1)])),
        ("right", () => _ = new KroneckerSumOperator([Matrix<double>.Build.Dense(1, 1)], null!)),
        ("minimizer", () => KroneckerSumOperator.AtMinimizer(null!)),
        ("point", () => Minimizer.Of(null!)),
        ("x", () => SpectralNorm.Of(null!)),
        ("point", () => RegularizedLoss.Value(null!)),
        ("random", () => RegularizedMatrixMinimizer.FromTarget(Matrix<double>.Build.Dense(1, 1, 1), [1, 1, 1], 1, null!)),
        ("point", () => RegularizedMinimum.GradientScale(null!)),
        ("point", () => RegularizedScalarSharpness.IsScalar(null!)),
        ("widths", () => TraceLowerBound.Of(null!, 1, 1)),
        ("x", () => FiniteDifferences.Gradient(v => v[0], null!)),
        ("f", () => FiniteDifferences.Hessian(null!, [1.0])),
        ("f", () => FiniteDifferences.Jacobian(null!, [1.0])),
        ("x", () => FiniteDifferences.Jacobian(v => v, null!)),
    ];

    public static TheoryData<int> NullCallIndices => [.. Enumerable.Range(0, NullCalls.Length)];

    [Theory]
    [MemberData(nameof(NullCallIndices))]
    public void PublicMembers_RejectNull_ByName(int index)
    {
        var (paramName, call) = NullCalls[index];
        Assert.Equal(paramName, Assert.Throws<ArgumentNullException>(call).ParamName);
    }
}

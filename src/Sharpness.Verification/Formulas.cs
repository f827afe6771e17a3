// The formulas a property checks, as replaceable delegates: the theory library's by default, a mutant's
// (a plausible wrong formula) in the rejection tests. Properties never call Sharpness.Theory formulas
// directly, so every property can be shown to fail on a wrong formula. One entry is not a formula of the
// theory library but a choice the paper states: the contour map's axes (EXACT Appendix D.1, v_1 and v_N).
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Theory;
using Sharpness.Theory.Constructions;
using Sharpness.Theory.Exact;
using Sharpness.Verification.Experiments;

namespace Sharpness.Verification;

/// <summary>The formulas under test. <see cref="Theory"/> holds the library's; a mutant replaces one with <c>with</c>.</summary>
public sealed record Formulas(
    Func<Func<double, double>, double, double> SecondDerivativeAlongLine,
    Func<Minimizer, Direction, double> Lemma3SecondDirectionalDerivative,
    Func<Minimizer, double> Theorem4LambdaMax,
    Func<Minimizer, Direction> Theorem4Direction,
    Func<Minimizer, double> Theorem5LambdaMax,
    Func<Minimizer, Direction> Theorem5Direction,
    Func<Minimizer, double> Corollary6LambdaMax,
    Func<Minimizer, Direction> Corollary6Direction,
    Func<Minimizer, bool> Corollary7IsFlat,
    Func<Minimizer, bool> Corollary8IsFlat,
    Func<Minimizer, double> Corollary10UpperBound,
    Func<Minimizer, bool> Corollary10Condition,
    Func<Matrix<double>, int, double> FlatValue,
    Func<Minimizer, bool> Eq31Holds,
    Func<IReadOnlyList<int>, int> HessianRankBound,
    Func<Minimizer, double> HessianTrace,
    Func<Minimizer, bool> IsTraceFlat,
    Func<Minimizer, IReadOnlyList<Matrix<double>>, Factorization> GaugeApply,
    Func<double, double, bool> IsLinearlyStable,
    Func<double, double, double, int, IReadOnlyList<double>> RegularizedScalarEigenvalues,
    Func<double, int, double> CriticalLambda,
    Func<double, double, int, IReadOnlyList<double>> EndToEndMinimizers,
    Func<double, double, int, bool> RegularizedHessianSingular,
    Func<double, int, double> UnregularizedScalarLambdaMax,
    Func<Matrix<double>, IReadOnlyList<int>, double, Random, int, Factorization> RegularizedMatrixMinimizer,
    Func<Matrix<double>, int, double, bool, double> RegularizedLayerFrobeniusSquared,
    Func<Matrix<double>, int, double, bool> IsOnExceptionalSet,
    Func<IReadOnlyList<int>, double, double, double> RegularizedTraceLowerBound,
    Func<double, double> MaxStableStep,
    Func<EscapeMinimum, ContourAxes> ContourAxes,
    Func<IReadOnlyList<double>, IReadOnlyList<double>, double, int, double> RegularizedMatrixLambdaMax,
    Func<IReadOnlyList<double>, IReadOnlyList<double>, double, IReadOnlyList<int>, IReadOnlyList<double>> RegularizedMatrixEigenvalues,
    Func<Matrix<double>, IReadOnlyList<int>, double, double> RegularizedMatrixFlatValue)
{
    /// <summary>The theory library's formulas: the ones the suite vouches for.</summary>
    public static Formulas Theory { get; } = new(
        Lemma2.SecondDerivativeAlongLine,
        Lemma3.SecondDirectionalDerivative,
        Theorem4.LambdaMax,
        Theorem4.MaximizingDirection,
        Theorem5.LambdaMax,
        Theorem5.MaximizingDirection,
        Corollary6.LambdaMax,
        Corollary6.MaximizingDirection,
        m => Corollary7.IsFlat(m),
        m => Corollary8.IsFlat(m),
        Corollary10.UpperBound,
        m => Corollary10.SatisfiesFlatnessCondition(m),
        MulayoffMichaeli.FlatValue,
        m => MulayoffMichaeli.HasFlatPartialProductNorms(m),
        HessianRank.UpperBound,
        Sharpness.Theory.Exact.HessianTrace.Trace,
        m => Sharpness.Theory.Exact.HessianTrace.IsTraceFlat(m),
        (m, g) => Gauge.Apply(m, g).Point,
        LinearStability.IsStable,
        Sharpness.Theory.Regularized.Theorem3.Eigenvalues,
        Sharpness.Theory.Regularized.CriticalLambda.Of,
        Sharpness.Theory.Regularized.ScalarEndToEnd.GlobalMinimizers,
        Sharpness.Theory.Regularized.Theorem3.IsHessianSingular,
        (m, l) => MulayoffMichaeli.FlatValue(Matrix<double>.Build.Dense(1, 1, m), l),
        Sharpness.Theory.Regularized.RegularizedMatrixMinimizer.FromTarget,
        Sharpness.Theory.Regularized.RegularizedMatrixMinimizer.LayerFrobeniusSquared,
        Sharpness.Theory.Regularized.RegularizedMatrixMinimizer.IsOnExceptionalSet,
        Sharpness.Theory.Regularized.TraceLowerBound.Of,
        LinearStability.MaxStableStep,
        Experiments.ContourAxes.Eigenvectors,
        Sharpness.Theory.Regularized.RegularizedMatrixSharpness.LambdaMax,
        Sharpness.Theory.Regularized.RegularizedMatrixSharpness.Eigenvalues,
        Sharpness.Theory.Regularized.RegularizedMatrixSharpness.FlatValue);

    /// <summary>The nonzero Hessian eigenvalues at a minimizer, descending (EXACT-SPEC, derived from EXACT eq. 74).</summary>
    /// <remarks>An init property rather than a positional parameter, so that claims added in parallel do not all edit one list.</remarks>
    public Func<Minimizer, IReadOnlyList<double>> HessianNonzeroEigenvalues { get; init; } = m => HessianSpectrum.NonzeroEigenvalues(m);

    /// <summary>The <c>d_L d_0</c> eigenvalues of <c>2 S</c> at a balanced minimizer, from the target's singular values and the widths (GHOSH-BAL).</summary>
    public Func<IReadOnlyList<double>, IReadOnlyList<int>, IReadOnlyList<double>> BalancedEigenvalues { get; init; } = BalancedSpectrum.Eigenvalues;

    /// <summary>The Hessian rank at a zero-residual point in general position, from the widths (SINGH-RANK).</summary>
    public Func<IReadOnlyList<int>, int> ZeroResidualRank { get; init; } = Sharpness.Theory.Exact.ZeroResidualRank.GeneralPosition;

    /// <summary>The closed form of lambda_max that <paramref name="form"/> names (the one a figure's caption used), at <paramref name="minimizer"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An unknown closed form.</exception>
    public double LambdaMax(ClosedForm form, Minimizer minimizer) => form switch
    {
        ClosedForm.Corollary6 => Corollary6LambdaMax(minimizer),
        ClosedForm.Theorem4 => Theorem4LambdaMax(minimizer),
        ClosedForm.Theorem5 => Theorem5LambdaMax(minimizer),
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, "Unknown closed form."),
    };
}

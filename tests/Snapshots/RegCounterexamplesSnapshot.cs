using MathNet.Numerics.LinearAlgebra;
using Sharpness.Oracles;
using Sharpness.Theory.Regularized;
using Snapshooter.Xunit;
using Xunit;

namespace Sharpness.Tests.Snapshots;

/// <summary>
/// The smallest concrete cases where a printed regularized statement fails (README, Findings), each with the
/// oracle's numbers beside the printed formula's: REG-T3 at a collapsed minimizer, REG-T2 at the tie, REG-ISO's
/// singular Hessian, and the ABS-COLLAPSE threshold the suite derived.
/// </summary>
public sealed class RegCounterexamplesSnapshot
{
    [Fact]
    [Trait("Claim", "REG-T3")]
    public void RegCounterexamples_Numbers()
    {
        Snapshot.Match(
            new
            {
                RegT3 = new[] { (2, 0.0, 1.0), (3, 0.0, 1.0) }.Select(c => new
                {
                    Claim = "REG-T3",
                    Case = $"L = {c.Item1}, m = {c.Item2}, lambda = {c.Item3}, minimizer w = 0",
                    OracleEigenvalues = OracleEigenvalues(c.Item2, c.Item3, new double[c.Item1]),
                    PrintedEq17 = Theorem3.PrintedEigenvalues(0, c.Item3, c.Item1).Select(Rounded.Of).ToArray(),
                    Corrected = Theorem3.Eigenvalues(c.Item2, 0, c.Item3, c.Item1).Select(Rounded.Of).ToArray(),
                }).ToArray(),
                RegT2 = new
                {
                    Claim = "REG-T2",
                    Case = "L = 3, m = 2, lambda = 3 = lambda_c",
                    LambdaC = Rounded.Of(CriticalLambda.Of(2, 3)),
                    Minimizers = ScalarEndToEnd.GlobalMinimizers(2, 3, 3).Select(rho => new
                    {
                        Rho = Rounded.Of(rho),
                        D = Rounded.Of(Math.Pow(2 - rho, 2)),
                        R = Rounded.Of(3 * Math.Pow(Math.Abs(rho), 2.0 / 3)), // (lambda/L) sum_i w_i^2 = lambda |rho|^(2/L) at balanced layers
                        Loss = Rounded.Of(ScalarEndToEnd.Objective(2, 3, 3, rho)),
                    }).ToArray(),
                },
                RegIso = new
                {
                    Claim = "REG-ISO",
                    Case = "L = 2, m = 1, lambda = 2 = 2|m|, minimizer w = 0",
                    OracleEigenvalues = OracleEigenvalues(1, 2, Origin),
                    // L(t v) - L(0) = t^4 / 4 along the null vector v = (1, 1)/sqrt 2: quartic growth, so still isolated.
                    // Four digits: the difference cancels about seven of the loss's sixteen.
                    LossAlongNullDirection = Steps.Select(t => (Landscape(1, 2, [t / Math.Sqrt(2), t / Math.Sqrt(2)]).Loss() - 1).ToString("G4", System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
                },
                AbsCollapse = Depths.Select(l => new
                {
                    Claim = "ABS-COLLAPSE",
                    Depth = l,
                    LambdaCAtM1 = Rounded.Of(CriticalLambda.Of(1, l)),
                    TieFraction = Rounded.Of(CriticalLambda.TieFraction(l)),
                }).ToArray(),
            },
            "REG-counterexamples");
    }

    private static readonly double[] Origin = [0, 0];
    private static readonly double[] Steps = [1e-2, 2e-2];
    private static readonly int[] Depths = [2, 3, 4, 10];

    private static LossLandscape Landscape(double m, double lambda, double[] w) =>
        new([.. w.Select(x => Matrix<double>.Build.Dense(1, 1, x))], Matrix<double>.Build.Dense(1, 1, m), lambda);

    private static string[] OracleEigenvalues(double m, double lambda, double[] w) =>
        [.. Landscape(m, lambda, w).DenseHessian().Evd(Symmetricity.Symmetric).EigenValues.Select(e => e.Real).Order().Select(Rounded.Of)];
}

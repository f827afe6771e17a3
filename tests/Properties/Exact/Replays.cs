// Failures found once, pinned as regressions with the output that first showed them.
using Sharpness.Verification;
using Sharpness.Verification.Claims.Exact;
using Sharpness.Verification.Generators;
using Xunit;

namespace Sharpness.Tests.Properties.Exact;

public sealed class Replays
{
    private static void AssertHolds(Claim claim, string property, MinimizerRecipe recipe)
    {
        var outcome = ((ClaimProperty<MinimizerRecipe>)claim.Property(property)).CheckCase(recipe, Formulas.Theory);
        Assert.True(outcome.Holds, outcome.Evidence);
    }

    // Was: "Gaussian/Generic widths (1,2,1,1,2,1,2) scale 1e-3 seed 948535349 => oracle lambda_max 2.119072349E-30 <= bound 2.079849752E-30".
    // MathNet's SVD lost 2% on the tiny partial products; fixed by normalizing before every SVD (Linear/ScaledSvd.cs).
    [Fact]
    [Trait("Claim", "EXACT-C10")]
    public void ExactC10_Replay_TinyScaleSpectralNorms() =>
        AssertHolds(ExactC10.Claim, "UpperBoundAndSufficientCondition", new(MinimizerKind.Gaussian, TargetKind.Generic, [1, 2, 1, 1, 2, 1, 2], -3, 948535349));

    // Was: "Gaussian/Zero widths (2,2,3) scale 1e0 seed 1503688448 => NotAMinimizerException: ||M - W_L...W_1||_F = 6.55081E-20 exceeds
    // the tolerance 1.68464E-25": the zero target was zero only up to rounding; now its layers have disjoint supports.
    [Fact]
    [Trait("Claim", "EXACT-C8")]
    public void ExactC8_Replay_ExactlyZeroTargetFromGaussianLayers() =>
        AssertHolds(ExactC8.Claim, "FlatIffSpectralBalanced", new(MinimizerKind.Gaussian, TargetKind.Zero, [2, 2, 3], 0, 1503688448));

    // Was: "GaugedBalanced/RankDeficient widths (1,1,1,1) scale 1e0 seed 641847647 => formula 2.31E-12 vs oracle 0 ... at scale 0, allowed 0":
    // at a zero Hessian the finite-difference scale must include the loss's own curvature scale.
    [Fact]
    [Trait("Claim", "EXACT-L2")]
    public void ExactL2_Replay_ZeroHessian() =>
        AssertHolds(ExactL2.Claim, "LineSecondDerivativeMaxIsLambdaMax", new(MinimizerKind.GaugedBalanced, TargetKind.RankDeficient, [1, 1, 1, 1], 0, 641847647));

    // Was: "GaugedBalanced/Zero widths (1,2,1) ... => ArgumentException: Matrix dimensions must agree: op1 is 1x2, op2 is 1x1":
    // Theorem 4's direction used A B^T for A^T B^T.
    [Fact]
    [Trait("Claim", "EXACT-T4")]
    public void ExactT4_Replay_DirectionShapes() =>
        AssertHolds(ExactT4.Claim, "LambdaMaxEqualsDenseOracle", new(MinimizerKind.GaugedBalanced, TargetKind.Zero, [1, 2, 1], 0, 674111248));
}

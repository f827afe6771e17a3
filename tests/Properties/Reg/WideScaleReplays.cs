// Regularized scalar checks that were not scale-invariant, found by drawing |m| across the double range; each is now judged
// at the problem's own scales (the loss is homogeneous: W_i -> c W_i, m -> c^L m, lambda -> c^(2L-2) lambda scales it by c^(2L)).
using Sharpness.Verification;
using Sharpness.Verification.Claims.Reg;
using Sharpness.Verification.Generators;
using Xunit;

namespace Sharpness.Tests.Properties.Reg;

public sealed class WideScaleReplays
{
    private static readonly int[] SignPatterns = [0, 1, 2, 5, 255];

    private static void AssertHolds(Claim claim, string property, ScalarRegularizedCase @case)
    {
        var outcome = ((ClaimProperty<ScalarRegularizedCase>)claim.Property(property)).CheckCase(@case, Formulas.Theory);
        Assert.True(outcome.Holds, $"{@case}: {outcome.Evidence}");
    }

    // Was: D and R compared at m^2 + lambda = 1e-60, so (1e-60, 0) and (2.5e-61, 7.5e-61) read as equal and the tie's two
    // minimizers as one. Now at RegularizedMinimum.ValueScale (m^2 + lambda |m|^(2/L), about 2.7e-60 here): they differ.
    [Fact]
    [Trait("Claim", "REG-T2")]
    public void RegT2_Replay_TieAtTinyTargetHasTwoDifferentSplits()
    {
        foreach (var signs in SignPatterns)
        {
            AssertHolds(RegT2.Claim, "DataAndRegularizerDiffer_AtTheThreshold", new(1e-30, 3, 1, signs));
        }
    }

    // Was: descent started at step 1 and gave up below step 1e-30 in the original coordinates, so at curvature 2e-20 it
    // stopped at loss 1.7e-29 against the minimum 1e-40. Now it runs on u = w / s, loss / s^(2L) (s a power of two).
    [Fact]
    [Trait("Claim", "REG-T2")]
    public void RegT2_Replay_DescentConvergesAtTinyTarget()
    {
        foreach (var signs in SignPatterns)
        {
            AssertHolds(RegT2.Claim, "MinimumMatchesDescentFromRandomStarts", new(-1e-20, 2, 1.001, signs));
        }
    }

    // Was: the isolation step t = 1e-2 (|m| + lambda)^(1/2L) = 1.7e5 against a length of 1e15, so the rise lambda t^2 / 2 =
    // 1e41 was lost in the rounding of the loss m^2 = 1e60. Now t = 1e-2 ValueScale^(1/2L).
    [Fact]
    [Trait("Claim", "REG-ISO")]
    public void RegIso_Replay_IsolationAtHugeTarget()
    {
        foreach (var signs in SignPatterns)
        {
            AssertHolds(RegIso.Claim, "HessianNonsingularIffPredicateSaysSo", new(-1e30, 2, 3.43, signs));
        }
    }

    // Was: "imbalance 1.1E-158 at an optimizer-found minimizer", judged at the endpoint's own norms: above the threshold the
    // minimizer is W = 0 and the optimizer stopped near 1e-79 (layers of the problem are near 1e-35). Now judged at the larger
    // of those norms and the problem's squared length ValueScale^(1/L).
    [Fact]
    [Trait("Claim", "REG-T1")]
    public void RegT1_Replay_CollapsedEndpointAtTinyTargetIsBalanced()
    {
        var @case = new RegularizedMatrixCase([1, 2, 3, 1, 2], TargetKind.Generic, 2.070934593854598, 911125401, -140);
        var outcome = ((ClaimProperty<RegularizedMatrixCase>)RegT1.Claim.Property("OptimizerFoundMinimizersBalanced")).CheckCase(@case, Formulas.Theory);
        Assert.True(outcome.Holds, $"{@case}: {outcome.Evidence}");
        Assert.Equal(OutcomeKind.Checked, outcome.Kind);
    }

    // The generators reach every part of the double range they claim to (so the properties above are exercised there).
    [Fact]
    public void RegularizedGenerators_DrawEveryScaleRegime()
    {
        string[] regimes = ["moderate scale (1e-3..1e3)", "tiny scale (below 1e-3)", "huge scale (above 1e3)", "scale at the edge of the double range"];
        var scalar = FsCheck.Fluent.Gen.Sample(ScalarRegularizedCase.All().Generator, 2000).Select(c => c.ScaleRegime).Distinct().Order();
        var matrix = FsCheck.Fluent.Gen.Sample(RegularizedMatrixCase.All().Generator, 2000).Select(c => c.ScaleRegime).Distinct().Order();
        Assert.Equal(regimes.Order(), scalar);
        Assert.Equal(regimes.Order(), matrix);
    }
}

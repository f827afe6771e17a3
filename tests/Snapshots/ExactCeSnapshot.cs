using Sharpness.Theory;
using Sharpness.Theory.Constructions;
using Sharpness.Theory.Exact;
using Sharpness.Verification;
using Snapshooter.Xunit;
using Xunit;

namespace Sharpness.Tests.Snapshots;

public sealed class ExactCeSnapshot
{
    [Fact]
    [Trait("Claim", "EXACT-CE")]
    public void ExactCe_Numbers()
    {
        var ce = Section6Counterexample.Minimizer();
        var balanced = Balanced.FromTarget(ce.Target, ce.Widths);
        var l = ce.Layer(2);
        var r = ce.Layer(1).Transpose();
        Snapshot.Match(
            new
            {
                Claim = "EXACT-CE",
                Target = "diag(11, 2, 1)",
                L = "diag(sqrt 11, 2/3, 1)",
                R = "diag(sqrt 11, 3, 1)",
                LambdaMaxCorollary6 = Rounded.Of(Corollary6.LambdaMax(ce)),
                LambdaMaxTheorem5 = Rounded.Of(Theorem5.LambdaMax(ce)),
                LambdaMaxDenseOracle = Rounded.Of(Oracle.Dense(ce).LambdaMax),
                FlatValue = Rounded.Of(MulayoffMichaeli.FlatValue(ce.Target, 2)),
                LLtDiagonal = l.TransposeAndMultiply(l).Diagonal().Select(Rounded.Of).ToArray(),
                RRtDiagonal = r.TransposeAndMultiply(r).Diagonal().Select(Rounded.Of).ToArray(),
                Balanced = Balancedness.IsBalanced(ce.Point),
                FrobeniusSquaredL = Rounded.Of(Math.Pow(l.FrobeniusNorm(), 2)),
                FrobeniusSquaredR = Rounded.Of(Math.Pow(r.FrobeniusNorm(), 2)),
                HessianTrace = Rounded.Of(HessianTrace.Trace(ce)),
                HessianTraceOfBalancedMinimizer = Rounded.Of(HessianTrace.Trace(balanced)),
                TraceFlatValue = Rounded.Of(HessianTrace.DepthTwoTraceFlatValue(ce.Target)),
                LambdaMaxFlat = Corollary8.IsFlat(ce),
                TraceFlat = HessianTrace.IsTraceFlat(ce),
            },
            "EXACT-CE");
    }
}

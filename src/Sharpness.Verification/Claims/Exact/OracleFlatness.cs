// Flatness judged by the oracle alone: a minimizer is flat when its oracle lambda_max equals the oracle
// lambda_max of the balanced minimizer of the same target and widths. That reference is the minimum over
// Omega because balanced minimizers attain the lower bound of eq. 35 (checked on its own by EXACT-MM).
using Sharpness.Theory;
using Sharpness.Theory.Constructions;

namespace Sharpness.Verification.Claims.Exact;

/// <summary>Oracle-side flatness, independent of every flatness predicate under test.</summary>
internal static class OracleFlatness
{
    internal static (bool IsFlat, string Evidence) Judge(Minimizer minimizer, DenseHessian dense)
    {
        var reference = Oracle.Dense(Balanced.FromTarget(minimizer.Target, minimizer.Widths)).LambdaMax;
        var scale = Math.Max(dense.Scale, reference);
        var flat = Tolerance.Flatness.IsClose(dense.LambdaMax, reference, scale);
        return (flat, $"oracle lambda_max {dense.LambdaMax:G10} vs flat reference {reference:G10} ({(flat ? "flat" : "not flat")})");
    }
}

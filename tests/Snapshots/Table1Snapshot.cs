using MathNet.Numerics.LinearAlgebra;
using Sharpness.Theory;
using Sharpness.Theory.Constructions;
using Sharpness.Theory.Exact;
using Sharpness.Verification;
using Snapshooter.Xunit;
using Xunit;

namespace Sharpness.Tests.Snapshots;

/// <summary>
/// EXACT Table 1 on canonical small examples: each row's closed form (restricted to the set of minimizers the
/// cited work covers) against the dense oracle at a minimizer of that set.
/// </summary>
public sealed class Table1Snapshot
{
    [Fact]
    [Trait("Claim", "EXACT-T5")]
    public void ExactTable1_ClosedFormsAgainstOracle()
    {
        var target23 = Matrix<double>.Build.DenseOfArray(new double[,] { { 3, 1, 0 }, { 0, 2, 1 } });
        var rows = new[]
        {
            Row("Mulayoff & Michaeli (2020, Thm 1)", "flat", Balanced.FromTarget(target23, [3, 4, 4, 2]), m => MulayoffMichaeli.FlatValue(m.Target, m.Depth)),
            Row("Zhu et al. (2023, App. B.1)", "any", Minimizer.OfProduct([Matrix<double>.Build.Dense(1, 1, 3), Matrix<double>.Build.Dense(1, 1, 0.5)]), Theorem4.LambdaMax),
            Row("Singh & Hofmann (2024, Thm 1)", "any", Unbalanced.Gaussian([1, 4, 1], new Random(1)), Corollary6.LambdaMax),
            Row("Ghosh et al. (2025, Lemma 1)", "balanced", Balanced.FromTarget(target23, [3, 3, 3, 3, 2], new Random(2)), m => MulayoffMichaeli.FlatValue(m.Target, m.Depth)),
            Row("Theorem 5 (this paper)", "any", Unbalanced.Gaussian([3, 4, 3, 2], new Random(3)), Theorem5.LambdaMax),
            Row("Theorem 5 on EXACT-CE", "flat, unbalanced", Section6Counterexample.Minimizer(), Theorem5.LambdaMax),
        };
        Snapshot.Match(rows, "EXACT-Table1");
    }

    private static object Row(string work, string set, Minimizer minimizer, Func<Minimizer, double> formula)
    {
        var dense = Oracle.Dense(minimizer);
        var value = formula(minimizer);
        return new
        {
            Work = work,
            Depth = minimizer.Depth,
            InputDim = minimizer.Widths[0],
            OutputDim = minimizer.Widths[^1],
            Minimizers = set,
            ClosedForm = Rounded.Of(value),
            Oracle = Rounded.Of(dense.LambdaMax),
            RelativeDifference = Rounded.ErrorBound(Math.Abs(value - dense.LambdaMax) / dense.Scale),
        };
    }
}

using MathNet.Numerics.LinearAlgebra;
using Sharpness.Theory.Exact;
using Snapshooter.Xunit;
using Xunit;

namespace Sharpness.Tests.Snapshots;

/// <summary>
/// The <c>lambda-max</c> verb's outputs: the table and the JSON for an unregularized minimizer, a non-minimizer, a regularized
/// scalar minimizer and a point large enough for Lanczos, and the one-line error of each kind of bad input. Numbers are
/// rounded to 10 significant digits in the snapshot (<see cref="Rounded"/>), not in the verb's output.
/// </summary>
public sealed class LambdaMaxSnapshots
{
    private static Matrix<double> Of(double[,] entries) => Matrix<double>.Build.DenseOfArray(entries);

    [Fact]
    [Trait("Claim", "EXACT-CE")]
    public void LambdaMax_UnregularizedMinimizer_SectionSixCounterexample()
    {
        var ce = Section6Counterexample.Minimizer();
        Match(LambdaMaxRun.NetworkJson(ce.Layers(), ce.Target), "LambdaMax-EXACT-CE");
    }

    [Fact]
    public void LambdaMax_NonMinimizer()
    {
        var layers = new[] { Of(new double[,] { { 1, 2 }, { 0, 1 }, { 1, 0 } }), Of(new double[,] { { 1, 0, 1 }, { 0, 1, 1 } }) };
        Match(LambdaMaxRun.NetworkJson(layers, Of(new double[,] { { 1, 0 }, { 0, 1 } })), "LambdaMax-NonMinimizer");
    }

    [Fact]
    [Trait("Claim", "REG-T3")]
    public void LambdaMax_RegularizedScalarChainMinimizer()
    {
        // m = 2, lambda = 0.5, L = 3: rho = 1.8645888620646507, w = rho^(1/3); the literal keeps the input free of Math.Pow,
        // whose last bit may differ between platforms. Signs (+, -, -) multiply to the sign of m.
        const double w = 1.2308194821185248;
        var layers = new[] { w, -w, -w }.Select(x => Matrix<double>.Build.Dense(1, 1, x));
        Match(LambdaMaxRun.NetworkJson(layers, Matrix<double>.Build.Dense(1, 1, 2), 0.5), "LambdaMax-REG-T3-ScalarChain");
    }

    [Fact]
    [Trait("Claim", "REGM-LMAX")]
    public void LambdaMax_RegularizedMatrixMinimizer_TiedPair()
    {
        // M = diag(3, 3), lambda = 2, L = 2: rho = 3 - lambda/2 = 2, W_1 = W_2 = sqrt(2) I (the literal keeps Math.Sqrt out of
        // the input). REGM-LMAX's pair block gives 2 L a^(2L-2) + 2 lambda = 12, where REG-T3 per singular value would say 8.
        const double a = 1.4142135623730951;
        var layer = Matrix<double>.Build.DenseOfDiagonalArray([a, a]);
        Match(LambdaMaxRun.NetworkJson([layer, layer], Matrix<double>.Build.DenseOfDiagonalArray([3.0, 3.0]), 2), "LambdaMax-REGM-LMAX-TiedPair");
    }

    [Fact]
    [Trait("Claim", "REGM-LMAX")]
    public void LambdaMax_RegularizedMatrixMinimizer_Bottleneck()
    {
        // M = diag(3, 2.9), widths (2, 1, 2), lambda = 1/2: the minimizer fits s_1 (rho = 2.75, a = sqrt(2.75) as a literal) and
        // leaves s_2 unfitted; lambda_max = 2 rho + lambda + 2 s_2 = 11.8 (the pair of s_1 with s_2), not the fitted part's 11.
        const double a = 1.6583123951777;
        Match(
            LambdaMaxRun.NetworkJson([Matrix<double>.Build.DenseOfArray(new[,] { { a, 0 } }), Matrix<double>.Build.DenseOfArray(new[,] { { a }, { 0 } })], Matrix<double>.Build.DenseOfDiagonalArray([3.0, 2.9]), 0.5),
            "LambdaMax-REGM-LMAX-Bottleneck");
    }

    [Fact]
    [Trait("Claim", "EXACT-T5")]
    public void LambdaMax_LargePoint_UsesLanczos()
    {
        // Widths 3, 20, 20, 3: N = 520 > 400. Entries are exact quarters from a fixed pattern, so the input is the same everywhere.
        static Matrix<double> Pattern(int rows, int columns, int offset) =>
            Matrix<double>.Build.Dense(rows, columns, (i, j) => ((((7 * i) + (3 * j) + offset) % 11) - 5) / 4.0);
        Match(LambdaMaxRun.NetworkJson([Pattern(20, 3, 0), Pattern(20, 20, 1), Pattern(3, 20, 2)]), "LambdaMax-Lanczos");
    }

    [Fact]
    public void LambdaMax_BadInputs_OneLineErrorEach_ExitCodeTwo()
    {
        var inputs = new (string Kind, string Json)[]
        {
            ("malformed JSON", "{\"layers\": [[[1, 2], [3"),
            ("empty file", ""),
            ("not an object", "[[[1]]]"),
            ("missing layers", "{\"target\": [[1]]}"),
            ("empty layers", "{\"layers\": []}"),
            ("layers not a list", "{\"layers\": {\"W_1\": [[1]]}}"),
            ("matrix not a list", "{\"layers\": [[[1]], 2]}"),
            ("row not a list", "{\"layers\": [[1, 2]]}"),
            ("matrix without rows", "{\"layers\": [[]]}"),
            ("empty row", "{\"layers\": [[[]]]}"),
            ("ragged rows", "{\"layers\": [[[1, 2], [3, 4], [5]]]}"),
            ("shapes do not chain", "{\"layers\": [[[1, 2], [3, 4], [5, 6], [7, 8]], [[1, 2, 3]]]}"),
            ("target of the wrong shape", "{\"layers\": [[[1, 2], [3, 4]]], \"target\": [[1, 2, 3], [4, 5, 6]]}"),
            ("NaN entry", "{\"layers\": [[[1, 2], [3, 4], [5, 6]], [[1, 2, 3], [4, 5, \"NaN\"]]]}"),
            ("NaN entry in the target", "{\"layers\": [[[1]], [[1]]], \"target\": [[\"nan\"]]}"),
            ("overflowing entry", "{\"layers\": [[[1, 1e400]]]}"),
            ("infinite entry", "{\"layers\": [[[1]], [[\"-Infinity\"]]]}"),
            ("boolean entry", "{\"layers\": [[[1, true]]]}"),
            ("null entry", "{\"layers\": [[[null]]]}"),
            ("text entry", "{\"layers\": [[[1, \"two\"]]]}"),
            ("quoted number", "{\"layers\": [[[1, \"2.5\"]]]}"),
            ("negative lambda", "{\"layers\": [[[1]]], \"lambda\": -0.5}"),
            ("NaN lambda", "{\"layers\": [[[1]]], \"lambda\": \"NaN\"}"),
            ("overflowing lambda", "{\"layers\": [[[1]]], \"lambda\": 1e999}"),
            ("text lambda", "{\"layers\": [[[1]]], \"lambda\": \"small\"}"),
            ("unknown property", "{\"layers\": [[[1]]], \"lamda\": 0.1}"),
            ("repeated property", "{\"layers\": [[[1]]], \"layers\": [[[2]]]}"),
            ("infeasible widths", "{\"layers\": [[[1, 1, 1]], [[1], [1], [1]]]}"),
            ("numbers too large", "{\"layers\": [[[1e160]], [[1e160]]]}"),
            ("Hessian too large", "{\"layers\": [[[1e151]], [[1e140]]]}"),
            ("loss too large", "{\"layers\": [[[1]]], \"target\": [[1e151]]}"),
            ("numbers too small", "{\"layers\": [[[1e-160]], [[1e-160]]], \"target\": [[0]]}"),
            ("subnormal target", "{\"layers\": [[[1e-300]], [[1e-20]]], \"target\": [[1e-320]]}"),
            ("underflowing default target", "{\"layers\": [[[1e-160]], [[1e-160]]]}"),
        };
        var rows = inputs.Select(input =>
        {
            var result = LambdaMaxRun.OnText(input.Json, asJson: false);
            return Row(input.Kind, result);
        }).ToList();
        rows.Add(Row("missing file", LambdaMaxRun.OnFile("does-not-exist.json", asJson: true)));
        Snapshot.Match(rows, "LambdaMax-Errors");
    }

    private static object Row(string kind, LambdaMaxRun.Result result)
    {
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        return new { Kind = kind, result.ExitCode, Error = result.Stderr.TrimEnd('\n') };
    }

    private static void Match(string json, string name)
    {
        var result = LambdaMaxRun.OnText(json, asJson: true);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Stderr);
        Snapshot.Match(new { Table = LambdaMaxRun.TableLines(json), Json = LambdaMaxRun.RoundedJson(result.Stdout) }, name);
    }
}

// lambda-max --certify (issue 10, item 6): the proven enclosure, the exact minimizer test and EXACT-T5 certified, in
// the JSON and the table; one line and exit 2 where dense certification does not apply.
using System.Text.Json;
using MathNet.Numerics.LinearAlgebra;
using Xunit;

namespace Sharpness.Tests.Snapshots;

public sealed class LambdaMaxCertifyTests
{
    [Fact]
    public void Certify_OwnProduct_IsAProvenMinimizerAndTheoremFiveIsCertified()
    {
        var layers = new[] { Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2 }, { 0.5, -1 } }), Matrix<double>.Build.DenseOfArray(new double[,] { { 3, -0.25 } }) };
        var result = LambdaMaxRun.OnText(LambdaMaxRun.NetworkJson(layers), asJson: true, certify: true);
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        var (lower, upper) = (root.GetProperty("certifiedLambdaMax").GetProperty("lower").GetDouble(), root.GetProperty("certifiedLambdaMax").GetProperty("upper").GetDouble());
        var oracle = root.GetProperty("oracleLambdaMax").GetDouble();
        Assert.True(lower <= upper && (upper - lower) <= 1e-12 * oracle, $"[{lower}, {upper}]");
        Assert.True(Math.Abs(oracle - ((lower + upper) / 2)) <= 1e-9 * oracle);
        Assert.True(root.GetProperty("certifiedMinimizer").GetBoolean());
        Assert.StartsWith("EXACT-T5 certified to hold", root.GetProperty("certifiedClosedFormVerdict").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Certify_GivenTargetOffTheProduct_IsProvenNotAMinimizer()
    {
        var layers = new[] { Matrix<double>.Build.DenseOfArray(new double[,] { { 1 } }), Matrix<double>.Build.DenseOfArray(new double[,] { { 1 } }) };
        var target = Matrix<double>.Build.DenseOfArray(new double[,] { { 1 + Math.Pow(2, -52) } });
        var result = LambdaMaxRun.OnText(LambdaMaxRun.NetworkJson(layers, target), asJson: true, certify: true);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.True(json.RootElement.GetProperty("isMinimizer").GetBoolean()); // within the floating-point tolerance...
        Assert.False(json.RootElement.GetProperty("certifiedMinimizer").GetBoolean()); // ...but provably not a minimizer
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("certifiedClosedForm").ValueKind);
    }

    [Fact]
    public void Certify_Regularized_LeavesMinimalityUndecidedWithTheReason()
    {
        var layers = new[] { Matrix<double>.Build.DenseOfArray(new double[,] { { 1 } }), Matrix<double>.Build.DenseOfArray(new double[,] { { 1 } }) };
        var result = LambdaMaxRun.OnText(LambdaMaxRun.NetworkJson(layers, lambda: 0.5), asJson: true, certify: true);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("certifiedMinimizer").ValueKind);
        Assert.Contains("not decided", json.RootElement.GetProperty("certifiedMinimizerReason").GetString(), StringComparison.Ordinal);
        Assert.True(json.RootElement.GetProperty("certifiedLambdaMax").GetProperty("upper").GetDouble() >= json.RootElement.GetProperty("oracleLambdaMax").GetDouble() - 1e-12);
    }

    [Fact]
    public void Certify_BeyondTheDenseLimit_CertifiesTheLowerBoundOnly()
    {
        var random = new Random(5);
        var layers = new[] { Matrix<double>.Build.Dense(51, 50, (_, _) => random.NextDouble() - 0.5), Matrix<double>.Build.Dense(1, 51, (_, _) => random.NextDouble() - 0.5) };
        var result = LambdaMaxRun.OnText(LambdaMaxRun.NetworkJson(layers), asJson: true, certify: true);
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var certified = json.RootElement.GetProperty("certifiedLambdaMax");
        var oracle = json.RootElement.GetProperty("oracleLambdaMax").GetDouble();
        Assert.Equal(JsonValueKind.Null, certified.GetProperty("upper").ValueKind);
        Assert.False(certified.GetProperty("upperCertified").GetBoolean());
        var lower = certified.GetProperty("lower").GetDouble();
        Assert.True(lower <= oracle * (1 + 1e-12) && lower >= oracle * (1 - 1e-9), $"lower {lower} vs oracle {oracle}");
        Assert.Contains("beyond the dense limit", certified.GetProperty("whyWide").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Certify_TooWideForTheMatrixFreeBound_IsRefusedWithTheReason()
    {
        // Widths (2000, 200, 200): 5 * 200 * 200 * 2000 = 4e8 interval multiply-adds, above the budget; refused before any work.
        var layers = new[] { Matrix<double>.Build.Dense(200, 2000, 0.01), Matrix<double>.Build.Dense(200, 200, 0.01) };
        var network = Sharpness.Cli.LambdaMax.NetworkFile.Parse(LambdaMaxRun.NetworkJson(layers));
        var refusal = Assert.Throws<Sharpness.Cli.LambdaMax.NetworkFileException>(() => Sharpness.Cli.LambdaMax.Certification.Of(network, new double[440000]));
        Assert.Equal("--certify: N = 440000 is beyond the dense limit 2500, and the matrix-free lower bound would take 4E+08 interval multiply-adds, above 3E+08 (leave out --certify for the oracle's value)", refusal.Message);
    }

    [Fact]
    public void Certify_TableShowsTheEnclosureAndTheVerdicts()
    {
        var layers = new[] { Matrix<double>.Build.DenseOfArray(new double[,] { { 2 } }), Matrix<double>.Build.DenseOfArray(new double[,] { { 0.5 } }) };
        var result = LambdaMaxRun.OnText(LambdaMaxRun.NetworkJson(layers), asJson: false, certify: true);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Certified lambda_max", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Certified minimizer", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Certified closed form", result.Stdout, StringComparison.Ordinal);
    }
}

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
    public void Certify_TooLargeForDenseCertification_OneLineAndExitTwo()
    {
        var layers = new[] { Matrix<double>.Build.Dense(51, 50, 0.01), Matrix<double>.Build.Dense(1, 51, 0.01) };
        var result = LambdaMaxRun.OnText(LambdaMaxRun.NetworkJson(layers), asJson: true, certify: true);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Equal("error: --certify works on the dense Hessian up to N = 2500 parameters; this network has N = 2601 (leave out --certify for the oracle's value)", result.Stderr.TrimEnd());
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

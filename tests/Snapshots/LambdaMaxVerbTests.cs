using System.Text.Json;
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Cli.LambdaMax;
using Sharpness.Oracles;
using Sharpness.Theory;
using Sharpness.Theory.Constructions;
using Sharpness.Theory.Exact;
using Sharpness.Theory.Regularized;
using Xunit;

namespace Sharpness.Tests.Snapshots;

/// <summary>
/// The <c>lambda-max</c> verb against computations that do not go through it: its <c>oracleLambdaMax</c> against the oracles
/// called directly (Lanczos against a dense EVD), its <c>closedFormLambdaMax</c> against Theorem 5 and the corrected REG
/// Theorem 3; and the examples users are pointed to run cleanly and write nothing.
/// </summary>
public sealed class LambdaMaxVerbTests
{
    public static TheoryData<int[], int, double> RandomMinimizers { get; } = new()
    {
        { [1, 3, 1], 1, 1 },
        { [2, 3, 4], 2, 0.5 },
        { [3, 4, 4, 2], 3, 1 },
        { [2, 2, 2, 2, 2, 2], 4, 2 },
        { [4, 5, 3], 5, 0.01 },
        { [1, 1, 1, 1], 6, 3 },
    };

    private static JsonElement RunJson(string json)
    {
        var result = LambdaMaxRun.OnText(json, asJson: true);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }

    [Theory]
    [MemberData(nameof(RandomMinimizers))]
    [Trait("Claim", "EXACT-T5")]
    public void LambdaMax_Json_AgreesWithDenseOracleAndTheorem5_AtRandomMinimizers(int[] widths, int seed, double scale)
    {
        var minimizer = Unbalanced.Gaussian(widths, new Random(seed), scale);
        var output = RunJson(LambdaMaxRun.NetworkJson(minimizer.Layers(), minimizer.Target));

        var hessian = new LossLandscape(minimizer.Layers(), minimizer.Target).DenseHessian();
        var oracle = DenseSpectrum.Largest(hessian).Value;
        var theorem5 = Theorem5.LambdaMax(minimizer);
        var reported = output.GetProperty("oracleLambdaMax").GetDouble();
        var closedForm = output.GetProperty("closedFormLambdaMax").GetDouble();

        Assert.True(output.GetProperty("isMinimizer").GetBoolean());
        Assert.Equal("dense", output.GetProperty("oracle").GetString());
        Assert.True(Tolerance.DenseOracle.IsClose(reported, oracle, hessian.FrobeniusNorm()), $"verb {reported:R}, oracle {oracle:R}");
        Assert.True(Tolerance.DenseOracle.IsClose(closedForm, theorem5, hessian.FrobeniusNorm()), $"verb {closedForm:R}, Theorem 5 {theorem5:R}");
        Assert.Equal(2 / reported, output.GetProperty("maxStableStep").GetDouble(), 12);
    }

    [Fact]
    [Trait("Claim", "EXACT-T5")]
    public void LambdaMax_Json_LanczosAgreesWithDenseEvd_AboveTheDenseLimit()
    {
        var minimizer = Unbalanced.Gaussian([3, 14, 14, 14, 3], new Random(7));
        Assert.True(minimizer.ParameterCount > SharpnessReport.DenseLimit);
        var output = RunJson(LambdaMaxRun.NetworkJson(minimizer.Layers()));

        var hessian = new LossLandscape(minimizer.Layers(), minimizer.Target).DenseHessian();
        var dense = DenseSpectrum.Largest(hessian).Value;
        var reported = output.GetProperty("oracleLambdaMax").GetDouble();
        Assert.Equal("lanczos", output.GetProperty("oracle").GetString());
        Assert.False(output.GetProperty("targetGiven").GetBoolean());
        Assert.True(Tolerance.LanczosOracle.IsClose(reported, dense, hessian.FrobeniusNorm()), $"Lanczos {reported:R}, dense {dense:R}");
        Assert.True(Tolerance.LanczosOracle.IsClose(output.GetProperty("closedFormLambdaMax").GetDouble(), Theorem5.LambdaMax(minimizer), hessian.FrobeniusNorm()));
    }

    [Theory]
    [InlineData(2.0, 0.5, 3, 1)]
    [InlineData(-1.5, 0.2, 4, 0)]
    [InlineData(2.0, 5.0, 3, 2)]
    [InlineData(1.0, 2.0, 2, 0)]
    [InlineData(0.7, 0.05, 5, 9)]
    [Trait("Claim", "REG-T3")]
    public void LambdaMax_Json_AgreesWithOracleAndCorrectedTheorem3_AtRegularizedScalarMinimizers(double m, double lambda, int depth, int signs)
    {
        var rho = ScalarEndToEnd.GlobalMinimizers(m, lambda, depth)[^1];
        var values = RegularizedScalarMinimizer.Layers(rho, depth, signs);
        var layers = values.Select(x => Matrix<double>.Build.Dense(1, 1, x)).ToList();
        var target = Matrix<double>.Build.Dense(1, 1, m);
        var output = RunJson(LambdaMaxRun.NetworkJson(layers, target, lambda));

        var hessian = new LossLandscape(layers, target, lambda).DenseHessian();
        var oracle = DenseSpectrum.Largest(hessian).Value;
        var corrected = Theorem3.LambdaMax(m, Math.Abs(values[0]), lambda, depth);
        Assert.True(output.GetProperty("isMinimizer").GetBoolean());
        Assert.True(Tolerance.DenseOracle.IsClose(output.GetProperty("oracleLambdaMax").GetDouble(), oracle, hessian.FrobeniusNorm()));
        Assert.True(Tolerance.DenseOracle.IsClose(output.GetProperty("closedFormLambdaMax").GetDouble(), corrected, hessian.FrobeniusNorm()));
        Assert.True(output.GetProperty("isFlat").GetBoolean());
    }

    [Fact]
    [Trait("Claim", "REG-T3")]
    public void LambdaMax_Json_RegularizedMatrixPoint_HasNoClosedFormAndUnknownFlatness()
    {
        var target = RandomMatrices.Gaussian(2, 3, new Random(11));
        var point = RegularizedMatrixMinimizer.FromTarget(target, [3, 3, 2], 0.3, new Random(12));
        var output = RunJson(LambdaMaxRun.NetworkJson(point.Layers(), target, 0.3));

        Assert.True(output.GetProperty("isMinimizer").GetBoolean());
        Assert.Equal(JsonValueKind.Null, output.GetProperty("closedFormLambdaMax").ValueKind);
        Assert.Equal(JsonValueKind.Null, output.GetProperty("flatValue").ValueKind);
        Assert.Equal(JsonValueKind.Null, output.GetProperty("isFlat").ValueKind);
        Assert.Equal(JsonValueKind.Number, output.GetProperty("maxStableStep").ValueKind);
    }

    [Fact]
    public void LambdaMax_Json_ZeroHessian_HasNoFiniteStableStep()
    {
        // L = 3, widths 1, w = (1, 0, 0), m = 0: every A_k B_k vanishes, so the Hessian is zero and every step is stable.
        var layers = new[] { 1.0, 0, 0 }.Select(x => Matrix<double>.Build.Dense(1, 1, x));
        var output = RunJson(LambdaMaxRun.NetworkJson(layers));

        Assert.Equal(0, output.GetProperty("oracleLambdaMax").GetDouble());
        Assert.Equal(JsonValueKind.Null, output.GetProperty("maxStableStep").ValueKind);
        Assert.Contains("every step size is stable", output.GetProperty("maxStableStepSource").GetString(), StringComparison.Ordinal);
        Assert.True(output.GetProperty("maxStableStepUnbounded").GetBoolean());
        Assert.True(output.GetProperty("isFlat").GetBoolean());
    }

    [Fact]
    public void LambdaMax_Examples_RunWithExitZero_InBothForms_AndWriteNothing()
    {
        var examples = Path.Combine(RepositoryRoot(), "examples");
        var files = Directory.GetFiles(examples, "*.json").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        var before = Directory.GetFileSystemEntries(examples).Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            foreach (var asJson in new[] { false, true })
            {
                var result = LambdaMaxRun.OnFile(file, asJson);
                Assert.True(result.ExitCode == 0, $"{Path.GetFileName(file)}: {result.Stderr}");
                Assert.Equal(string.Empty, result.Stderr);
                Assert.NotEmpty(result.Stdout);
            }
        }

        Assert.Equal(before, Directory.GetFileSystemEntries(examples).Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void LambdaMax_BadInput_WritesNothingBesideTheInput_AndNothingToStdout()
    {
        var directory = Directory.CreateTempSubdirectory("lambda-max-");
        try
        {
            var path = Path.Combine(directory.FullName, "bad.json");
            File.WriteAllText(path, "{\"layers\": [[[1, 2], [3, \"NaN\"]]]}");
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();

            Assert.Equal(2, LambdaMaxCommand.Run(path, json: true, stdout, stderr));
            Assert.Equal(string.Empty, stdout.ToString());
            Assert.Equal([path], Directory.GetFileSystemEntries(directory.FullName));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Sharpness.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Sharpness.sln not found above the test binaries.");
    }
}

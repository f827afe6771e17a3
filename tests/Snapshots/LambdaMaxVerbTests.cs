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
    [Trait("Claim", "REGM-LMAX")]
    public void LambdaMax_Json_RegularizedMatrixPoint_HasTheClosedFormAndIsFlat()
    {
        var target = RandomMatrices.Gaussian(2, 3, new Random(11));
        var point = RegularizedMatrixMinimizer.FromTarget(target, [3, 3, 2], 0.3, new Random(12));
        var output = RunJson(LambdaMaxRun.NetworkJson(point.Layers(), target, 0.3));

        Assert.True(output.GetProperty("isMinimizer").GetBoolean());
        Assert.Equal(JsonValueKind.Number, output.GetProperty("closedFormLambdaMax").ValueKind);
        Assert.True(output.GetProperty("closedFormAgreesWithOracle").GetBoolean());
        Assert.StartsWith("REGM-LMAX", output.GetProperty("closedFormSource").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Number, output.GetProperty("flatValue").ValueKind);
        Assert.True(output.GetProperty("isFlat").GetBoolean());
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

    /// <summary>The double-range cases of issue 9, each with the answer it must get.</summary>
    public static TheoryData<string, string, bool, double> RangeMinimizerCases { get; } = new()
    {
        // The residual 1e-200 squares to 0, but it is a third of the scale 3e-200: not a minimizer.
        { "residual below 1e-162", "{\"layers\": [[[1e-100]], [[1e-100]]], \"target\": [[2e-200]]}", false, 1e-200 },

        // 2 (w_1^2 + w_2^2) = 4e76; the former guard refused entries whose product exceeded 1e75.
        { "product near 1e76", "{\"layers\": [[[1e38]], [[1e38]]]}", true, 4e76 },
        { "product 1e200", "{\"layers\": [[[1e100]], [[1e100]]]}", true, 4e200 },
        { "lambda_max 4e298", "{\"layers\": [[[1e149]], [[1e149]]]}", true, 4e298 },

        // 2 (w_1^2 + w_2^2) with w = (1e-300, 1e-20): the product 1e-320 is subnormal, but lambda_max 2e-40 is not.
        { "subnormal product, target given", "{\"layers\": [[[1e-300]], [[1e-20]]], \"target\": [[0]]}", false, 1e-320 },

        // The scalar-chain closed form 2 sum_k prod_(i != k) w_i^2 at w = (1e-150, 1e149, 3): 1.8e299 + 2e-2 + 1.8e-299.
        { "layers 1e-150 and 1e149", "{\"layers\": [[[1e-150]], [[1e149]], [[3]]]}", true, 1.8e299 },
    };

    [Theory]
    [MemberData(nameof(RangeMinimizerCases))]
    public void LambdaMax_Json_AcrossTheDoubleRange_GetsTheRightAnswer(string kind, string json, bool isMinimizer, double expected)
    {
        var output = RunJson(json);
        Assert.True(isMinimizer == output.GetProperty("isMinimizer").GetBoolean(), kind);
        var reported = isMinimizer ? output.GetProperty("closedFormLambdaMax").GetDouble() : output.GetProperty("residual").GetDouble();
        Assert.True(Math.Abs(reported - expected) <= 1e-12 * expected, $"{kind}: {reported:R} vs {expected:R}");
        if (isMinimizer)
        {
            Assert.True(output.GetProperty("closedFormAgreesWithOracle").GetBoolean(), kind);
            Assert.True(Math.Abs(output.GetProperty("oracleLambdaMax").GetDouble() - expected) <= 1e-9 * expected, kind);
        }
    }

    [Theory]
    [InlineData("subnormal product as the default target", "{\"layers\": [[[1e-160]], [[1e-160]]]}", "cannot be the default target")]
    [InlineData("Hessian below the normal range", "{\"layers\": [[[1e-160]], [[1e-160]]], \"target\": [[0]]}", "too small for double precision")]
    [InlineData("subnormal target", "{\"layers\": [[[1e-300]], [[1e-20]]], \"target\": [[1e-320]]}", "target row 1 column 1 is 1E-320, a subnormal number")]
    [InlineData("lambda_max above 1e300", "{\"layers\": [[[1e151]], [[1e140]]]}", "the Hessian's entries could reach about 1e302")]
    [InlineData("product above 1e300", "{\"layers\": [[[1e160]], [[1e160]]]}", "the product W_L...W_1 could reach about 1e320")]
    [InlineData("loss above 1e300", "{\"layers\": [[[1]]], \"target\": [[1e151]]}", "the loss could reach about 1e302")]
    public void LambdaMax_BeyondTheDoubleRange_OneLineNamingTheLimit_ExitTwo(string kind, string json, string fragment)
    {
        var result = LambdaMaxRun.OnText(json, asJson: true);
        Assert.True(result.ExitCode == 2, $"{kind}: exit {result.ExitCode}, {result.Stdout}");
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains(fragment, result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-100)]
    [InlineData(-140)]
    [InlineData(70)]
    [Trait("Claim", "EXACT-T5")]
    public void LambdaMax_Json_ScaledLayers_ScaleLambdaMaxByCSquared(int exponent)
    {
        // At depth 2 lambda_max is homogeneous of degree 2 in a common scale c of the layers: the scaled file's closed form and
        // oracle must be c^2 times the unscaled file's (formerly up to 1e-5 off at these scales).
        var c = Math.Pow(10, exponent);
        var minimizer = Unbalanced.Gaussian([4, 5, 3], new Random(21));
        var plain = RunJson(LambdaMaxRun.NetworkJson(minimizer.Layers()));
        var scaled = RunJson(LambdaMaxRun.NetworkJson(minimizer.Layers().Select(w => w * c)));
        foreach (var name in new[] { "closedFormLambdaMax", "oracleLambdaMax" })
        {
            var expected = plain.GetProperty(name).GetDouble() * c * c;
            Assert.True(Math.Abs(scaled.GetProperty(name).GetDouble() - expected) <= 1e-9 * expected, $"{name}: {scaled.GetProperty(name).GetDouble():R} vs {expected:R}");
        }
    }

    [Fact]
    [Trait("Claim", "EXACT-T5")]
    public void LambdaMax_Json_Lanczos_On15x15DepthTwo_AtEntries1e80()
    {
        // N = 450 > 400, so Lanczos; the Hessian at a minimizer is homogeneous of degree 2 at depth 2, so the answer is 1e-160 times
        // the unscaled one (Lanczos formerly stalled at a residual of 1.6e-168 against a target of 2.3e-169).
        var minimizer = Unbalanced.Gaussian([15, 15, 15], new Random(5));
        var plain = RunJson(LambdaMaxRun.NetworkJson(minimizer.Layers()));
        var scaled = RunJson(LambdaMaxRun.NetworkJson(minimizer.Layers().Select(w => w * 1e-80)));
        Assert.Equal("lanczos", scaled.GetProperty("oracle").GetString());
        Assert.True(scaled.GetProperty("isMinimizer").GetBoolean());
        var expected = plain.GetProperty("oracleLambdaMax").GetDouble() * 1e-160;
        Assert.True(Math.Abs(scaled.GetProperty("oracleLambdaMax").GetDouble() - expected) <= 1e-9 * expected);
        Assert.True(scaled.GetProperty("closedFormAgreesWithOracle").GetBoolean());
    }

    [Fact]
    [Trait("Claim", "REG-T2")]
    public void LambdaMax_Json_RegularizedGlobalMinimum_IsScaleConsistent()
    {
        // m = 1e-30, lambda = 1e-42, L = 2 is m = 1, lambda = 1e-12 with layers scaled by c = 1e-15 (m -> c^2 m, lambda -> c^2 lambda):
        // w = 0 has loss m^2, far above the minimum, at both scales; the scaled global minimizer stays one.
        var zero = RunJson("{\"layers\": [[[0]], [[0]]], \"target\": [[1e-30]], \"lambda\": 1e-42}");
        Assert.False(zero.GetProperty("isMinimizer").GetBoolean());
        var rho = ScalarEndToEnd.GlobalMinimizers(1, 1e-12, 2)[^1];
        var layers = RegularizedScalarMinimizer.Layers(rho, 2, 0).Select(x => Matrix<double>.Build.Dense(1, 1, x * 1e-15));
        var minimizer = RunJson(LambdaMaxRun.NetworkJson(layers, Matrix<double>.Build.Dense(1, 1, 1e-30), 1e-42));
        Assert.True(minimizer.GetProperty("isMinimizer").GetBoolean());
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

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Sharpness.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Sharpness.sln not found above the test binaries.");
    }
}

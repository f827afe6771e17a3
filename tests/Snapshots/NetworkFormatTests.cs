using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Cli.LambdaMax;
using Xunit;

namespace Sharpness.Tests.Snapshots;

/// <summary>
/// <c>lambda-max</c> on the formats researchers hold their weights in: the same network from JSON, <c>.npz</c> (stored,
/// deflated, Fortran order, big-endian) and <c>.safetensors</c> gives the same report byte for byte, in double precision and
/// in float32, float16 and bfloat16 against JSON files holding the exact doubles of the stored values (fixtures written by
/// numpy and torch, <c>fixtures/make_fixtures.py</c>); <c>--target</c> and <c>--lambda</c> replace the file's; every malformed
/// file gets one line naming the tensor and exit 2. The streaming JSON reader is checked across its buffer's refills against
/// <see cref="JsonDocument"/>'s own positions.
/// </summary>
public sealed class NetworkFormatTests : IDisposable
{
    private static readonly string Fixtures = Path.Combine(LambdaMaxVerbTests.RepositoryRoot(), "tests", "Snapshots", "fixtures");

    private readonly DirectoryInfo _workspace = Directory.CreateTempSubdirectory("sharpness-formats-");

    public void Dispose() => _workspace.Delete(recursive: true);

    [Theory]
    [InlineData("net-f64.json", "net-f64.npz", "net-compressed.npz", "net-fortran-bigendian.npz", "net-f64.safetensors")]
    [InlineData("net-f32.json", "net-f32.npz", "net-f32.safetensors")]
    [InlineData("net-f16.json", "net-f16.npz", "net-f16.safetensors")]
    [InlineData("net-bf16.json", "net-bf16.safetensors")]
    [InlineData("deep-11.json", "deep-11.safetensors")]
    [InlineData("net-target-lambda.json", "net-target-lambda.npz")]
    public void SameNetwork_SameReport_FromEveryFormat(params string[] files)
    {
        var reports = files.Select(f => Run(Path.Combine(Fixtures, f))).ToList();
        Assert.All(reports, r => Assert.NotEmpty(r));
        Assert.All(reports.Skip(1).Zip(files.Skip(1)), r => Assert.True(reports[0] == r.First, $"{r.Second} differs from {files[0]}"));
    }

    [Theory]
    [InlineData("net-f32.json")]
    [InlineData("net-f16.json")]
    [InlineData("net-bf16.json")]
    public void LowerPrecisionFixtures_HoldRoundedValues_SoTheirAgreementIsNotTheDoubleOne(string file)
    {
        // The companions hold the doubles of the rounded values: were they the float64 layers, the check above would be vacuous.
        var rounded = NetworkFile.Read(Path.Combine(Fixtures, file)).Layers();
        var exact = NetworkFile.Read(Path.Combine(Fixtures, "net-f64.json")).Layers();
        Assert.All(rounded.Zip(exact), p => Assert.NotEqual(p.Second, p.First));
        Assert.All(rounded.Zip(exact), p => Assert.True((p.First - p.Second).FrobeniusNorm() <= 1e-2 * p.Second.FrobeniusNorm()));
    }

    [Theory]
    [InlineData("net-f64.json", "target.npy")]
    [InlineData("net-f64.npz", "target-v2.npy")]
    [InlineData("net-f64.safetensors", "target-v3.npy")]
    public void TargetAndLambdaOptions_GiveTheReportOfAFileHoldingThem(string file, string target)
    {
        var expected = Run(Path.Combine(Fixtures, "net-target-lambda.json"));
        Assert.Equal(expected, Run(Path.Combine(Fixtures, file), "--target", Path.Combine(Fixtures, target), "--lambda", "0.5"));
    }

    [Fact]
    public void TargetAndLambdaOptions_ReplaceTheFilesOwn()
    {
        var withoutLambda = Run(Path.Combine(Fixtures, "net-f64.json"), "--target", Path.Combine(Fixtures, "target.npy"));
        Assert.Equal(withoutLambda, Run(Path.Combine(Fixtures, "net-target-lambda.npz"), "--lambda", "0"));
        Assert.Equal(withoutLambda, Run(Path.Combine(Fixtures, "net-target-lambda.json"), "--lambda", "0"));
        var atProduct = Run(Path.Combine(Fixtures, "net-f64.json"));
        Assert.NotEqual(atProduct, withoutLambda);

        // A file with another target and lambda: the options' win.
        var layers = NetworkFile.Read(Path.Combine(Fixtures, "net-f64.json")).Layers();
        var other = Path.Combine(_workspace.FullName, "other.json");
        File.WriteAllText(other, LambdaMaxRun.NetworkJson(layers, Matrix<double>.Build.Dense(2, 3), 2.0));
        Assert.Equal(Run(Path.Combine(Fixtures, "net-target-lambda.json")), Run(other, "--target", Path.Combine(Fixtures, "target.npy"), "--lambda", "0.5"));
    }

    /// <summary>Bad files and option values (<c>{ws}</c> the workspace, <c>{fx}</c> the fixtures), each with its one line.</summary>
    public static TheoryData<string, string> BadFiles { get; } = new()
    {
        // .safetensors: the header.
        { "st 5 bytes", "error: the file has 5 bytes, fewer than the 8 that give a .safetensors header's length" },
        { "st header past the end", "error: the header length 1000 runs past the end of the file (10 bytes): the file is truncated" },
        { "st header too long", "error: the header length 1099511627776 is above the format's limit of 100000000 bytes (a .safetensors file starts with the length of its JSON header)" },
        { "st header not an object", "error: the header does not start with '{' (a .safetensors header is a JSON object)" },
        { "st header not JSON", "error: the header is not valid JSON at line 1, column 33: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed." },
        { "st no dtype", "error: tensor '0.weight' in the header has no dtype" },
        { "st shape not numbers", "error: tensor '0.weight': shape is not a list of whole numbers >= 0" },
        { "st offsets not a pair", "error: tensor '0.weight': data_offsets holds 3 numbers, not the pair [begin, end]" },
        { "st repeated key", "error: tensor '0.weight' appears twice in the header" },
        { "st only metadata", "error: the file holds no tensors: a state_dict of bias-free nn.Linear layers holds only their '<k>.weight' tensors" },

        // .safetensors: the tensors.
        { "st bias", "error: 0.bias is a bias, but the suite covers linear networks without bias: build the layers with nn.Linear(..., bias=False)" },
        { "st torch bias", "error: 0.bias is a bias, but the suite covers linear networks without bias: build the layers with nn.Linear(..., bias=False)" },
        { "st unknown tensor", "error: unknown tensor 'target': a state_dict of bias-free nn.Linear layers holds only their '<k>.weight' tensors (a target is given with --target FILE.npy)" },
        { "st no layer number", "error: weight has no layer number: the weights are ordered by the integer in their keys (0.weight, 1.weight, ...)" },
        { "st same layer number", "error: 0.weight and layers.0.weight have the same layer number 0" },
        { "st unknown dtype", "error: 0.weight has dtype I64, but the reader takes F64, F32, F16 and BF16" },
        { "st offsets overlap", "error: 1.weight's data_offsets [80, 144] overlap 0.weight's [0, 96]" },
        { "st offsets out of range", "error: 1.weight's data_offsets [96, 200] run past the end of the data (160 bytes after the header)" },
        { "st offsets leave a hole", "error: 0.weight's data_offsets [8, 104] leave bytes 0 to 8 of the data unused (the format allows no holes)" },
        { "st offsets reversed", "error: 1.weight's data_offsets [160, 96] end before they begin" },
        { "st offsets wrong size", "error: 0.weight is F64 of shape [4, 3], 96 bytes, but its data_offsets [0, 88] span 88" },
        { "st bytes after the data", "error: the data has 8 bytes after the last tensor (the format allows no holes)" },
        { "st 3-d weight", "error: 1.weight has shape [2, 4, 1], but an nn.Linear weight is 2-d (out_features x in_features)" },
        { "st empty weight", "error: 0.weight is 0x3, an empty matrix" },
        { "st shapes do not chain", "error: 1.weight has 5 columns but 0.weight has 4 rows" },
        { "st NaN", "error: 1.weight row 2 column 3 is NaN" },

        // .npz: the archive and its names.
        { "npz not a zip", "error: the file is not a zip archive, which an .npz is (np.savez writes one): End of Central Directory record could not be found." },
        { "npz truncated zip", "error: the file is not a zip archive, which an .npz is (np.savez writes one): End of Central Directory record could not be found." },
        { "npz repeated array", "error: array 'W1' appears twice in the archive" },
        { "npz unknown array", "error: unknown array 'bias' (an .npz network holds W1, ..., WL and optionally target and lambda)" },
        { "npz W0", "error: unknown array 'W0' (an .npz network holds W1, ..., WL and optionally target and lambda)" },
        { "npz no layers", "error: the archive holds no layers: it needs arrays W1, ..., WL (np.savez(\"net.npz\", W1=..., W2=...))" },
        { "npz missing W2", "error: W2 is missing, but W3 is given: the layers are W1, ..., WL without gaps" },

        // .npz: the arrays.
        { "npz 0-d layer", "error: W1 is a 0-d array of shape (), not a 2-d matrix" },
        { "npz 1-d layer", "error: W1 is a 1-d array of shape (3,), not a 2-d matrix" },
        { "npz 3-d layer", "error: W2 is a 3-d array of shape (2, 4, 1), not a 2-d matrix" },
        { "npz 2-d lambda", "error: lambda is a 2-d array of shape (1, 1), not a number (a 0-d array, as np.savez stores a float)" },
        { "npz int64", "error: W1 has dtype '<i8', but the reader takes float64, float32 and float16 ('<f8', '<f4', '<f2', either byte order): convert it with .astype(np.float64)" },
        { "npz complex", "error: W1 has dtype '<c16', but the reader takes float64, float32 and float16 ('<f8', '<f4', '<f2', either byte order): convert it with .astype(np.float64)" },
        { "npz structured", "error: W1 has a structured dtype (named fields), but the reader takes float64, float32 and float16 arrays" },
        { "npz NaN", "error: W2 row 2 column 3 is NaN" },
        { "npz infinity", "error: W2 row 1 column 1 is -Infinity" },
        { "npz shapes do not chain", "error: W2 has 5 columns but W1 has 4 rows" },
        { "npz empty layer", "error: W1 is 0x3, an empty matrix" },
        { "npz target of the wrong shape", "error: target is 2x2 but the product W_L...W_1 is 2x3" },
        { "npz NaN lambda", "error: lambda is NaN" },
        { "npz negative lambda", "error: lambda is -1, but it must be >= 0" },
        { "npz truncated data", "error: W1: the data ends after 88 of its 96 bytes (the file is truncated)" },
        { "npz shape far beyond the data", "error: W1: the data ends after 96 of its 96000000000 bytes (the file is truncated)" },
        { "npz data beyond the shape", "error: W1 has more data than its shape (4, 3) and dtype hold" },
        { "npz not a .npy", "error: W1 is not a .npy array: it does not start with the magic \\x93NUMPY" },
        { "npz npy version 4", "error: W1 is a .npy array of version 4.0, but the reader knows versions 1.0, 2.0 and 3.0" },
        { "npz npy header truncated", "error: W1: the .npy header is truncated (it claims 118 bytes)" },
        { "npz npy header without shape", "error: W1: the .npy header is malformed: it has no 'shape' tuple" },
        // System.IO.Compression's message for deflate data that does not decode.
        { "npz damaged deflate data", "error: W1: the archive's data is damaged: The archive entry was compressed using an unsupported compression method." },

        // The options.
        { "--lambda text", "error: --lambda must be a finite number >= 0, not 'small'" },
        { "--lambda negative", "error: --lambda must be a finite number >= 0, not '-1'" },
        { "--lambda NaN", "error: --lambda must be a finite number >= 0, not 'NaN'" },
        { "--lambda overflowing", "error: --lambda must be a finite number >= 0, not '1e400'" },
        { "--target empty", "error: --target needs a file name, not an empty string" },
        { "--target missing", "error: cannot read {ws}/missing.npy: no such file" },
        { "--target a directory", "error: cannot read {ws}: it is a directory" },
        { "--target of the wrong shape", "error: target ({ws}/t.npy) is 2x2 but the product W_L...W_1 is 2x3" },
        { "--target 1-d", "error: target ({ws}/t.npy) is a 1-d array of shape (3,), not a 2-d matrix" },
        { "--target NaN", "error: target ({ws}/t.npy) row 2 column 3 is NaN" },
        { "--target not a .npy", "error: target ({fx}/net-f64.json) is not a .npy array: it does not start with the magic \\x93NUMPY" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task BadFile_ExitsTwo_OneLineNamingTheTensor_NothingOnStdout(string kind, string expected)
    {
        var ws = _workspace.FullName;
        var args = Write(kind, ws);
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);

        var code = await global::Program.InvokeAsync(["lambda-max", .. args], stdout, stderr);

        Assert.Equal(expected.Replace("{ws}", ws, StringComparison.Ordinal).Replace("{fx}", Fixtures, StringComparison.Ordinal) + "\n", stderr.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout.ToString());
    }

    [Fact]
    public void Json_LargerThanTheReadBuffer_ReadsEveryDoubleExactly_AndPlacesErrorsAsJsonDocumentDoes()
    {
        // 60 x 70 and 40 x 60 Gaussian layers written round-trip: about 110 kB, so numbers straddle the 64 kB buffer's refills.
        var random = new Random(3);
        var layers = new[] { Gaussian(60, 70, random), Gaussian(40, 60, random) };
        var json = LambdaMaxRun.NetworkJson(layers).Replace("], [", "],\n[", StringComparison.Ordinal);
        Assert.True(Encoding.UTF8.GetByteCount(json) > 100_000);

        var read = NetworkFile.Parse(json).Layers();
        Assert.Equal(layers.Length, read.Count);
        Assert.All(layers.Zip(read), p => Assert.Equal(p.First, p.Second));

        // A syntax error past the first refill, on a later line: its line and column are the file's, as JsonDocument gives them.
        var broken = json[..(json.Length - 200)] + "x" + json[(json.Length - 199)..];
        var documentError = Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(broken));
        var error = Assert.Throws<NetworkFileException>(() => NetworkFile.Parse(broken));
        Assert.StartsWith($"not valid JSON at line {documentError.LineNumber + 1}, column {documentError.BytePositionInLine + 1}: ", error.Message, StringComparison.Ordinal);
        Assert.True(documentError.LineNumber > 50, $"line {documentError.LineNumber + 1}");
    }

    [Fact]
    public void Json_AStringLongerThanTheReadBuffer_IsReadWhole()
    {
        var text = new string('x', 100_000);
        var error = Assert.Throws<NetworkFileException>(() => NetworkFile.Parse($"{{\"layers\": [[[\"{text}\"]]]}}"));
        Assert.Equal($"layers[1] row 1 column 1 is the string \"{text}\", not a number", error.Message);
    }

    [Theory]
    [InlineData("utf-8 with a byte order mark")]
    [InlineData("utf-16")]
    [InlineData("utf-16 big-endian")]
    [InlineData("utf-32")]
    public void Json_WithAByteOrderMark_ReadsAsWithout(string encoding)
    {
        var json = File.ReadAllText(Path.Combine(Fixtures, "net-f64.json"));
        var bytes = encoding switch
        {
            "utf-8 with a byte order mark" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(json)],
            "utf-16" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(json)],
            "utf-16 big-endian" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(json)],
            _ => (byte[])[.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(json)],
        };
        var path = Path.Combine(_workspace.FullName, "bom.json");
        File.WriteAllBytes(path, bytes);
        Assert.Equal(Run(Path.Combine(Fixtures, "net-f64.json")), Run(path));
    }

    private static Matrix<double> Gaussian(int rows, int columns, Random random) =>
        Matrix<double>.Build.Dense(rows, columns, (_, _) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));

    // The verb's JSON report (exit 0, nothing on stderr).
    private static string Run(string path, params string[] options)
    {
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var code = global::Program.InvokeAsync(["lambda-max", path, "--json", .. options], stdout, stderr).GetAwaiter().GetResult();
        Assert.True(code == 0, $"{Path.GetFileName(path)}: exit {code}, {stderr}");
        Assert.Equal(string.Empty, stderr.ToString());
        return stdout.ToString();
    }

    // Writes the file of one row into the workspace and returns the verb's arguments.
    private static string[] Write(string kind, string ws)
    {
        var st = Path.Combine(ws, "net.safetensors");
        var npz = Path.Combine(ws, "net.npz");
        var t = Path.Combine(ws, "t.npy");
        var json = Path.Combine(Fixtures, "net-f64.json");
        var good = Layers(("0.weight", "F64", "4, 3", 0, 96), ("1.weight", "F64", "2, 4", 96, 160));
        string[] Safetensors(string header, byte[] data)
        {
            File.WriteAllBytes(st, SafetensorsBytes(header, data));
            return [st];
        }

        string[] Npz(params (string Entry, byte[] Data)[] entries)
        {
            File.WriteAllBytes(npz, NpzBytes(entries));
            return [npz];
        }

        string[] Target(byte[] npy)
        {
            File.WriteAllBytes(t, npy);
            return [json, "--target", t];
        }

        var data = Doubles(20);
        return kind switch
        {
            "st 5 bytes" => Bytes(st, [1, 2, 3, 4, 5]),
            "st header past the end" => Bytes(st, [.. BitConverter.GetBytes(1000UL), (byte)'{', (byte)'}']),
            "st header too long" => Bytes(st, [.. BitConverter.GetBytes(1UL << 40), (byte)'{', (byte)'}']),
            "st header not an object" => Safetensors("[]", []),
            "st header not JSON" => Safetensors("{\"0.weight\": {\"dtype\": \"F64\"", []),
            "st no dtype" => Safetensors("{\"0.weight\": {\"shape\": [4, 3], \"data_offsets\": [0, 96]}}", data[..96]),
            "st shape not numbers" => Safetensors("{\"0.weight\": {\"dtype\": \"F64\", \"shape\": [4, -3], \"data_offsets\": [0, 96]}}", data[..96]),
            "st offsets not a pair" => Safetensors("{\"0.weight\": {\"dtype\": \"F64\", \"shape\": [4, 3], \"data_offsets\": [0, 48, 96]}}", data[..96]),
            "st repeated key" => Safetensors(Layers(("0.weight", "F64", "4, 3", 0, 96), ("0.weight", "F64", "2, 4", 96, 160)), data),
            "st only metadata" => Safetensors("{\"__metadata__\": {\"format\": \"pt\"}}", []),
            "st bias" => Safetensors(Layers(("0.weight", "F64", "4, 3", 0, 96), ("0.bias", "F64", "4", 96, 128)), data[..128]),
            "st torch bias" => [Path.Combine(Fixtures, "with-bias.safetensors")],
            "st unknown tensor" => Safetensors(Layers(("0.weight", "F64", "4, 3", 0, 96), ("target", "F64", "2, 4", 96, 160)), data),
            "st no layer number" => Safetensors(Layers(("weight", "F64", "4, 3", 0, 96)), data[..96]),
            "st same layer number" => Safetensors(Layers(("0.weight", "F64", "4, 3", 0, 96), ("layers.0.weight", "F64", "2, 4", 96, 160)), data),
            "st unknown dtype" => Safetensors(Layers(("0.weight", "I64", "4, 3", 0, 96)), data[..96]),
            "st offsets overlap" => Safetensors(Layers(("0.weight", "F64", "4, 3", 0, 96), ("1.weight", "F64", "2, 4", 80, 144)), data),
            "st offsets out of range" => Safetensors(Layers(("0.weight", "F64", "4, 3", 0, 96), ("1.weight", "F64", "2, 4", 96, 200)), data),
            "st offsets leave a hole" => Safetensors(Layers(("0.weight", "F64", "4, 3", 8, 104), ("1.weight", "F64", "2, 4", 104, 168)), Doubles(21)),
            "st offsets reversed" => Safetensors(Layers(("0.weight", "F64", "4, 3", 0, 96), ("1.weight", "F64", "2, 4", 160, 96)), data),
            "st offsets wrong size" => Safetensors(Layers(("0.weight", "F64", "4, 3", 0, 88), ("1.weight", "F64", "2, 4", 88, 152)), data[..152]),
            "st bytes after the data" => Safetensors(good, Doubles(21)),
            "st 3-d weight" => Safetensors(Layers(("0.weight", "F64", "4, 3", 0, 96), ("1.weight", "F64", "2, 4, 1", 96, 160)), data),
            "st empty weight" => Safetensors(Layers(("0.weight", "F64", "0, 3", 0, 0)), []),
            "st shapes do not chain" => Safetensors(Layers(("0.weight", "F64", "4, 3", 0, 96), ("1.weight", "F64", "2, 5", 96, 176)), Doubles(22)),
            "st NaN" => Safetensors(good, WithNaN(data, 12 + 6)),

            "npz not a zip" => Bytes(npz, Encoding.UTF8.GetBytes("W1 = [[1, 2], [3, 4]]")),
            "npz truncated zip" => Bytes(npz, File.ReadAllBytes(Path.Combine(Fixtures, "net-f64.npz"))[..300]),
            "npz repeated array" => Npz(("W1.npy", Zoo("f8_4x3")), ("W1.npy", Zoo("f8_4x3"))),
            "npz unknown array" => Npz(("W1.npy", Zoo("f8_4x3")), ("W2.npy", Zoo("f8_2x4")), ("bias.npy", Zoo("f8_1d"))),
            "npz W0" => Npz(("W0.npy", Zoo("f8_4x3")), ("W1.npy", Zoo("f8_2x4"))),
            "npz no layers" => Npz(("target.npy", Zoo("f8_2x2"))),
            "npz missing W2" => Npz(("W1.npy", Zoo("f8_4x3")), ("W3.npy", Zoo("f8_2x4"))),
            "npz 0-d layer" => Npz(("W1.npy", Zoo("f8_0d"))),
            "npz 1-d layer" => Npz(("W1.npy", Zoo("f8_1d"))),
            "npz 3-d layer" => Npz(("W1.npy", Zoo("f8_4x3")), ("W2.npy", Zoo("f8_3d"))),
            "npz 2-d lambda" => Npz(("W1.npy", Zoo("f8_4x3")), ("W2.npy", Zoo("f8_2x4")), ("lambda.npy", Zoo("f8_1x1"))),
            "npz int64" => Npz(("W1.npy", Zoo("i8_4x3"))),
            "npz complex" => Npz(("W1.npy", Zoo("c16_4x3"))),
            "npz structured" => Npz(("W1.npy", Zoo("struct_4x3"))),
            "npz NaN" => Npz(("W1.npy", Zoo("f8_4x3")), ("W2.npy", Zoo("nan_2x4"))),
            "npz infinity" => Npz(("W1.npy", Zoo("f8_4x3")), ("W2.npy", Zoo("inf_2x4"))),
            "npz shapes do not chain" => Npz(("W1.npy", Zoo("f8_4x3")), ("W2.npy", Zoo("f8_2x5"))),
            "npz empty layer" => Npz(("W1.npy", Zoo("f8_0x3"))),
            "npz target of the wrong shape" => Npz(("W1.npy", Zoo("f8_4x3")), ("W2.npy", Zoo("f8_2x4")), ("target.npy", Zoo("f8_2x2"))),
            "npz NaN lambda" => Npz(("W1.npy", Zoo("f8_4x3")), ("W2.npy", Zoo("f8_2x4")), ("lambda.npy", Zoo("nan_0d"))),
            "npz negative lambda" => Npz(("W1.npy", Zoo("f8_4x3")), ("W2.npy", Zoo("f8_2x4")), ("lambda.npy", Zoo("neg_0d"))),
            "npz truncated data" => Npz(("W1.npy", Zoo("f8_4x3")[..^8])),
            "npz shape far beyond the data" => Npz(("W1.npy", Reshaped(Zoo("f8_4x3"), "(4, 3)", "(4000000, 3000)"))),
            "npz data beyond the shape" => Npz(("W1.npy", [.. Zoo("f8_4x3"), .. new byte[8]])),
            "npz not a .npy" => Npz(("W1.npy", Encoding.UTF8.GetBytes("[[1, 2], [3, 4]]"))),
            "npz npy version 4" => Npz(("W1.npy", Patched(Zoo("f8_4x3"), 6, 4))),
            "npz npy header truncated" => Npz(("W1.npy", Zoo("f8_4x3")[..40])),
            "npz npy header without shape" => Npz(("W1.npy", Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(Zoo("f8_4x3")).Replace("'shape'", "'shapf'", StringComparison.Ordinal)))),
            "npz damaged deflate data" => Bytes(npz, Scrambled(NpzBytes([("W1.npy", Zoo("f8_4x3"))], CompressionLevel.Optimal), 40, 20)),

            "--lambda text" => [json, "--lambda", "small"],
            "--lambda negative" => [json, "--lambda", "-1"],
            "--lambda NaN" => [json, "--lambda", "NaN"],
            "--lambda overflowing" => [json, "--lambda", "1e400"],
            "--target empty" => [json, "--target", string.Empty],
            "--target missing" => [json, "--target", Path.Combine(ws, "missing.npy")],
            "--target a directory" => [json, "--target", ws],
            "--target of the wrong shape" => Target(Zoo("f8_2x2")),
            "--target 1-d" => Target(Zoo("f8_1d")),
            "--target NaN" => Target(Zoo("nan_2x4")),
            "--target not a .npy" => [json, "--target", json],
            _ => throw new ArgumentException($"no file for row '{kind}'", nameof(kind)),
        };
    }

    private static string[] Bytes(string path, byte[] bytes)
    {
        File.WriteAllBytes(path, bytes);
        return [path];
    }

    // The header of layers (name, dtype, shape, begin, end).
    private static string Layers(params (string Name, string Dtype, string Shape, int Begin, int End)[] tensors) =>
        "{" + string.Join(", ", tensors.Select(t => $"\"{t.Name}\": {{\"dtype\": \"{t.Dtype}\", \"shape\": [{t.Shape}], \"data_offsets\": [{t.Begin}, {t.End}]}}")) + "}";

    // The format: the header's length (8 bytes, little-endian), the header padded with spaces to 8 bytes, the data.
    private static byte[] SafetensorsBytes(string header, byte[] data)
    {
        var text = Encoding.UTF8.GetBytes(header.PadRight((header.Length + 7) / 8 * 8));
        return [.. BitConverter.GetBytes((ulong)text.Length), .. text, .. data];
    }

    // 1/8, 2/8, ... as little-endian doubles (exact, finite, nonzero).
    private static byte[] Doubles(int count) => [.. Enumerable.Range(1, count).SelectMany(k => BitConverter.GetBytes(k / 8.0))];

    private static byte[] WithNaN(byte[] data, int index)
    {
        var copy = data.ToArray();
        BitConverter.GetBytes(double.NaN).CopyTo(copy, 8 * index);
        return copy;
    }

    private static byte[] Patched(byte[] bytes, int at, byte value)
    {
        var copy = bytes.ToArray();
        copy[at] = value;
        return copy;
    }

    // The .npy header's shape replaced, the padding shortened to keep the header's length.
    private static byte[] Reshaped(byte[] npy, string shape, string other)
    {
        var text = Encoding.Latin1.GetString(npy);
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        var header = text[..end].Replace(shape, other, StringComparison.Ordinal);
        return Encoding.Latin1.GetBytes(header[..end] + text[end..]);
    }

    // Bytes at..at+count flipped: inside an entry's deflate data when at is past its local header (30 bytes and the name).
    private static byte[] Scrambled(byte[] bytes, int at, int count)
    {
        var copy = bytes.ToArray();
        for (var i = at; i < at + count; i++)
        {
            copy[i] ^= 0x5A;
        }

        return copy;
    }

    // An array of fixtures/zoo.npz, as numpy wrote it.
    private static byte[] Zoo(string name)
    {
        using var zoo = ZipFile.OpenRead(Path.Combine(Fixtures, "zoo.npz"));
        using var stream = zoo.GetEntry(name + ".npy")!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static byte[] NpzBytes((string Entry, byte[] Data)[] entries, CompressionLevel level = CompressionLevel.NoCompression)
    {
        using var bytes = new MemoryStream();
        using (var zip = new ZipArchive(bytes, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data) in entries)
            {
                using var entry = zip.CreateEntry(name, level).Open();
                entry.Write(data);
            }
        }

        return bytes.ToArray();
    }
}

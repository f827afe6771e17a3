using System.Globalization;
using System.Text.Json;
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Cli.LambdaMax;

namespace Sharpness.Tests.Snapshots;

/// <summary>Runs the <c>lambda-max</c> verb in-process on JSON text (through a temporary file, as a user would) and renders
/// its outputs for snapshots.</summary>
internal static class LambdaMaxRun
{
    /// <summary>What one run printed and returned.</summary>
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    /// <summary>Writes <paramref name="json"/> to a fresh temporary directory, runs the verb on it, and deletes the directory.</summary>
    public static Result OnText(string json, bool asJson, bool certify = false)
    {
        var directory = Directory.CreateTempSubdirectory("lambda-max-");
        try
        {
            var path = Path.Combine(directory.FullName, "network.json");
            File.WriteAllText(path, json);
            return OnFile(path, asJson, certify);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>Runs the verb on a file.</summary>
    public static Result OnFile(string path, bool asJson, bool certify = false)
    {
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var code = LambdaMaxCommand.Run(path, asJson, stdout, stderr, certify);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A network file's text: numbers written round-trip, so the verb reads exactly these doubles.</summary>
    public static string NetworkJson(IEnumerable<Matrix<double>> layers, Matrix<double>? target = null, double? lambda = null)
    {
        static string Matrix(Matrix<double> m) =>
            "[" + string.Join(", ", m.EnumerateRows().Select(r => "[" + string.Join(", ", r.Select(x => x.ToString("R", CultureInfo.InvariantCulture))) + "]")) + "]";
        var parts = new List<string> { $"\"layers\": [{string.Join(", ", layers.Select(Matrix))}]" };
        if (target is not null)
        {
            parts.Add($"\"target\": {Matrix(target)}");
        }

        if (lambda is { } l)
        {
            parts.Add($"\"lambda\": {l.ToString("R", CultureInfo.InvariantCulture)}");
        }

        return "{" + string.Join(", ", parts) + "}";
    }

    /// <summary>The human table of the report for <paramref name="json"/>, numbers through <see cref="Rounded.Of"/>, as lines
    /// (a fixed width and no colours, so the text is the same on every terminal).</summary>
    public static string[] TableLines(string json)
    {
        var report = SharpnessReport.Of(NetworkFile.Parse(json));
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var console = PlainConsole.Over(writer, width: 140);
        console.Write(ReportRendering.Table(report, Rounded.Of));
        return writer.ToString().TrimEnd().Split('\n').Select(line => line.TrimEnd()).ToArray();
    }

    /// <summary>The verb's JSON output as a tree of plain objects with every number through <see cref="Rounded.Of"/>.</summary>
    public static object? RoundedJson(string stdout)
    {
        using var document = JsonDocument.Parse(stdout);
        return Plain(document.RootElement);
    }

    private static object? Plain(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => Plain(p.Value), StringComparer.Ordinal),
        JsonValueKind.Array => element.EnumerateArray().Select(Plain).ToList(),
        JsonValueKind.Number => Rounded.Of(element.GetDouble()),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}

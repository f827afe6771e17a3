using System.Globalization;
using System.Text.Json;
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Theory;

namespace Sharpness.Cli.LambdaMax;

/// <summary>
/// A user's network as the <c>lambda-max</c> verb reads it: <c>{"layers": [W_1, ..., W_L], "target": M, "lambda": number}</c>,
/// each matrix a list of rows, <c>W_1</c> applied first; <c>target</c> (default: the product <c>W_L...W_1</c>) and <c>lambda</c>
/// (default 0) are optional, and null means absent. Every check the theory makes is made here first, so that each bad input
/// gets one line naming its place; layers, rows and columns are counted from 1 (<c>layers[1]</c> is <c>W_1</c>).
/// </summary>
internal sealed class NetworkFile
{
    // The largest Hessian entry bound RequireRepresentable accepts: its square times N^2 stays far below double.MaxValue.
    private const double LargestHessianBound = 1e150;

    private NetworkFile(IReadOnlyList<Matrix<double>> layers, Matrix<double>? target, double lambda)
    {
        Layers = layers;
        Target = target;
        Lambda = lambda;
    }

    /// <summary>The layers <c>W_1, ..., W_L</c>, input side first.</summary>
    public IReadOnlyList<Matrix<double>> Layers { get; }

    /// <summary>The target <c>M</c> the file gives, or null when it gives none.</summary>
    public Matrix<double>? Target { get; }

    /// <summary>The regularization <c>lambda &gt;= 0</c> (0: unregularized).</summary>
    public double Lambda { get; }

    /// <summary>Reads and validates the file at <paramref name="path"/>.</summary>
    /// <exception cref="NetworkFileException">The file cannot be read or is not a valid network.</exception>
    public static NetworkFile Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Trim().Length == 0)
        {
            throw new NetworkFileException("FILE needs a file name, not an empty string");
        }

        if (Directory.Exists(path))
        {
            throw new NetworkFileException($"cannot read {path}: it is a directory");
        }

        if (AtomicFile.IsDevice(path))
        {
            throw new NetworkFileException($"cannot read {path}: it is a device, not a file");
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new NetworkFileException($"cannot read {path}: no such file", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new NetworkFileException($"cannot read {path}: {OneLine(ex.Message)}", ex);
        }

        return Parse(text);
    }

    /// <summary>Parses and validates the JSON text of a network file.</summary>
    /// <exception cref="NetworkFileException">The text is not a valid network.</exception>
    public static NetworkFile Parse(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new NetworkFileException("the file is empty: it needs {\"layers\": [W_1, ..., W_L]}");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new NetworkFileException(
                string.Create(CultureInfo.InvariantCulture, $"not valid JSON at line {ex.LineNumber + 1}, column {ex.BytePositionInLine + 1}: {ReaderMessage(ex)}"),
                ex);
        }

        using (document)
        {
            return FromRoot(document.RootElement);
        }
    }

    /// <summary>
    /// The point the theory works with: the layers, the target (the product when the file gives none) and lambda (none when 0).
    /// </summary>
    public Factorization ToFactorization()
    {
        double? lambda = Lambda > 0 ? Lambda : null;
        var bare = new Factorization(Layers, target: null, lambda);
        return Target is null ? bare.WithTargetAtProduct() : bare.WithTarget(Target);
    }

    private static NetworkFile FromRoot(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new NetworkFileException($"the file holds {Describe(root)}, not an object {{\"layers\": [W_1, ..., W_L]}}");
        }

        JsonElement? layersElement = null;
        JsonElement? targetElement = null;
        JsonElement? lambdaElement = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                throw new NetworkFileException($"property \"{property.Name}\" appears twice");
            }

            var value = property.Value.ValueKind == JsonValueKind.Null ? (JsonElement?)null : property.Value;
            switch (property.Name)
            {
                case "layers":
                    layersElement = property.Value;
                    break;
                case "target":
                    targetElement = value;
                    break;
                case "lambda":
                    lambdaElement = value;
                    break;
                default:
                    throw new NetworkFileException($"unknown property \"{property.Name}\" (a network file has layers, target and lambda)");
            }
        }

        var layers = ReadLayers(layersElement);
        var target = targetElement is { } t ? ReadMatrix(t, "target") : null;
        if (target is not null && (target.RowCount != layers[^1].RowCount || target.ColumnCount != layers[0].ColumnCount))
        {
            throw new NetworkFileException(
                $"target is {Shape(target)} but the product W_L...W_1 is {layers[^1].RowCount}x{layers[0].ColumnCount}");
        }

        var lambda = lambdaElement is { } l ? ReadNumber(l, "lambda") : 0;
        if (lambda < 0)
        {
            throw new NetworkFileException(string.Create(CultureInfo.InvariantCulture, $"lambda is {lambda:R}, but it must be >= 0"));
        }

        RequireRepresentable(layers, target, lambda);
        return new NetworkFile(layers, target, lambda);
    }

    private static List<Matrix<double>> ReadLayers(JsonElement? element)
    {
        if (element is not { } layersElement)
        {
            throw new NetworkFileException("layers is missing: the file needs {\"layers\": [W_1, ..., W_L]}");
        }

        if (layersElement.ValueKind != JsonValueKind.Array)
        {
            throw new NetworkFileException($"layers is {Describe(layersElement)}, not a list of matrices [W_1, ..., W_L]");
        }

        if (layersElement.GetArrayLength() == 0)
        {
            throw new NetworkFileException("layers is empty: give at least one matrix W_1");
        }

        var layers = new List<Matrix<double>>();
        foreach (var item in layersElement.EnumerateArray())
        {
            var k = layers.Count + 1;
            var layer = ReadMatrix(item, $"layers[{k}]");
            if (k > 1 && layer.ColumnCount != layers[^1].RowCount)
            {
                throw new NetworkFileException(
                    $"layers[{k}] has {Count(layer.ColumnCount, "column", "columns")} but layers[{k - 1}] has {Count(layers[^1].RowCount, "row", "rows")}");
            }

            layers.Add(layer);
        }

        RequireFeasible(layers);
        return layers;
    }

    // The theory is stated for feasible widths (EXACT eq. 17), and Factorization rejects the rest; say so in the file's terms.
    private static void RequireFeasible(List<Matrix<double>> layers)
    {
        var widths = layers.Select(w => w.RowCount).Prepend(layers[0].ColumnCount).ToArray();
        var ends = Math.Min(widths[0], widths[^1]);
        for (var i = 1; i < widths.Length - 1; i++)
        {
            if (widths[i] < ends)
            {
                throw new NetworkFileException(
                    $"the widths d_0, ..., d_L = ({string.Join(", ", widths)}) are infeasible: d_{i} = {widths[i]} is below " +
                    $"min(d_0, d_L) = {ends} (EXACT eq. 17), where the theory does not apply");
            }
        }
    }

    // Finite entries can still overflow what the report computes. Each Hessian entry is a sum of products of partial products
    // A_k, B_k (each at most P = prod_i max(1, ||W_i||_F)), the residual (at most ||M||_F + P) and lambda, so it is at most
    // about 2 P^2 + 2 (||M||_F + P) P + 2 lambda; the Frobenius norm then sums N^2 squares of them. Keeping that bound below
    // 1e150 keeps every number the report forms finite.
    private static void RequireRepresentable(List<Matrix<double>> layers, Matrix<double>? target, double lambda)
    {
        var p = layers.Aggregate(1.0, (product, w) => product * Math.Max(1, w.FrobeniusNorm()));
        var m = target?.FrobeniusNorm() ?? p;
        var bound = (2 * p * p) + (2 * (m + p) * p) + (2 * lambda);
        if (!(bound <= LargestHessianBound))
        {
            throw new NetworkFileException(string.Create(
                CultureInfo.InvariantCulture,
                $"the numbers are too large for double precision: with P = prod_i max(1, ||W_i||_F) = {p:G3}, the Hessian's entries could reach {bound:G3}, above {LargestHessianBound:G3}"));
        }
    }

    private static Matrix<double> ReadMatrix(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw new NetworkFileException($"{name} is {Describe(element)}, not a matrix (a list of rows)");
        }

        var rowCount = element.GetArrayLength();
        if (rowCount == 0)
        {
            throw new NetworkFileException($"{name} has no rows");
        }

        double[,]? entries = null;
        var i = 0;
        foreach (var row in element.EnumerateArray())
        {
            i++;
            if (row.ValueKind != JsonValueKind.Array)
            {
                throw new NetworkFileException($"{name} row {i} is {Describe(row)}, not a list of numbers");
            }

            var length = row.GetArrayLength();
            if (length == 0)
            {
                throw new NetworkFileException($"{name} row {i} is empty");
            }

            entries ??= new double[rowCount, length];
            if (length != entries.GetLength(1))
            {
                throw new NetworkFileException($"{name} row {i} has {Count(length, "entry", "entries")} but row 1 has {entries.GetLength(1)}");
            }

            var j = 0;
            foreach (var entry in row.EnumerateArray())
            {
                j++;
                entries[i - 1, j - 1] = ReadNumber(entry, $"{name} row {i} column {j}");
            }
        }

        return Matrix<double>.Build.DenseOfArray(entries!);
    }

    // A finite double, or an error naming the place. JSON has no NaN or infinity literals, but strings can spell them and
    // numbers beyond the double range (1e400) overflow: System.Text.Json reads those as infinity.
    private static double ReadNumber(JsonElement element, string place)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Number when element.TryGetDouble(out var x) && double.IsFinite(x):
                return x;
            case JsonValueKind.Number:
                throw new NetworkFileException($"{place} is {element.GetRawText()}, which overflows to infinity");
            case JsonValueKind.String when double.TryParse(element.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed):
                throw new NetworkFileException(
                    double.IsNaN(parsed) ? $"{place} is NaN"
                    : double.IsInfinity(parsed) ? $"{place} is {element.GetString()}"
                    : $"{place} is the string \"{element.GetString()}\": write numbers without quotes");
            default:
                throw new NetworkFileException($"{place} is {Describe(element)}, not a number");
        }
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => $"the string \"{OneLine(element.GetString() ?? string.Empty)}\"",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => "null",
    };

    private static string Shape(Matrix<double> m) => $"{m.RowCount}x{m.ColumnCount}";

    private static string Count(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n} {many}";

    // System.Text.Json appends " LineNumber: 2 | BytePositionInLine: 10." to its messages; the position is given separately.
    private static string ReaderMessage(JsonException ex)
    {
        var message = OneLine(ex.Message);
        var position = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return position < 0 ? message : message[..position];
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>A network file that cannot be read or is invalid; the message is one line naming the place.</summary>
internal sealed class NetworkFileException : Exception
{
    public NetworkFileException()
    {
    }

    public NetworkFileException(string message)
        : base(message)
    {
    }

    public NetworkFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

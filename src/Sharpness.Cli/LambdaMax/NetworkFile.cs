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
    // The largest Hessian bound and loss RequireRepresentable accepts: norms are taken without squaring (ScaledNorm), so only
    // sums of up to N^2 <= 1e8 such entries must stay below double.MaxValue (1.8e308).
    private const double LargestMagnitude = 1e300;

    // The smallest nonzero Hessian bound accepted: eigenvalues are compared to 1e-9 of the Hessian's size (Tolerance.DenseOracle),
    // so entries 1e-10 of it must still be normal doubles (2.2e-308 and up), not subnormals with fewer significant bits.
    private const double SmallestHessianBound = 2.2250738585072014E-308 / 1e-10;

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

    // Finite entries can still leave the range where the report's numbers mean anything. Bounds in log space (so they cannot
    // overflow themselves), with n_i = ||W_i||_F, T = prod_i n_i and r = ||M - W_L...W_1||_F (formed from scaled layers): the
    // product is at most T; the Hessian (EXACT eq. 74 plus the residual term) at most
    // H = 2 (sum_k prod_(i != k) n_i)^2 + 4 r sum_(k < j) prod_(i != k, j) n_i + 2 lambda / L (eq. 34's 2 sum_k ||A_k||^2 ||B_k||^2 is
    // the first term's diagonal); the loss is r^2 + (lambda/L) sum_i n_i^2. Each must stay below 1e300, and a nonzero H above
    // 2.2e-298; the target must hold no subnormal number, and a default target (the product) must be the product to the
    // minimizer tolerance, which fails exactly where the product is subnormal or underflows.
    private static void RequireRepresentable(List<Matrix<double>> layers, Matrix<double>? target, double lambda)
    {
        var logNorms = layers.Select(Log2Frobenius).ToArray();
        var logProduct = logNorms.Sum();
        if (logProduct > Math.Log2(LargestMagnitude))
        {
            throw TooLarge("the product W_L...W_1", logProduct, "prod_i ||W_i||_F");
        }

        if (target is not null)
        {
            RequireNormal(target, "target");
        }

        var point = new Factorization(layers, target ?? new Factorization(layers).Product());
        if (target is null && !point.IsMinimizer())
        {
            var largest = point.Product().Enumerate().Max(Math.Abs);
            throw new NetworkFileException(string.Create(
                CultureInfo.InvariantCulture,
                $"the product W_L...W_1 (largest entry {largest:G3}, about 2^{logProduct:F0} by the layers' norms) is subnormal or underflows, below the normal double range (2.2e-308), so it cannot be the default target: give \"target\" or rescale the layers"));
        }

        var depth = layers.Count;
        var logResidual = Math.Log2(point.ResidualNorm);
        var others = Enumerable.Range(0, depth).Select(k => logProduct - logNorms[k]);
        var pairs = Enumerable.Range(0, depth).SelectMany(k => Enumerable.Range(k + 1, depth - k - 1).Select(j => logProduct - logNorms[k] - logNorms[j]));
        var logHessian = LogSum([1 + (2 * LogSum(others)), 2 + logResidual + LogSum(pairs), Math.Log2(2 * lambda / depth)]);
        var logLoss = LogSum([2 * logResidual, .. logNorms.Select(l => Math.Log2(lambda / depth) + (2 * l))]);
        if (logHessian > Math.Log2(LargestMagnitude))
        {
            throw TooLarge("the Hessian's entries", logHessian, "2 (sum_k prod_(i != k) ||W_i||_F)^2 + residual and lambda terms");
        }

        if (logLoss > Math.Log2(LargestMagnitude))
        {
            throw TooLarge("the loss", logLoss, "||M - W_L...W_1||_F^2 + (lambda/L) sum_i ||W_i||_F^2");
        }

        if (double.IsFinite(logHessian) && logHessian < Math.Log2(SmallestHessianBound))
        {
            throw new NetworkFileException(string.Create(
                CultureInfo.InvariantCulture,
                $"the numbers are too small for double precision: the Hessian's entries are at most about {Power(logHessian)} (2 (sum_k prod_(i != k) ||W_i||_F)^2 + residual and lambda terms), below {SmallestHessianBound:G3}, where entries 1e-10 of its size are subnormal; rescale the layers"));
        }
    }

    private static NetworkFileException TooLarge(string what, double log2, string bound) => new(string.Create(
        CultureInfo.InvariantCulture,
        $"the numbers are too large for double precision: {what} could reach about {Power(log2)} ({bound}), above {LargestMagnitude:G3}"));

    // 2^x written as 1e<k> (x may be far outside the double range).
    private static string Power(double log2) => string.Create(CultureInfo.InvariantCulture, $"1e{Math.Round(log2 * Math.Log10(2)):F0}");

    // Subnormal numbers carry fewer than 53 significant bits, so a target entry such as 1e-320 is known only to about 1e-4.
    private static void RequireNormal(Matrix<double> m, string name)
    {
        for (var i = 0; i < m.RowCount; i++)
        {
            for (var j = 0; j < m.ColumnCount; j++)
            {
                if (double.IsSubnormal(m[i, j]))
                {
                    throw new NetworkFileException(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{name} row {i + 1} column {j + 1} is {m[i, j]:G3}, a subnormal number (below 2.2e-308) with too few significant bits: rescale the problem"));
                }
            }
        }
    }

    // log2 ||W||_F without squaring the entries: log2 max|w| + log2 ||W / max|w| ||_F (-infinity for a zero matrix).
    private static double Log2Frobenius(Matrix<double> w)
    {
        var largest = w.Enumerate().Max(Math.Abs);
        if (largest == 0)
        {
            return double.NegativeInfinity;
        }

        var sum = w.Enumerate().Sum(x => (x / largest) * (x / largest));
        return Math.Log2(largest) + (0.5 * Math.Log2(sum));
    }

    // log2 sum_i 2^(x_i), -infinity for no terms or all -infinity.
    private static double LogSum(IEnumerable<double> logs)
    {
        var list = logs.Where(x => !double.IsNegativeInfinity(x)).ToList();
        if (list.Count == 0)
        {
            return double.NegativeInfinity;
        }

        var top = list.Max();
        return top + Math.Log2(list.Sum(x => Math.Pow(2, x - top)));
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

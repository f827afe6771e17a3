using System.Globalization;
using System.Text;
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Cli.LambdaMax.Formats;
using Sharpness.Theory;

namespace Sharpness.Cli.LambdaMax;

/// <summary>
/// A user's network as the <c>lambda-max</c> verb reads it, from one of three formats chosen by the file's extension:
/// JSON <c>{"layers": [W_1, ..., W_L], "target": M, "lambda": number}</c> (each matrix a list of rows, <c>W_1</c> applied
/// first; <see cref="JsonNetwork"/>), a NumPy <c>.npz</c> of arrays <c>W1 ... WL</c>, <c>target</c> and a 0-d <c>lambda</c>
/// (<see cref="NpzNetwork"/>), or a PyTorch <c>.safetensors</c> state_dict of bias-free <c>nn.Linear</c> layers
/// (<see cref="SafetensorsNetwork"/>). <c>target</c> (default: the product <c>W_L...W_1</c>) and <c>lambda</c> (default 0) are
/// optional; <see cref="NetworkOverrides"/> from the command line replace them. Every check the theory makes is made here
/// first, so that each bad input gets one line naming its place; layers, rows and columns are counted from 1.
/// </summary>
internal sealed class NetworkFile
{
    // The largest Hessian bound and loss RequireRepresentable accepts: norms are taken without squaring (ScaledNorm), so only
    // sums of up to N^2 <= 1e8 such entries must stay below double.MaxValue (1.8e308).
    private const double LargestMagnitude = 1e300;

    // The smallest nonzero Hessian bound accepted: eigenvalues are compared to 1e-9 of the Hessian's size (Tolerance.DenseOracle),
    // so entries 1e-10 of it must still be normal doubles (2.2e-308 and up), not subnormals with fewer significant bits.
    private const double SmallestHessianBound = 2.2250738585072014E-308 / 1e-10;

    private readonly Factorization _point;

    private NetworkFile(Matrix<double>? target, double lambda, Factorization point)
    {
        Target = target;
        Lambda = lambda;
        _point = point;
    }

    /// <summary>
    /// Copies of the layers <c>W_1, ..., W_L</c>, input side first. The file keeps one copy of them, the point's: a second,
    /// alive through the whole run, would be 80 MB at N = 1e7.
    /// </summary>
    public IReadOnlyList<Matrix<double>> Layers() => _point.Layers();

    /// <summary>The target <c>M</c> the file (or <c>--target</c>) gives, or null when none is given.</summary>
    public Matrix<double>? Target { get; }

    /// <summary>The regularization <c>lambda &gt;= 0</c> (0: unregularized).</summary>
    public double Lambda { get; }

    /// <summary>Reads and validates the file at <paramref name="path"/>, its format chosen by the extension
    /// (<c>.safetensors</c>, <c>.npz</c>, anything else JSON), with <paramref name="overrides"/> replacing its target and lambda.</summary>
    /// <exception cref="NetworkFileException">The file cannot be read or is not a valid network.</exception>
    public static NetworkFile Read(string path, NetworkOverrides? overrides = null)
    {
        var parts = WithFile(path, "FILE", stream => Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".SAFETENSORS" => SafetensorsNetwork.Read(stream),
            ".NPZ" => NpzNetwork.Read(stream),
            _ => JsonNetwork.Read(stream),
        });
        return From(parts, overrides ?? NetworkOverrides.None);
    }

    /// <summary>Parses and validates the JSON text of a network file.</summary>
    /// <exception cref="NetworkFileException">The text is not a valid network.</exception>
    public static NetworkFile Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json), writable: false);
        return From(JsonNetwork.Read(stream), NetworkOverrides.None);
    }

    /// <summary>
    /// The point the theory works with: the layers, the target (the product when the file gives none) and lambda (none when 0);
    /// the one the range checks were made on, so its residual is computed once and its copies of the layers made once.
    /// </summary>
    public Factorization ToFactorization() => _point;

    /// <summary>Opens <paramref name="path"/> for <paramref name="read"/>, turning every way a file cannot be read into one line
    /// naming it (<paramref name="role"/> names the argument for an empty path).</summary>
    internal static T WithFile<T>(string path, string role, Func<Stream, T> read)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Trim().Length == 0)
        {
            throw new NetworkFileException($"{role} needs a file name, not an empty string");
        }

        if (Directory.Exists(path))
        {
            throw new NetworkFileException($"cannot read {path}: it is a directory");
        }

        if (AtomicFile.IsDevice(path))
        {
            throw new NetworkFileException($"cannot read {path}: it is a device, not a file");
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
            return read(stream);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new NetworkFileException($"cannot read {path}: no such file", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new NetworkFileException($"cannot read {path}: {OneLine(ex.Message)}", ex);
        }
    }

    /// <summary>"<paramref name="next"/> has c columns but <paramref name="previous"/> has r rows" unless the two chain
    /// (<c>W_(i+1)</c> has as many columns as <c>W_i</c> has rows), from the shapes alone (a binary file's header gives them
    /// before its data).</summary>
    internal static void RequireChains(string previous, int previousRows, string next, int nextColumns)
    {
        if (ChainProblem(previous, previousRows, next, nextColumns) is { } problem)
        {
            throw new NetworkFileException(problem);
        }
    }

    /// <summary>Why <paramref name="next"/> does not chain with <paramref name="previous"/>, or null when it does.</summary>
    internal static string? ChainProblem(string previous, int previousRows, string next, int nextColumns) =>
        nextColumns == previousRows ? null
        : $"{next} has {Count(nextColumns, "column", "columns")} but {previous} has {Count(previousRows, "row", "rows")}";

    /// <summary>The first entry of <paramref name="matrix"/> (in reading order, row by row) that is NaN or infinite, named; for
    /// the binary formats, whose numbers are decoded without a parser that could object.</summary>
    internal static void RequireFinite(NamedMatrix matrix)
    {
        var m = matrix.Value;
        if (m.Enumerate().All(double.IsFinite))
        {
            return;
        }

        for (var i = 0; i < m.RowCount; i++)
        {
            for (var j = 0; j < m.ColumnCount; j++)
            {
                if (!double.IsFinite(m[i, j]))
                {
                    throw new NetworkFileException(string.Create(CultureInfo.InvariantCulture, $"{matrix.Name} row {i + 1} column {j + 1} is {m[i, j]}"));
                }
            }
        }
    }

    /// <summary>"<paramref name="name"/> is 0x3, an empty matrix" for a matrix without rows or columns.</summary>
    internal static void RequireNotEmpty(string name, int rows, int columns)
    {
        if (rows == 0 || columns == 0)
        {
            throw new NetworkFileException($"{name} is {rows}x{columns}, an empty matrix");
        }
    }

    // The checks after reading: target, lambda, widths (feasible unless regularized), the double range.
    private static NetworkFile From(NetworkParts parts, NetworkOverrides overrides)
    {
        var layers = parts.Layers.Select(l => l.Value).ToList();
        var target = overrides.TargetPath is { } targetPath ? NpyArray.ReadMatrixFile(targetPath, $"target ({targetPath})") : FileTarget(parts);
        if (target is not null && (target.Value.RowCount != layers[^1].RowCount || target.Value.ColumnCount != layers[0].ColumnCount))
        {
            throw new NetworkFileException(
                $"{target.Name} is {Shape(target.Value)} but the product W_L...W_1 is {layers[^1].RowCount}x{layers[0].ColumnCount}");
        }

        var (lambda, lambdaName) = overrides.Lambda is { } given ? (given, "--lambda") : (FileLambda(parts), parts.LambdaName);
        if (lambda < 0)
        {
            throw new NetworkFileException(string.Create(CultureInfo.InvariantCulture, $"{lambdaName} is {lambda:R}, but it must be >= 0"));
        }

        if (lambda == 0)
        {
            RequireFeasible(layers);
        }

        var point = RequireRepresentable(layers, target, lambda);
        return new NetworkFile(target?.Value, lambda, point);
    }

    private static NamedMatrix? FileTarget(NetworkParts parts) =>
        parts.TargetProblem is { } problem ? throw new NetworkFileException(problem) : parts.Target;

    private static double FileLambda(NetworkParts parts) =>
        parts.LambdaProblem is { } problem ? throw new NetworkFileException(problem) : parts.Lambda ?? 0;

    // The unregularized theory is stated for feasible widths (EXACT eq. 17), and Factorization rejects the rest without a
    // lambda; say so in the file's terms. The regularized loss (REG eq. 2, REGM-LMAX) is analysed at any widths.
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
                    $"min(d_0, d_L) = {ends} (EXACT eq. 17), where the unregularized theory does not apply (with a lambda > 0 any widths are analysed)");
            }
        }
    }

    // Finite entries can still leave the range where the report's numbers mean anything. Bounds in log space (so they cannot
    // overflow themselves), with n_i = ||W_i||_F, T = prod_i n_i and r = ||M - W_L...W_1||_F (formed from scaled layers): the
    // product is at most T; the Hessian (EXACT eq. 74 plus the residual term) at most
    // H = 2 (sum_k prod_(i != k) n_i)^2 + 4 r sum_(k < j) prod_(i != k, j) n_i + 2 lambda / L (eq. 34's 2 sum_k ||A_k||^2 ||B_k||^2 is
    // the first term's diagonal); the loss is r^2 + (lambda/L) sum_i n_i^2. Each must stay below 1e300, and a nonzero H above
    // 2.2e-298; the target must hold no subnormal number, and a default target (the product) must be the product to the
    // minimizer tolerance, which fails exactly where the product is subnormal or underflows. Returns the point checked.
    private static Factorization RequireRepresentable(List<Matrix<double>> layers, NamedMatrix? named, double lambda)
    {
        var logNorms = layers.Select(Log2Frobenius).ToArray();
        var logProduct = logNorms.Sum();
        if (logProduct > Math.Log2(LargestMagnitude))
        {
            throw TooLarge("the product W_L...W_1", logProduct, "prod_i ||W_i||_F");
        }

        var target = named?.Value;
        if (named is not null)
        {
            RequireNormal(named.Value, named.Name);
        }

        var regularization = lambda > 0 ? lambda : (double?)null;
        var point = new Factorization(layers, target ?? new Factorization(layers, null, regularization).Product(), regularization);
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

        return point;
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

    /// <summary>"3x4".</summary>
    internal static string Shape(Matrix<double> m) => $"{m.RowCount}x{m.ColumnCount}";

    /// <summary>"1 row", "3 rows".</summary>
    internal static string Count(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n} {many}";

    /// <summary>The text on one line (line breaks become spaces).</summary>
    internal static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>What the command line says instead of the file: <c>--target FILE.npy</c> and <c>--lambda X</c>.</summary>
/// <param name="TargetPath">The <c>.npy</c> file holding the target <c>M</c>, or null to keep the file's.</param>
/// <param name="Lambda">The regularization, or null to keep the file's.</param>
internal sealed record NetworkOverrides(string? TargetPath, double? Lambda)
{
    /// <summary>Nothing replaced.</summary>
    public static NetworkOverrides None { get; } = new(null, null);
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

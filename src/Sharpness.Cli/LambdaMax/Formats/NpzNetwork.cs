using System.Globalization;
using System.IO.Compression;

namespace Sharpness.Cli.LambdaMax.Formats;

/// <summary>
/// The NumPy network format: an <c>.npz</c> archive (a zip of <c>.npy</c> arrays, stored by <c>np.savez</c> or deflated by
/// <c>np.savez_compressed</c>) holding the layers <c>W1 ... WL</c> (2-d, <c>W1</c> applied first, no gaps), optionally
/// <c>target</c> (2-d) and <c>lambda</c> (0-d). Each array is decoded from its entry's stream straight into its matrix.
/// </summary>
internal static class NpzNetwork
{
    private const string Contents = "an .npz network holds W1, ..., WL and optionally target and lambda";

    /// <summary>Reads the network from the archive in <paramref name="stream"/>.</summary>
    /// <exception cref="NetworkFileException">Not a zip archive, an unknown, repeated or missing array, or a bad array.</exception>
    public static NetworkParts Read(Stream stream)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException ex)
        {
            throw new NetworkFileException($"the file is not a zip archive, which an .npz is (np.savez writes one): {NetworkFile.OneLine(ex.Message)}", ex);
        }

        using (archive)
        {
            var layers = new SortedDictionary<int, ZipArchiveEntry>();
            ZipArchiveEntry? target = null, lambda = null;
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in archive.Entries)
            {
                var name = entry.FullName.EndsWith(".npy", StringComparison.Ordinal) ? entry.FullName[..^4] : entry.FullName;
                if (!names.Add(name))
                {
                    throw new NetworkFileException($"array '{name}' appears twice in the archive");
                }

                if (name == "target" && entry.FullName != name)
                {
                    target = entry;
                }
                else if (name == "lambda" && entry.FullName != name)
                {
                    lambda = entry;
                }
                else if (LayerNumber(name, entry.FullName) is { } k)
                {
                    layers[k] = entry;
                }
                else
                {
                    throw new NetworkFileException($"unknown array '{name}' ({Contents})");
                }
            }

            if (layers.Count == 0)
            {
                throw new NetworkFileException("the archive holds no layers: it needs arrays W1, ..., WL (np.savez(\"net.npz\", W1=..., W2=...))");
            }

            var last = layers.Keys.Max();
            var missing = Enumerable.Range(1, last).FirstOrDefault(k => !layers.ContainsKey(k));
            if (missing > 0)
            {
                throw new NetworkFileException($"W{missing} is missing, but W{last} is given: the layers are W1, ..., WL without gaps");
            }

            var read = new List<NamedMatrix>();
            foreach (var (k, entry) in layers)
            {
                var layer = Open(entry, $"W{k}", (stream, array) =>
                {
                    if (array.Shape.Count == 2 && read.Count > 0)
                    {
                        // The shapes are known from the header: a layer that does not chain is refused before its data is read.
                        NetworkFile.RequireChains(read[^1].Name, read[^1].Value.RowCount, array.Name, array.Shape[1]);
                    }

                    return Finite(array.ReadMatrixData(stream));
                });
                read.Add(layer);
            }

            var parts = new NetworkParts(read);
            if (target is not null)
            {
                parts = Kept(parts, () => parts with { Target = Open(target, "target", (s, a) => Finite(a.ReadMatrixData(s))) }, p => parts with { TargetProblem = p });
            }

            if (lambda is not null)
            {
                parts = Kept(parts, () => parts with { Lambda = Open(lambda, "lambda", ScalarOf) }, p => parts with { LambdaProblem = p });
            }

            return parts;
        }
    }

    // W<k> with k a whole number from 1, written without a sign or leading zeros, in an entry named W<k>.npy.
    private static int? LayerNumber(string name, string entryName) =>
        entryName == name + ".npy" && name.Length > 1 && name[0] == 'W' && name[1] != '0' && name.Skip(1).All(char.IsAsciiDigit)
        && int.TryParse(name.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var k) ? k : null;

    private static NamedMatrix Finite(NamedMatrix matrix)
    {
        NetworkFile.RequireFinite(matrix);
        return matrix;
    }

    private static double ScalarOf(Stream stream, NpyArray array)
    {
        var value = array.ReadScalarData(stream);
        return double.IsFinite(value) ? value : throw new NetworkFileException(string.Create(CultureInfo.InvariantCulture, $"{array.Name} is {value}"));
    }

    // The file's target and lambda may be replaced on the command line, so a problem with them is kept, not thrown.
    private static NetworkParts Kept(NetworkParts parts, Func<NetworkParts> read, Func<string, NetworkParts> problem)
    {
        try
        {
            return read();
        }
        catch (NetworkFileException ex)
        {
            return problem(ex.Message);
        }
    }

    // A damaged entry (bad deflate data, a wrong checksum) is the archive's problem, named after the array it holds.
    private static T Open<T>(ZipArchiveEntry entry, string name, Func<Stream, NpyArray, T> read)
    {
        try
        {
            using var stream = entry.Open();
            return read(stream, NpyArray.ReadHeader(stream, name, entry.Length));
        }
        catch (InvalidDataException ex)
        {
            throw new NetworkFileException($"{name}: the archive's data is damaged: {NetworkFile.OneLine(ex.Message)}", ex);
        }
    }
}

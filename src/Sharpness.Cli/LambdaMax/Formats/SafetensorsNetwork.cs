using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sharpness.Cli.LambdaMax.Formats;

/// <summary>
/// The PyTorch network format: a <c>.safetensors</c> file of the <c>state_dict</c> of an <c>nn.Sequential</c> of bias-free
/// <c>nn.Linear</c> layers (<c>safetensors.torch.save_file(model.state_dict(), "net.safetensors")</c>). The format
/// (huggingface/safetensors): 8 bytes, the header's length <c>n</c> as an unsigned little-endian integer; <c>n</c> bytes of
/// JSON <c>{name: {"dtype", "shape", "data_offsets": [begin, end]}, "__metadata__": {...}}</c>; the data, row-major and
/// little-endian, every byte of it covered by exactly one tensor. The keys end in <c>weight</c> and are ordered by the
/// integer in them (<c>0.weight</c>, <c>1.weight</c>, ...); a weight is <c>out_features x in_features</c>, which is
/// <c>d_i x d_(i-1)</c>, that is <c>W_i</c>. F64, F32, F16 and BF16 are converted to double exactly; <c>__metadata__</c> is
/// ignored; a bias is refused, since the theory is that of linear networks without bias.
/// </summary>
internal static partial class SafetensorsNetwork
{
    // The reference implementation's MAX_HEADER_SIZE: a longer header is refused there too.
    private const ulong LargestHeader = 100_000_000;

    private const string Weights = "a state_dict of bias-free nn.Linear layers holds only their '<k>.weight' tensors";

    /// <summary>Reads the network from the seekable <paramref name="stream"/>.</summary>
    /// <exception cref="NetworkFileException">A truncated or malformed header, bad data offsets, an unknown dtype, a bias or
    /// another tensor that is not a weight, weights that do not chain, or a non-finite entry.</exception>
    public static NetworkParts Read(Stream stream)
    {
        var length = stream.Length;
        Span<byte> prefix = stackalloc byte[8];
        if (stream.ReadAtLeast(prefix, 8, throwOnEndOfStream: false) < 8)
        {
            throw new NetworkFileException($"the file has {length} bytes, fewer than the 8 that give a .safetensors header's length");
        }

        var n = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
        if (n > LargestHeader)
        {
            throw new NetworkFileException($"the header length {n} is above the format's limit of {LargestHeader} bytes (a .safetensors file starts with the length of its JSON header)");
        }

        if ((long)n > length - 8)
        {
            throw new NetworkFileException($"the header length {n} runs past the end of the file ({length} bytes): the file is truncated");
        }

        var header = new byte[n];
        stream.ReadExactly(header);
        if (n == 0 || header[0] != (byte)'{')
        {
            throw new NetworkFileException("the header does not start with '{' (a .safetensors header is a JSON object)");
        }

        var dataStart = 8 + (long)n;
        var tensors = Header(header);
        var layers = Layers(tensors);
        RequireOffsets(tensors, length - dataStart);
        string? previous = null;
        var previousRows = 0;
        foreach (var layer in layers)
        {
            if (layer.Shape.Length != 2)
            {
                throw new NetworkFileException($"{layer.Name} has shape {layer.ShapeText}, but an nn.Linear weight is 2-d (out_features x in_features)");
            }

            if (layer.Shape[0] > int.MaxValue || layer.Shape[1] > int.MaxValue || layer.Shape[0] * layer.Shape[1] > Array.MaxLength)
            {
                throw new NetworkFileException($"{layer.Name} has shape {layer.ShapeText}, more entries than one matrix can hold");
            }

            NetworkFile.RequireNotEmpty(layer.Name, (int)layer.Shape[0], (int)layer.Shape[1]);
            if (previous is not null)
            {
                NetworkFile.RequireChains(previous, previousRows, layer.Name, (int)layer.Shape[1]);
            }

            (previous, previousRows) = (layer.Name, (int)layer.Shape[0]);
        }

        var matrices = new List<NamedMatrix>(layers.Count);
        foreach (var layer in layers)
        {
            stream.Seek(dataStart + layer.Begin, SeekOrigin.Begin);
            var (rows, columns) = ((int)layer.Shape[0], (int)layer.Shape[1]);
            var matrix = NamedMatrix.OfColumnMajor(layer.Name, rows, columns, TensorData.Read(stream, layer.Type!.Value, bigEndian: false, rows, columns, rowMajor: true, layer.Name));
            NetworkFile.RequireFinite(matrix);
            matrices.Add(matrix);
        }

        return new NetworkParts(matrices);
    }

    // The header's tensors in the order written; __metadata__ (free-form strings) is skipped.
    private static List<Tensor> Header(byte[] header)
    {
        var tensors = new List<Tensor>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(header, new JsonReaderOptions { MaxDepth = 8 });
        try
        {
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                if (name == "__metadata__")
                {
                    reader.Skip();
                    continue;
                }

                if (!names.Add(name))
                {
                    throw new NetworkFileException($"tensor '{name}' appears twice in the header");
                }

                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw new NetworkFileException($"tensor '{name}' in the header is not an object {{\"dtype\", \"shape\", \"data_offsets\"}}");
                }

                string? dtype = null;
                long[]? shape = null, offsets = null;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var field = reader.GetString()!;
                    reader.Read();
                    switch (field)
                    {
                        case "dtype" when reader.TokenType == JsonTokenType.String:
                            dtype = reader.GetString();
                            break;
                        case "dtype":
                            throw new NetworkFileException($"tensor '{name}': dtype is not a string such as \"F32\"");
                        case "shape":
                            shape = WholeNumbers(ref reader, name, field);
                            break;
                        case "data_offsets":
                            offsets = WholeNumbers(ref reader, name, field);
                            break;
                        default:
                            reader.Skip();
                            break;
                    }
                }

                if (dtype is null || shape is null || offsets is null)
                {
                    var absent = dtype is null ? "dtype" : shape is null ? "shape" : "data_offsets";
                    throw new NetworkFileException($"tensor '{name}' in the header has no {absent}");
                }

                if (offsets.Length != 2)
                {
                    throw new NetworkFileException($"tensor '{name}': data_offsets holds {offsets.Length} numbers, not the pair [begin, end]");
                }

                tensors.Add(new Tensor(name, dtype, shape, offsets[0], offsets[1]));
            }

            while (reader.Read())
            {
            }
        }
        catch (InvalidOperationException ex)
        {
            throw new NetworkFileException("the header holds a name that is not valid UTF-8", ex);
        }
        catch (JsonException ex)
        {
            throw new NetworkFileException(string.Create(
                CultureInfo.InvariantCulture,
                $"the header is not valid JSON at line {ex.LineNumber + 1}, column {ex.BytePositionInLine + 1}: {JsonNetwork.ReaderMessage(ex)}"), ex);
        }

        return tensors;
    }

    private static long[] WholeNumbers(ref Utf8JsonReader reader, string name, string field)
    {
        var numbers = new List<long>();
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var x) && x >= 0)
            {
                numbers.Add(x);
            }

            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return [.. numbers];
            }
        }

        throw new NetworkFileException($"tensor '{name}': {field} is not a list of whole numbers >= 0");
    }

    // Keys ending in "weight", ordered by the last integer in them; a bias and every other tensor refused by name.
    private static List<Tensor> Layers(List<Tensor> tensors)
    {
        if (tensors.Count == 0)
        {
            throw new NetworkFileException($"the file holds no tensors: {Weights}");
        }

        var numbered = new SortedDictionary<long, Tensor>();
        foreach (var tensor in tensors)
        {
            if (tensor.Name.EndsWith("bias", StringComparison.Ordinal))
            {
                throw new NetworkFileException(
                    $"{tensor.Name} is a bias, but the suite covers linear networks without bias: build the layers with nn.Linear(..., bias=False)");
            }

            if (!tensor.Name.EndsWith("weight", StringComparison.Ordinal))
            {
                throw new NetworkFileException($"unknown tensor '{tensor.Name}': {Weights} (a target is given with --target FILE.npy)");
            }

            var digits = LastInteger().Match(tensor.Name);
            if (!digits.Success || !long.TryParse(digits.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var k))
            {
                throw new NetworkFileException($"{tensor.Name} has no layer number: the weights are ordered by the integer in their keys (0.weight, 1.weight, ...)");
            }

            if (numbered.TryGetValue(k, out var other))
            {
                throw new NetworkFileException($"{other.Name} and {tensor.Name} have the same layer number {k}");
            }

            tensor.Type = tensor.Dtype switch
            {
                "F64" => ElementType.Float64,
                "F32" => ElementType.Float32,
                "F16" => ElementType.Float16,
                "BF16" => ElementType.BFloat16,
                _ => throw new NetworkFileException($"{tensor.Name} has dtype {tensor.Dtype}, but the reader takes F64, F32, F16 and BF16"),
            };
            numbered[k] = tensor;
        }

        return [.. numbered.Values];
    }

    // As the reference implementation validates: in the order of their offsets the tensors cover the data from 0 to its end,
    // without overlaps or holes, each exactly as long as its dtype and shape need.
    private static void RequireOffsets(List<Tensor> tensors, long dataLength)
    {
        Tensor? previous = null;
        foreach (var tensor in tensors.OrderBy(t => t.Begin).ThenBy(t => t.End))
        {
            var end = previous?.End ?? 0;
            if (tensor.End < tensor.Begin)
            {
                throw new NetworkFileException($"{tensor.Name}'s data_offsets {tensor.OffsetsText} end before they begin");
            }

            if (tensor.End > dataLength)
            {
                throw new NetworkFileException($"{tensor.Name}'s data_offsets {tensor.OffsetsText} run past the end of the data ({dataLength} bytes after the header)");
            }

            if (tensor.Begin < end)
            {
                throw new NetworkFileException($"{tensor.Name}'s data_offsets {tensor.OffsetsText} overlap {previous!.Name}'s {previous.OffsetsText}");
            }

            if (tensor.Begin > end)
            {
                throw new NetworkFileException($"{tensor.Name}'s data_offsets {tensor.OffsetsText} leave bytes {end} to {tensor.Begin} of the data unused (the format allows no holes)");
            }

            var bytes = tensor.Shape.Aggregate(new System.Numerics.BigInteger(TensorData.Size(tensor.Type!.Value)), (p, d) => p * d);
            if (bytes != tensor.End - tensor.Begin)
            {
                throw new NetworkFileException(
                    $"{tensor.Name} is {tensor.Dtype} of shape {tensor.ShapeText}, {bytes} bytes, but its data_offsets {tensor.OffsetsText} span {tensor.End - tensor.Begin}");
            }

            previous = tensor;
        }

        if ((previous?.End ?? 0) < dataLength)
        {
            throw new NetworkFileException($"the data has {dataLength - previous!.End} bytes after the last tensor (the format allows no holes)");
        }
    }

    [GeneratedRegex(@"\d+(?!.*\d)", RegexOptions.CultureInvariant)]
    private static partial Regex LastInteger();

    private sealed record Tensor(string Name, string Dtype, long[] Shape, long Begin, long End)
    {
        public ElementType? Type { get; set; }

        public string ShapeText => $"[{string.Join(", ", Shape)}]";

        public string OffsetsText => $"[{Begin}, {End}]";
    }
}

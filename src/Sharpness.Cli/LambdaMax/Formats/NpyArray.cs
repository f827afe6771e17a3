using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Sharpness.Cli.LambdaMax.Formats;

/// <summary>
/// One NumPy <c>.npy</c> array, read as the format documents it (numpy.lib.format, versions 1.0, 2.0 and 3.0): the magic
/// <c>\x93NUMPY</c>, the version, the header length (2 bytes little-endian in 1.0, 4 in 2.0 and 3.0), a Python dict literal
/// <c>{'descr': '&lt;f8', 'fortran_order': False, 'shape': (3, 4), }</c> (latin-1; UTF-8 in 3.0), then the data. Floating point
/// dtypes <c>f8</c>, <c>f4</c>, <c>f2</c> in either byte order are read; every other dtype is refused by name.
/// </summary>
internal sealed class NpyArray
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    private NpyArray(string name, int[] shape, ElementType type, bool bigEndian, bool fortranOrder, long? dataBytes)
    {
        DataBytes = dataBytes;
        Name = name;
        Shape = shape;
        Type = type;
        BigEndian = bigEndian;
        FortranOrder = fortranOrder;
    }

    /// <summary>The array's name in messages.</summary>
    public string Name { get; }

    /// <summary>The shape; empty for a 0-d array.</summary>
    public IReadOnlyList<int> Shape { get; }

    /// <summary>The element type.</summary>
    public ElementType Type { get; }

    /// <summary>True for big-endian data (<c>&gt;f8</c>).</summary>
    public bool BigEndian { get; }

    /// <summary>True when the data is stored column by column.</summary>
    public bool FortranOrder { get; }

    /// <summary>The bytes after the header, when the container says how many (a file's length, a zip entry's size).</summary>
    public long? DataBytes { get; }

    /// <summary>The shape as numpy prints it: <c>()</c>, <c>(3,)</c>, <c>(3, 4)</c>.</summary>
    public string ShapeText => Shape.Count == 1 ? $"({Shape[0]},)" : $"({string.Join(", ", Shape)})";

    /// <summary>Reads the header of the array at the start of <paramref name="stream"/>, leaving the stream at its data;
    /// <paramref name="length"/> is the array's length in bytes when the container knows it (the stream's otherwise).</summary>
    /// <exception cref="NetworkFileException">Not a .npy array, an unknown version, a malformed header or an unsupported dtype.</exception>
    public static NpyArray ReadHeader(Stream stream, string name, long? length = null)
    {
        length ??= stream.CanSeek ? stream.Length - stream.Position : null;
        Span<byte> start = stackalloc byte[8];
        if (stream.ReadAtLeast(start, 8, throwOnEndOfStream: false) < 8 || !start[..6].SequenceEqual(Magic))
        {
            throw new NetworkFileException($"{name} is not a .npy array: it does not start with the magic \\x93NUMPY");
        }

        var major = start[6];
        if (major is not (1 or 2 or 3))
        {
            throw new NetworkFileException($"{name} is a .npy array of version {major}.{start[7]}, but the reader knows versions 1.0, 2.0 and 3.0");
        }

        var lengthBytes = major == 1 ? 2 : 4;
        Span<byte> lengthField = stackalloc byte[4];
        if (stream.ReadAtLeast(lengthField[..lengthBytes], lengthBytes, throwOnEndOfStream: false) < lengthBytes)
        {
            throw new NetworkFileException($"{name}: the .npy header is truncated");
        }

        var headerLength = major == 1 ? BinaryPrimitives.ReadUInt16LittleEndian(lengthField) : BinaryPrimitives.ReadUInt32LittleEndian(lengthField);
        if (headerLength > 1 << 20)
        {
            throw new NetworkFileException($"{name}: the .npy header claims {headerLength} bytes, more than a header of a few numbers needs");
        }

        var header = new byte[headerLength];
        if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length)
        {
            throw new NetworkFileException($"{name}: the .npy header is truncated (it claims {headerLength} bytes)");
        }

        var text = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(header);
        var dict = new HeaderParser(text, name).Dict();
        var descr = dict.GetValueOrDefault("descr") as string ?? throw Malformed(name, "it has no 'descr' string");
        var fortran = dict.GetValueOrDefault("fortran_order") as bool? ?? throw Malformed(name, "it has no 'fortran_order' True or False");
        var shape = dict.GetValueOrDefault("shape") as int[] ?? throw Malformed(name, "it has no 'shape' tuple");
        var (type, bigEndian) = Dtype(descr, name);
        return new NpyArray(name, shape, type, bigEndian, fortran, length - 8 - lengthBytes - headerLength);
    }

    /// <summary>Reads a whole 2-d array (header and data) as a matrix with finite entries.</summary>
    /// <exception cref="NetworkFileException">A malformed array, one that is not 2-d or empty, truncated data or a non-finite entry.</exception>
    public static NamedMatrix ReadMatrix(Stream stream, string name)
    {
        var array = ReadHeader(stream, name);
        var matrix = array.ReadMatrixData(stream);
        NetworkFile.RequireFinite(matrix);
        return matrix;
    }

    /// <summary>The target of <c>--target FILE.npy</c>.</summary>
    /// <exception cref="NetworkFileException">The file cannot be read or does not hold a 2-d float array.</exception>
    public static NamedMatrix ReadMatrixFile(string path, string name) => NetworkFile.WithFile(path, "--target", stream => ReadMatrix(stream, name));

    /// <summary>Reads the data of a 2-d array whose header has been read.</summary>
    /// <exception cref="NetworkFileException">The array is not 2-d or is empty, or its data is truncated.</exception>
    public NamedMatrix ReadMatrixData(Stream stream)
    {
        if (Shape.Count != 2)
        {
            throw new NetworkFileException($"{Name} is a {Shape.Count}-d array of shape {ShapeText}, not a 2-d matrix");
        }

        NetworkFile.RequireNotEmpty(Name, Shape[0], Shape[1]);
        var bytes = (long)Shape[0] * Shape[1] * TensorData.Size(Type);
        if (DataBytes < bytes)
        {
            // Known before anything is allocated: a header may claim a shape far larger than the file.
            throw new NetworkFileException($"{Name}: the data ends after {DataBytes} of its {bytes} bytes (the file is truncated)");
        }

        var entries = TensorData.Read(stream, Type, BigEndian, Shape[0], Shape[1], rowMajor: !FortranOrder, Name);
        RequireEnd(stream);
        return NamedMatrix.OfColumnMajor(Name, Shape[0], Shape[1], entries);
    }

    /// <summary>Reads the data of a 0-d array (a number) whose header has been read.</summary>
    /// <exception cref="NetworkFileException">The array is not 0-d, or its data is truncated.</exception>
    public double ReadScalarData(Stream stream)
    {
        if (Shape.Count != 0)
        {
            throw new NetworkFileException($"{Name} is a {Shape.Count}-d array of shape {ShapeText}, not a number (a 0-d array, as np.savez stores a float)");
        }

        var value = TensorData.Read(stream, Type, BigEndian, 1, 1, rowMajor: true, Name)[0];
        RequireEnd(stream);
        return value;
    }

    // numpy.save writes nothing after the data; bytes there mean the header's shape or dtype does not describe the data.
    private void RequireEnd(Stream stream)
    {
        Span<byte> one = stackalloc byte[1];
        if (stream.Read(one) != 0)
        {
            throw new NetworkFileException($"{Name} has more data than its shape {ShapeText} and dtype hold");
        }
    }

    private static (ElementType Type, bool BigEndian) Dtype(string descr, string name)
    {
        var order = descr.Length == 3 ? descr[0] : '?';
        var bigEndian = order == '>' || (order == '=' && !BitConverter.IsLittleEndian);
        ElementType? type = order is '<' or '>' or '=' ? descr[1..] switch
        {
            "f8" => ElementType.Float64,
            "f4" => ElementType.Float32,
            "f2" => ElementType.Float16,
            _ => null,
        } : null;
        return type is { } t ? (t, bigEndian) : throw new NetworkFileException(
            $"{name} has dtype '{descr}', but the reader takes float64, float32 and float16 ('<f8', '<f4', '<f2', either byte order): convert it with .astype(np.float64)");
    }

    private static NetworkFileException Malformed(string name, string why) => new($"{name}: the .npy header is malformed: {why}");

    /// <summary>The header's Python literal: a dict of string keys whose values are strings, True/False or tuples of whole numbers.</summary>
    private sealed class HeaderParser(string text, string name)
    {
        private int _at;

        public Dictionary<string, object> Dict()
        {
            var dict = new Dictionary<string, object>(StringComparer.Ordinal);
            Expect('{');
            while (Peek() != '}')
            {
                var key = Quoted();
                Expect(':');
                dict[key] = Value();
                if (Peek() == ',')
                {
                    _at++;
                }
                else if (Peek() != '}')
                {
                    throw Malformed(name, $"expected ',' or '}}' at character {_at + 1}");
                }
            }

            return dict;
        }

        private object Value()
        {
            switch (Peek())
            {
                case '\'' or '"':
                    return Quoted();
                case '(':
                    return Tuple();
                case '[':
                    // A list descr is a structured dtype (named fields), which holds no plain matrix.
                    throw new NetworkFileException($"{name} has a structured dtype (named fields), but the reader takes float64, float32 and float16 arrays");
                default:
                    foreach (var (word, value) in new[] { ("True", true), ("False", false) })
                    {
                        if (string.CompareOrdinal(text, _at, word, 0, word.Length) == 0)
                        {
                            _at += word.Length;
                            return value;
                        }
                    }

                    throw Malformed(name, $"unexpected '{text[_at]}' at character {_at + 1}");
            }
        }

        private int[] Tuple()
        {
            Expect('(');
            var items = new List<int>();
            while (Peek() != ')')
            {
                var begin = _at;
                while (_at < text.Length && char.IsAsciiDigit(text[_at]))
                {
                    _at++;
                }

                if (!int.TryParse(text.AsSpan(begin, _at - begin), NumberStyles.None, CultureInfo.InvariantCulture, out var item))
                {
                    throw Malformed(name, $"the shape holds something other than whole numbers below 2^31 at character {begin + 1}");
                }

                items.Add(item);
                if (Peek() == ',')
                {
                    _at++;
                }
            }

            _at++;
            return [.. items];
        }

        private string Quoted()
        {
            var quote = Peek();
            if (quote is not ('\'' or '"'))
            {
                throw Malformed(name, $"expected a quoted key at character {_at + 1}");
            }

            var end = text.IndexOf(quote, _at + 1);
            if (end < 0)
            {
                throw Malformed(name, "a string is not closed");
            }

            var value = text[(_at + 1)..end];
            _at = end + 1;
            return value;
        }

        private void Expect(char c)
        {
            if (Peek() != c)
            {
                throw Malformed(name, $"expected '{c}' at character {_at + 1}");
            }

            _at++;
        }

        // The next character that is not whitespace ('\0' at the end).
        private char Peek()
        {
            while (_at < text.Length && char.IsWhiteSpace(text[_at]))
            {
                _at++;
            }

            return _at < text.Length ? text[_at] : '\0';
        }
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Sharpness.Cli.LambdaMax.Formats;

/// <summary>
/// The JSON network format, <c>{"layers": [W_1, ..., W_L], "target": M, "lambda": number}</c> with each matrix a list of rows,
/// read in one pass with <see cref="Utf8JsonReader"/> over a small buffer that is refilled from the stream: no document tree,
/// no strings for numbers, each matrix's entries stored once as they are read (row by row, in blocks) and once more in the
/// column-major array of the matrix, so the peak is about twice the doubles of the largest matrix on top of those read
/// before it. <c>null</c> for <c>target</c> or <c>lambda</c> means absent.
/// </summary>
/// <remarks>
/// The messages and their precedence are those of the former reader, which parsed the whole file first: a syntax error
/// anywhere wins, then a root that is not an object, then the first repeated or unknown property, then the layers (in
/// reading order), then the target, then lambda. So a problem found while streaming is kept, the rest of its value skipped,
/// and the kept problems are raised in that order once the file has been read to its end.
/// </remarks>
internal static class JsonNetwork
{
    private const string LayersFormat = "{\"layers\": [W_1, ..., W_L]}";

    /// <summary>Reads the network from <paramref name="stream"/> (UTF-8, or UTF-16/32 with a byte order mark).</summary>
    /// <exception cref="NetworkFileException">The text is empty, not valid JSON, or not a network.</exception>
    public static NetworkParts Read(Stream stream)
    {
        using var text = JsonTokens.Utf8(stream);
        var tokens = new JsonTokens(text);
        try
        {
            if (tokens.IsBlank)
            {
                throw new NetworkFileException($"the file is empty: it needs {LayersFormat}");
            }

            tokens.ReadWithin();

            return ReadRoot(ref tokens);
        }
        catch (JsonException ex)
        {
            throw new NetworkFileException(
                string.Create(CultureInfo.InvariantCulture, $"not valid JSON at line {ex.LineNumber + 1}, column {ex.BytePositionInLine + 1}: {ReaderMessage(ex)}"),
                ex);
        }
        finally
        {
            tokens.Dispose();
        }
    }

    private static NetworkParts ReadRoot(ref JsonTokens tokens)
    {
        string? rootProblem = null;
        string? nameProblem = null;
        string? layersProblem = null;
        List<NamedMatrix>? layers = null;
        NamedMatrix? target = null;
        string? targetProblem = null;
        double? lambda = null;
        string? lambdaProblem = null;
        bool seenLayers = false, seenTarget = false, seenLambda = false;

        if (tokens.TokenType != JsonTokenType.StartObject)
        {
            rootProblem = $"the file holds {Describe(ref tokens)}, not an object {LayersFormat}";
            tokens.SkipValue();
        }
        else
        {
            while (tokens.ReadWithin() != JsonTokenType.EndObject)
            {
                var known = tokens.ValueTextEquals("layers"u8) ? 1 : tokens.ValueTextEquals("target"u8) ? 2 : tokens.ValueTextEquals("lambda"u8) ? 3 : 0;
                var seen = known switch { 1 => seenLayers, 2 => seenTarget, 3 => seenLambda, _ => false };
                if (nameProblem is null && (known == 0 || seen))
                {
                    var name = tokens.GetString();
                    nameProblem = seen
                        ? $"property \"{name}\" appears twice"
                        : $"unknown property \"{name}\" (a network file has layers, target and lambda)";
                }

                tokens.ReadWithin();
                if (nameProblem is not null || rootProblem is not null)
                {
                    tokens.SkipValue();
                    continue;
                }

                switch (known)
                {
                    case 1:
                        seenLayers = true;
                        layers = ReadLayers(ref tokens, out layersProblem);
                        break;
                    case 2:
                        seenTarget = true;
                        target = tokens.TokenType == JsonTokenType.Null ? null : ReadMatrix(ref tokens, "target", out targetProblem);
                        break;
                    default:
                        seenLambda = true;
                        lambda = tokens.TokenType == JsonTokenType.Null ? null : ReadNumber(ref tokens, "lambda", 0, 0, out lambdaProblem);
                        break;
                }
            }
        }

        if (tokens.Read())
        {
            throw new InvalidOperationException("Utf8JsonReader read past the end of the root value.");
        }

        var problem = rootProblem ?? nameProblem ?? layersProblem ?? (seenLayers ? null : $"layers is missing: the file needs {LayersFormat}");
        if (problem is not null)
        {
            throw new NetworkFileException(problem);
        }

        return new NetworkParts(layers!) { Target = target, TargetProblem = targetProblem, Lambda = lambda, LambdaProblem = lambdaProblem };
    }

    private static List<NamedMatrix>? ReadLayers(ref JsonTokens tokens, out string? problem)
    {
        problem = null;
        if (tokens.TokenType != JsonTokenType.StartArray)
        {
            problem = $"layers is {Describe(ref tokens)}, not a list of matrices [W_1, ..., W_L]";
            tokens.SkipValue();
            return null;
        }

        var layers = new List<NamedMatrix>();
        var k = 0;
        while (tokens.ReadWithin() != JsonTokenType.EndArray)
        {
            k++;
            if (problem is not null)
            {
                tokens.SkipValue();
                continue;
            }

            var layer = ReadMatrix(ref tokens, $"layers[{k}]", out problem);
            if (layer is null)
            {
                continue;
            }

            problem = layers.Count == 0 ? null : NetworkFile.ChainProblem(layers[^1].Name, layers[^1].Value.RowCount, layer.Name, layer.Value.ColumnCount);
            if (problem is not null)
            {
                continue;
            }

            layers.Add(layer);
        }

        if (k == 0)
        {
            problem = "layers is empty: give at least one matrix W_1";
        }

        return problem is null ? layers : null;
    }

    // A list of rows into a column-major matrix. The current token is the value's first; on return it is the value's last.
    private static NamedMatrix? ReadMatrix(ref JsonTokens tokens, string name, out string? problem)
    {
        problem = null;
        if (tokens.TokenType != JsonTokenType.StartArray)
        {
            problem = $"{name} is {Describe(ref tokens)}, not a matrix (a list of rows)";
            tokens.SkipValue();
            return null;
        }

        var entries = new RowMajorBlocks();
        var columns = 0;
        var i = 0;
        while (tokens.ReadWithin() != JsonTokenType.EndArray)
        {
            i++;
            if (problem is not null)
            {
                tokens.SkipValue();
                continue;
            }

            if (tokens.TokenType != JsonTokenType.StartArray)
            {
                problem = $"{name} row {i} is {Describe(ref tokens)}, not a list of numbers";
                tokens.SkipValue();
                continue;
            }

            // As before, a row of the wrong length is reported before a bad entry in it.
            string? entryProblem = null;
            var j = 0;
            while (tokens.ReadWithin() != JsonTokenType.EndArray)
            {
                j++;
                if (entryProblem is not null || (i > 1 && j > columns))
                {
                    tokens.SkipValue();
                    continue;
                }

                var x = ReadNumber(ref tokens, name, i, j, out entryProblem);
                if (entryProblem is null)
                {
                    entries.Add(x);
                }
            }

            problem = j == 0 ? $"{name} row {i} is empty"
                : i > 1 && j != columns ? $"{name} row {i} has {NetworkFile.Count(j, "entry", "entries")} but row 1 has {columns}"
                : entryProblem;
            columns = i == 1 ? j : columns;
        }

        if (problem is null && i == 0)
        {
            problem = $"{name} has no rows";
        }

        return problem is null ? NamedMatrix.OfColumnMajor(name, i, columns, entries.ToColumnMajor(i, columns)) : null;
    }

    // A finite double, or a problem naming the place (entry (row, column) of the matrix, or the number itself for row 0; the
    // name is formatted only for a problem, not for every entry). JSON has no NaN or infinity literals, but strings can spell
    // them and numbers beyond the double range (1e400) overflow.
    private static double ReadNumber(ref JsonTokens tokens, string name, int row, int column, out string? problem)
    {
        problem = null;
        if (tokens.TokenType == JsonTokenType.Number && tokens.TryGetDouble(out var x) && double.IsFinite(x))
        {
            return x;
        }

        var place = row == 0 ? name : string.Create(CultureInfo.InvariantCulture, $"{name} row {row} column {column}");
        switch (tokens.TokenType)
        {
            case JsonTokenType.Number:
                problem = $"{place} is {tokens.RawText()}, which overflows to infinity";
                return 0;
            case JsonTokenType.String:
                var text = tokens.GetString();
                problem = !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? $"{place} is the string \"{NetworkFile.OneLine(text)}\", not a number"
                    : double.IsNaN(parsed) ? $"{place} is NaN"
                    : double.IsInfinity(parsed) ? $"{place} is {text}"
                    : $"{place} is the string \"{text}\": write numbers without quotes";
                return 0;
            default:
                problem = $"{place} is {Describe(ref tokens)}, not a number";
                tokens.SkipValue();
                return 0;
        }
    }

    private static string Describe(ref JsonTokens tokens) => tokens.TokenType switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "a list",
        JsonTokenType.String => $"the string \"{NetworkFile.OneLine(tokens.GetString())}\"",
        JsonTokenType.Number => $"the number {tokens.RawText()}",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => "null",
    };

    /// <summary>The reader's message without the " LineNumber: 2 | BytePositionInLine: 10." System.Text.Json appends (the
    /// messages here give the position their own way).</summary>
    internal static string ReaderMessage(JsonException ex)
    {
        var message = NetworkFile.OneLine(ex.Message);
        var position = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return position < 0 ? message : message[..position];
    }

    /// <summary>
    /// A matrix's entries in reading order (row by row), in blocks that double in size up to a megabyte, so that growing never
    /// copies and at most one block is partly empty.
    /// </summary>
    private sealed class RowMajorBlocks
    {
        private const int LargestBlock = 1 << 17;
        private readonly List<double[]> _blocks = [];
        private double[] _current = new double[16];
        private int _used;

        public void Add(double x)
        {
            if (_used == _current.Length)
            {
                _blocks.Add(_current);
                _current = new double[Math.Min(2 * _current.Length, LargestBlock)];
                _used = 0;
            }

            _current[_used++] = x;
        }

        // Entry (i, j) of the row-major sequence goes to j * rows + i.
        public double[] ToColumnMajor(int rows, int columns)
        {
            var result = new double[checked(rows * columns)];
            int i = 0, j = 0;
            foreach (var block in _blocks.Append(_current))
            {
                var count = ReferenceEquals(block, _current) ? _used : block.Length;
                for (var k = 0; k < count; k++)
                {
                    result[(j * rows) + i] = block[k];
                    if (++j == columns)
                    {
                        j = 0;
                        i++;
                    }
                }
            }

            return result;
        }
    }

    /// <summary>
    /// The tokens of a JSON stream: a <see cref="Utf8JsonReader"/> over a pooled buffer, refilled when a token runs past its
    /// end (the reader's state carries the line and column across refills, so error positions are the file's).
    /// </summary>
    private ref struct JsonTokens
    {
        private const int InitialBuffer = 1 << 16;
        private readonly Stream _stream;
        private byte[] _buffer;
        private int _filled;
        private bool _final;
        private Utf8JsonReader _reader;

        public JsonTokens(Stream stream)
        {
            _stream = stream;
            _buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(InitialBuffer);
            _filled = 0;
            _final = false;
            Fill();
            if (_filled >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF)
            {
                // The reader counts columns from the start of its span: drop the byte order mark, as File.ReadAllText did.
                Buffer.BlockCopy(_buffer, 3, _buffer, 0, _filled - 3);
                _filled -= 3;
                Fill();
            }

            IsBlank = _final && _buffer.AsSpan(0, _filled).IndexOfAnyExcept(" \t\r\n"u8) < 0;
            _reader = new Utf8JsonReader(_buffer.AsSpan(0, _filled), _final, default);
        }

        /// <summary>True when the whole text is whitespace (or nothing).</summary>
        public bool IsBlank { get; }

        /// <summary>The current token's type.</summary>
        public readonly JsonTokenType TokenType => _reader.TokenType;

        /// <summary>A stream of UTF-8: <paramref name="stream"/> itself, or transcoded when a byte order mark says UTF-16 or UTF-32
        /// (what File.ReadAllText accepted; Windows PowerShell writes UTF-16).</summary>
        public static Stream Utf8(Stream stream)
        {
            Span<byte> mark = stackalloc byte[4];
            var read = stream.ReadAtLeast(mark, 4, throwOnEndOfStream: false);
            Encoding? encoding = read switch
            {
                4 when mark[0] == 0xFF && mark[1] == 0xFE && mark[2] == 0 && mark[3] == 0 => new UTF32Encoding(bigEndian: false, byteOrderMark: true),
                4 when mark[0] == 0 && mark[1] == 0 && mark[2] == 0xFE && mark[3] == 0xFF => new UTF32Encoding(bigEndian: true, byteOrderMark: true),
                >= 2 when mark[0] == 0xFF && mark[1] == 0xFE => Encoding.Unicode,
                >= 2 when mark[0] == 0xFE && mark[1] == 0xFF => Encoding.BigEndianUnicode,
                _ => null,
            };
            var start = new PrefixedStream(mark[..read].ToArray(), stream);
            return encoding is null ? start : Encoding.CreateTranscodingStream(start, encoding, Encoding.UTF8, leaveOpen: false);
        }

        /// <summary>The next token, or false at the end of the text (after the root value: anything else there is a syntax error).</summary>
        public bool Read()
        {
            while (!_reader.Read())
            {
                if (_final)
                {
                    return false;
                }

                Refill();
            }

            return true;
        }

        /// <summary>The next token inside a value (the reader has seen its start, so the text cannot end before its end).</summary>
        public JsonTokenType ReadWithin() => Read() ? _reader.TokenType : throw new InvalidOperationException("Utf8JsonReader ended inside a value.");

        /// <summary>Moves to the last token of the value whose first token is current.</summary>
        public void SkipValue()
        {
            if (_reader.TokenType is not (JsonTokenType.StartArray or JsonTokenType.StartObject))
            {
                return;
            }

            var depth = _reader.CurrentDepth;
            while (ReadWithin() is not (JsonTokenType.EndArray or JsonTokenType.EndObject) || _reader.CurrentDepth != depth)
            {
            }
        }

        /// <summary>True when the current property name or string is <paramref name="text"/> (unescaped, without a string).</summary>
        public readonly bool ValueTextEquals(ReadOnlySpan<byte> text) => _reader.ValueTextEquals(text);

        /// <summary>The current number as a double (parsed from the buffer's bytes, without a string).</summary>
        public readonly bool TryGetDouble(out double value) => _reader.TryGetDouble(out value);

        /// <summary>The current string or property name, for a message.</summary>
        // Invalid UTF-8 inside a string cannot be transcoded; the message then shows the bytes decoded with replacement characters.
        public readonly string GetString()
        {
            try
            {
                return _reader.GetString() ?? string.Empty;
            }
            catch (InvalidOperationException)
            {
                return Encoding.UTF8.GetString(_reader.ValueSpan);
            }
        }

        /// <summary>The current number as written, for a message.</summary>
        public readonly string RawText() => Encoding.UTF8.GetString(_reader.ValueSpan);

        /// <summary>Returns the buffer to the pool.</summary>
        public void Dispose()
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }

        // Keeps the bytes the reader has not consumed (an unfinished token), growing the buffer when that token fills it.
        private void Refill()
        {
            var state = _reader.CurrentState;
            var consumed = (int)_reader.BytesConsumed;
            var remaining = _filled - consumed;
            if (consumed == 0 && remaining == _buffer.Length)
            {
                var larger = System.Buffers.ArrayPool<byte>.Shared.Rent(2 * _buffer.Length);
                Buffer.BlockCopy(_buffer, 0, larger, 0, remaining);
                System.Buffers.ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = larger;
            }
            else
            {
                Buffer.BlockCopy(_buffer, consumed, _buffer, 0, remaining);
            }

            _filled = remaining;
            Fill();
            _reader = new Utf8JsonReader(_buffer.AsSpan(0, _filled), _final, state);
        }

        private void Fill()
        {
            while (_filled < _buffer.Length)
            {
                var read = _stream.Read(_buffer, _filled, _buffer.Length - _filled);
                if (read == 0)
                {
                    _final = true;
                    return;
                }

                _filled += read;
            }
        }
    }

    /// <summary>The bytes read to look for a byte order mark, then the rest of the stream.</summary>
    private sealed class PrefixedStream(byte[] prefix, Stream rest) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position < prefix.Length)
            {
                var n = Math.Min(count, prefix.Length - _position);
                Buffer.BlockCopy(prefix, _position, buffer, offset, n);
                _position += n;
                return n;
            }

            return rest.Read(buffer, offset, count);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

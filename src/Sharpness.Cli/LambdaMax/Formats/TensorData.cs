using System.Buffers;
using System.Buffers.Binary;

namespace Sharpness.Cli.LambdaMax.Formats;

/// <summary>The floating-point element types the binary formats may hold: every one of them converts to double exactly.</summary>
internal enum ElementType
{
    /// <summary>IEEE binary64 (numpy <c>f8</c>, safetensors <c>F64</c>).</summary>
    Float64,

    /// <summary>IEEE binary32 (<c>f4</c>, <c>F32</c>).</summary>
    Float32,

    /// <summary>IEEE binary16 (<c>f2</c>, <c>F16</c>).</summary>
    Float16,

    /// <summary>bfloat16, the top 16 bits of a binary32 (<c>BF16</c>; numpy has none).</summary>
    BFloat16,
}

/// <summary>
/// Decodes a tensor's bytes straight into the column-major <c>double[]</c> a matrix wraps, through a small buffer: no array of
/// the stored type and no second copy. Every stored value becomes the double equal to it (widening is exact).
/// </summary>
internal static class TensorData
{
    private const int ChunkBytes = 1 << 16;

    /// <summary>Bytes per element.</summary>
    public static int Size(ElementType type) => type switch
    {
        ElementType.Float64 => 8,
        ElementType.Float32 => 4,
        _ => 2,
    };

    /// <summary>
    /// Reads <paramref name="rows"/> x <paramref name="columns"/> elements from <paramref name="stream"/>, stored row by row
    /// (C order) when <paramref name="rowMajor"/>, else column by column (Fortran order), into a column-major array.
    /// </summary>
    /// <exception cref="NetworkFileException">The stream ends before the data does.</exception>
    public static double[] Read(Stream stream, ElementType type, bool bigEndian, int rows, int columns, bool rowMajor, string name)
    {
        var count = checked(rows * columns);
        var size = Size(type);
        var result = new double[count];
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            int done = 0, i = 0, j = 0;
            while (done < count)
            {
                var want = (int)Math.Min(ChunkBytes / size, count - done) * size;
                var got = stream.ReadAtLeast(buffer.AsSpan(0, want), want, throwOnEndOfStream: false);
                if (got < want)
                {
                    throw new NetworkFileException(
                        $"{name}: the data ends after {((long)done * size) + got} of its {(long)count * size} bytes (the file is truncated)");
                }

                for (var b = 0; b < got; b += size)
                {
                    var x = Decode(buffer.AsSpan(b, size), type, bigEndian);
                    if (!rowMajor)
                    {
                        result[done++] = x;
                        continue;
                    }

                    result[(j * rows) + i] = x;
                    done++;
                    if (++j == columns)
                    {
                        j = 0;
                        i++;
                    }
                }
            }

            return result;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Half and float widen to double exactly; a bfloat16 is the upper half of the float with the same bits.
    private static double Decode(ReadOnlySpan<byte> bytes, ElementType type, bool bigEndian) => type switch
    {
        ElementType.Float64 => bigEndian ? BinaryPrimitives.ReadDoubleBigEndian(bytes) : BinaryPrimitives.ReadDoubleLittleEndian(bytes),
        ElementType.Float32 => bigEndian ? BinaryPrimitives.ReadSingleBigEndian(bytes) : BinaryPrimitives.ReadSingleLittleEndian(bytes),
        ElementType.Float16 => (double)(bigEndian ? BinaryPrimitives.ReadHalfBigEndian(bytes) : BinaryPrimitives.ReadHalfLittleEndian(bytes)),
        _ => BitConverter.Int32BitsToSingle((bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(bytes) : BinaryPrimitives.ReadUInt16LittleEndian(bytes)) << 16),
    };
}

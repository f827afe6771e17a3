// Npy: reads the .npy layers bench/peers/networks.py writes, so the timed runs and the peers start from the same bits.
using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using MathNet.Numerics.LinearAlgebra;

namespace Sharpness.Benchmarks;

/// <summary>Reads a network folder <c>W1.npy ... WL.npy</c> (little-endian float64, C or Fortran order, 2-D).</summary>
public static class Npy
{
    /// <summary>The layers <c>W_1, ..., W_L</c> stored in <paramref name="folder"/>.</summary>
    /// <exception cref="InvalidDataException">A file is not a 2-D little-endian float64 array.</exception>
    public static IReadOnlyList<Matrix<double>> ReadLayers(string folder)
    {
        var layers = new List<Matrix<double>>();
        for (var i = 1; File.Exists(Path.Combine(folder, $"W{i}.npy")); i++)
        {
            layers.Add(Read(Path.Combine(folder, $"W{i}.npy")));
        }

        return layers.Count > 0 ? layers : throw new InvalidDataException($"{folder} holds no W1.npy.");
    }

    /// <summary>One 2-D float64 array as a matrix.</summary>
    /// <exception cref="InvalidDataException">The file is not a 2-D little-endian float64 array.</exception>
    public static Matrix<double> Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 10 || bytes[0] != 0x93 || Encoding.ASCII.GetString(bytes, 1, 5) != "NUMPY")
        {
            throw new InvalidDataException($"{path} is not a .npy file.");
        }

        var major = bytes[6];
        var headerLength = major == 1 ? BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8)) : (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8));
        var start = major == 1 ? 10 : 12;
        var header = Encoding.ASCII.GetString(bytes, start, headerLength);
        if (!header.Contains("'<f8'", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path} is not little-endian float64: {header.Trim()}");
        }

        var fortran = header.Contains("'fortran_order': True", StringComparison.Ordinal);
        var shapeText = header[(header.IndexOf("'shape': (", StringComparison.Ordinal) + 10)..];
        var shape = shapeText[..shapeText.IndexOf(')', StringComparison.Ordinal)]
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        if (shape.Length != 2)
        {
            throw new InvalidDataException($"{path} is not 2-D: {header.Trim()}");
        }

        var (rows, columns) = (shape[0], shape[1]);
        var data = new double[rows * columns];
        Buffer.BlockCopy(bytes, start + headerLength, data, 0, data.Length * sizeof(double));
        if (fortran)
        {
            return Matrix<double>.Build.Dense(rows, columns, data);
        }

        // C order is row-major: the transpose of the column-major columns x rows matrix.
        return Matrix<double>.Build.Dense(columns, rows, data).Transpose();
    }
}

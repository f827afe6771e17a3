using MathNet.Numerics.LinearAlgebra;

namespace Sharpness.Cli.LambdaMax.Formats;

/// <summary>A matrix as a file holds it, with the name its error messages use (<c>layers[2]</c>, <c>W2</c>, <c>1.weight</c>).</summary>
/// <param name="Name">The place in the file, as the user wrote it.</param>
/// <param name="Value">The matrix, its storage column-major.</param>
internal sealed record NamedMatrix(string Name, Matrix<double> Value)
{
    /// <summary>Wraps column-major <paramref name="entries"/> without copying them.</summary>
    public static NamedMatrix OfColumnMajor(string name, int rows, int columns, double[] entries) =>
        new(name, Matrix<double>.Build.Dense(rows, columns, entries));
}

/// <summary>
/// What a reader of one file format found, before the checks every format shares (<see cref="NetworkFile"/>): the layers
/// (each finite, consecutive shapes chaining), the target and lambda if the file gives them, and the first problem the file
/// has with either, kept rather than thrown so that a <c>--target</c> or <c>--lambda</c> given on the command line replaces
/// them (problem and all) and the checks still run in the order of the JSON format's messages.
/// </summary>
internal sealed record NetworkParts(IReadOnlyList<NamedMatrix> Layers)
{
    /// <summary>The target the file gives, or null.</summary>
    public NamedMatrix? Target { get; init; }

    /// <summary>Why the file's target cannot be used, or null.</summary>
    public string? TargetProblem { get; init; }

    /// <summary>The lambda the file gives (finite, not yet checked to be >= 0), or null.</summary>
    public double? Lambda { get; init; }

    /// <summary>The name lambda has in the file's messages.</summary>
    public string LambdaName { get; init; } = "lambda";

    /// <summary>Why the file's lambda cannot be used, or null.</summary>
    public string? LambdaProblem { get; init; }
}

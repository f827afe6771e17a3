namespace Sharpness.Oracles;

/// <summary>A linear map <c>R^n -> R^n</c> known only through its action on vectors (matrix-free).</summary>
public interface ILinearOperator
{
    /// <summary>The dimension <c>n</c> of the space the operator acts on.</summary>
    int Dimension { get; }

    /// <summary>Computes <c>y = A x</c>. Both spans must have length <see cref="Dimension"/>; <paramref name="x"/> is not modified.</summary>
    /// <param name="x">The input vector.</param>
    /// <param name="y">Receives <c>A x</c>.</param>
    void Multiply(ReadOnlySpan<double> x, Span<double> y);
}

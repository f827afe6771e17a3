namespace Sharpness.Kernels;

/// <summary>Whether an operand of <see cref="Blas.Gemm"/> enters as stored or transposed (BLAS's <c>TRANS</c> argument).</summary>
public enum Transpose
{
    /// <summary>The operand enters as stored: <c>op(X) = X</c>.</summary>
    None,

    /// <summary>The operand enters transposed: <c>op(X) = X^T</c>.</summary>
    Transposed,
}

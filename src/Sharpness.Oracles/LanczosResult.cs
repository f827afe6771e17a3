namespace Sharpness.Oracles;

/// <summary>An extreme eigenpair found by <see cref="Lanczos"/>.</summary>
/// <param name="Eigenvalue">The eigenvalue estimate: the Rayleigh quotient <c>v^T A v</c> of <paramref name="Eigenvector"/>.</param>
/// <param name="Eigenvector">The unit-norm Ritz vector <c>v</c>.</param>
/// <param name="Residual">The true residual <c>||A v - lambda v||</c>, recomputed with one extra operator application.</param>
/// <param name="Products">The number of operator applications used, including the residual check.</param>
public sealed record LanczosResult(double Eigenvalue, double[] Eigenvector, double Residual, int Products);

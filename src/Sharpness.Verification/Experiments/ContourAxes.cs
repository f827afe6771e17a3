// EXACT Appendix D.1 (claim EXACT-CONTOUR): the two directions zeta, gamma of the contour map p(x, y) = L(w* + x zeta + y gamma).
namespace Sharpness.Verification.Experiments;

/// <summary>The directions <c>zeta</c> (x axis) and <c>gamma</c> (y axis) of a contour map (EXACT eq. 91).</summary>
/// <param name="Zeta">The x-axis direction, unit, length N.</param>
/// <param name="Gamma">The y-axis direction, unit, length N.</param>
public sealed record ContourAxes(IReadOnlyList<double> Zeta, IReadOnlyList<double> Gamma)
{
    /// <summary>
    /// The paper's choice: <c>zeta = v_1</c> and <c>gamma = v_N</c>, the Hessian eigenvectors of the largest and smallest
    /// eigenvalues at <c>w*</c>, because random directions hide GD's motion behind the rescaling symmetry.
    /// </summary>
    /// <remarks>EXACT Appendix D.1, "Projection onto the Hessian Eigenvectors" (claim EXACT-CONTOUR).</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="minimum"/> is null.</exception>
    public static ContourAxes Eigenvectors(EscapeMinimum minimum)
    {
        ArgumentNullException.ThrowIfNull(minimum);
        return new ContourAxes(minimum.TopEigenvector, minimum.BottomEigenvector);
    }

    /// <summary>
    /// Two independent random unit directions drawn from <c>Random(seed)</c>: the "random projections" method of Appendix D.1
    /// that the paper sets aside.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="minimum"/> is null.</exception>
    public static ContourAxes Random(EscapeMinimum minimum, int seed)
    {
        ArgumentNullException.ThrowIfNull(minimum);
        var random = new Random(seed);
        return new ContourAxes(RandomUnit(minimum.ParameterCount, random), RandomUnit(minimum.ParameterCount, random));
    }

    private static double[] RandomUnit(int n, Random random)
    {
        var v = new double[n];
        for (var i = 0; i < n; i++)
        {
            v[i] = random.NextDouble() - 0.5;
        }

        var norm = EscapeMinimum.Norm(v);
        for (var i = 0; i < n; i++)
        {
            v[i] /= norm;
        }

        return v;
    }
}

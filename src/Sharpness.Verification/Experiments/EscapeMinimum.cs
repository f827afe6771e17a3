// The oracle's view of an escape experiment's minimizer (claims EXACT-ESC, EXACT-CONTOUR): w*, lambda_max, lambda_min
// and their eigenvectors v_1, v_N, from the dense Hessian for small N and from Lanczos on the matrix-free Hessian
// for large N. Nothing here uses a closed form, so the closed forms can be checked against it.
using Sharpness.Oracles;
using Sharpness.Theory;

namespace Sharpness.Verification.Experiments;

/// <summary>How the oracle found the extreme eigenpairs.</summary>
public enum SpectrumMethod
{
    /// <summary>One symmetric EVD of the dense <c>N x N</c> Hessian.</summary>
    Dense,

    /// <summary><see cref="Lanczos"/> on the matrix-free Hessian-vector product (never forms the Hessian).</summary>
    Lanczos,
}

/// <summary>
/// A minimizer <c>w*</c> of an escape experiment with the oracle's extreme Hessian eigenpairs: <c>lambda_max</c> with a unit
/// eigenvector <c>v_1</c>, and <c>lambda_min</c> (0 at these rank-deficient minimizers) with a unit eigenvector <c>v_N</c>.
/// </summary>
/// <remarks>EXACT Section 7 and Appendix D.1 (claims EXACT-ESC, EXACT-CONTOUR).</remarks>
public sealed class EscapeMinimum
{
    /// <summary>Above this N the spectrum comes from Lanczos (the oracles' <see cref="DenseSpectrum.DenseLimit"/>).</summary>
    public const int DenseLimit = DenseSpectrum.DenseLimit;

    private readonly double[] _point;
    private readonly double[] _top;
    private readonly double[] _bottom;

    private EscapeMinimum(Minimizer minimizer, LossLandscape landscape, double lambdaMax, double[] top, double lambdaMin, double[] bottom, SpectrumMethod method, double scale)
    {
        Minimizer = minimizer;
        Landscape = landscape;
        _point = landscape.Parameters();
        LambdaMax = lambdaMax;
        _top = top;
        LambdaMin = lambdaMin;
        _bottom = bottom;
        Method = method;
        Scale = scale;
        PointNorm = Norm(_point);
        TargetNormSquared = Math.Pow(minimizer.Target.FrobeniusNorm(), 2);
    }

    /// <summary>The minimizer <c>w*</c>.</summary>
    public Minimizer Minimizer { get; }

    /// <summary>The oracle's loss landscape at <c>w*</c> (its loss and gradient at any point are what GD uses).</summary>
    public LossLandscape Landscape { get; }

    /// <summary><c>w* = [vec(W_1); ...; vec(W_L)]</c> (column-major), a copy.</summary>
    public double[] Point => (double[])_point.Clone();

    /// <summary><c>||w*||</c>, the scale of the normalized distance <c>||w_k - w*|| / ||w*||</c>.</summary>
    public double PointNorm { get; }

    /// <summary><c>||M||_F^2</c>, the scale of the normalized loss <c>L(w_k) / ||M||_F^2</c>.</summary>
    public double TargetNormSquared { get; }

    /// <summary>The oracle's <c>lambda_max</c> of the Hessian at <c>w*</c>.</summary>
    public double LambdaMax { get; }

    /// <summary>A unit eigenvector <c>v_1</c> of <see cref="LambdaMax"/>, a copy.</summary>
    public double[] TopEigenvector => (double[])_top.Clone();

    /// <summary>The oracle's smallest eigenvalue <c>lambda_min</c> (zero up to rounding at a minimizer of these losses).</summary>
    public double LambdaMin { get; }

    /// <summary>A unit eigenvector <c>v_N</c> of <see cref="LambdaMin"/>, a copy.</summary>
    public double[] BottomEigenvector => (double[])_bottom.Clone();

    /// <summary>Dense EVD or Lanczos.</summary>
    public SpectrumMethod Method { get; }

    /// <summary>
    /// The scale the oracle's eigenvalues are known to (Weyl): the Hessian's Frobenius norm for the dense EVD; for Lanczos,
    /// whose residual bound is relative to the spectral radius, <c>lambda_max</c> itself (the Hessian is PSD at a minimizer).
    /// </summary>
    public double Scale { get; }

    /// <summary>The number of parameters <c>N</c>.</summary>
    public int ParameterCount => _point.Length;

    /// <summary>The oracle's spectrum at the minimizer of <paramref name="configuration"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="configuration"/> is null.</exception>
    /// <exception cref="LanczosDidNotConvergeException">Lanczos did not converge (large N only).</exception>
    public static EscapeMinimum Of(EscapeConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Of(configuration.Build());
    }

    /// <summary>The oracle's spectrum at <paramref name="minimizer"/>: dense EVD up to <see cref="DenseLimit"/> parameters, Lanczos beyond.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="minimizer"/> is null.</exception>
    /// <exception cref="LanczosDidNotConvergeException">Lanczos did not converge (large N only).</exception>
    public static EscapeMinimum Of(Minimizer minimizer)
    {
        ArgumentNullException.ThrowIfNull(minimizer);
        var landscape = Oracle.Landscape(minimizer.Point);
        if (landscape.ParameterCount <= DenseLimit)
        {
            // One EVD gives both ends (eigenvalues ascending, eigenvectors as columns).
            var dense = DenseHessian.Of(landscape.DenseHessian());
            var last = dense.Eigenvalues.Count - 1;
            return new EscapeMinimum(
                minimizer, landscape, dense.Eigenvalues[last], dense.Eigenvectors.Column(last).ToArray(),
                dense.Eigenvalues[0], dense.Eigenvectors.Column(0).ToArray(), SpectrumMethod.Dense, dense.Scale);
        }

        var op = landscape.HessianOperator();
        var largest = Lanczos.Largest(op);
        var smallest = Lanczos.Smallest(op);
        return new EscapeMinimum(minimizer, landscape, largest.Eigenvalue, largest.Eigenvector, smallest.Eigenvalue, smallest.Eigenvector, SpectrumMethod.Lanczos, largest.Eigenvalue);
    }

    /// <summary><c>w* + a v_1</c>: the start of GD at distance <c>|a|</c> along the top eigenvector (EXACT Section 7).</summary>
    /// <exception cref="ArgumentException"><paramref name="a"/> is not finite.</exception>
    public double[] AlongTop(double a)
    {
        if (!double.IsFinite(a))
        {
            throw new ArgumentException($"The distance along v_1 must be finite but is {a}.", nameof(a));
        }

        var w = Point;
        for (var i = 0; i < w.Length; i++)
        {
            w[i] += a * _top[i];
        }

        return w;
    }

    internal ReadOnlySpan<double> PointView => _point;

    internal ReadOnlySpan<double> TopView => _top;

    internal ReadOnlySpan<double> BottomView => _bottom;

    internal static double Norm(ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        foreach (var v in x)
        {
            sum += v * v;
        }

        return Math.Sqrt(sum);
    }
}

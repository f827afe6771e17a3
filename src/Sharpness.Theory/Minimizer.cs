// Minimizer: a factorization certified to lie in Omega = {W_L ... W_1 = M} (EXACT eq. 19).
// Every closed form of EXACT that holds "at any minimizer" takes a Minimizer, so the domain is a type.
using MathNet.Numerics.LinearAlgebra;

namespace Sharpness.Theory;

/// <summary>
/// A point of <c>Omega = {w : W_L ... W_1 = M}</c> (EXACT eq. 19), the set of global minimizers of the
/// unregularized loss. Constructing one checks the residual, so formulas that need a minimizer cannot
/// be handed anything else.
/// </summary>
public sealed class Minimizer
{
    private Minimizer(Factorization point) => Point = point;

    /// <summary>The underlying factorization (layers and target).</summary>
    public Factorization Point { get; }

    /// <summary>The depth <c>L</c>.</summary>
    public int Depth => Point.Depth;

    /// <summary>The widths <c>d_0, ..., d_L</c>.</summary>
    public IReadOnlyList<int> Widths => Point.Widths;

    /// <summary>The number of parameters <c>N</c> (EXACT eq. 16).</summary>
    public int ParameterCount => Point.ParameterCount;

    /// <summary>A copy of the target <c>M</c>.</summary>
    public Matrix<double> Target => Point.Target;

    /// <summary>
    /// Certifies that <paramref name="point"/> is a minimizer: its residual <c>||M - W_L...W_1||_F</c> is
    /// within <paramref name="tolerance"/> (default <see cref="Tolerance.MinimizerResidual"/>) at the scale
    /// <c>||M||_F + || |W_L| ... |W_1| ||_F</c>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="point"/> is null.</exception>
    /// <exception cref="ArgumentException">The point has no target, or is regularized.</exception>
    /// <exception cref="NotAMinimizerException">The residual exceeds the tolerance.</exception>
    public static Minimizer Of(Factorization point, Tolerance? tolerance = null)
    {
        ArgumentNullException.ThrowIfNull(point);
        if (point.Lambda is not null)
        {
            throw new ArgumentException(
                $"This point is regularized (lambda = {point.Lambda}); Omega = {{W_L...W_1 = M}} is the unregularized minimizer set (EXACT eq. 19).",
                nameof(point));
        }

        if (!point.HasTarget)
        {
            throw new ArgumentException("A minimizer needs a target M; this factorization has none.", nameof(point));
        }

        var rule = tolerance ?? Tolerance.MinimizerResidual;
        if (!point.IsMinimizer(rule))
        {
            throw new NotAMinimizerException(point.ResidualNorm, point.ResidualScale, rule);
        }

        return new Minimizer(point);
    }

    /// <summary>The minimizer <c>(W_1, ..., W_L)</c> of its own product <c>M = W_L ... W_1</c>.</summary>
    /// <exception cref="ArgumentException">Invalid layers (see <see cref="Factorization"/>).</exception>
    public static Minimizer OfProduct(IEnumerable<Matrix<double>> layers) => new(new Factorization(layers).WithTargetAtProduct());

    /// <summary>A copy of <c>W_k</c>.</summary>
    public Matrix<double> Layer(int k) => Point.Layer(k);

    /// <summary>Copies of all layers, <c>W_1</c> first.</summary>
    public IReadOnlyList<Matrix<double>> Layers() => Point.Layers();

    /// <summary><c>A_k = W_L ... W_(k+1)</c> (EXACT Theorem 5). A copy.</summary>
    public Matrix<double> LeftProduct(int k) => Point.LeftProduct(k);

    /// <summary><c>B_k = W_(k-1) ... W_1</c> (EXACT Theorem 5). A copy.</summary>
    public Matrix<double> RightProduct(int k) => Point.RightProduct(k);

    internal Matrix<double> LeftView(int k) => Point.LeftView(k);

    internal Matrix<double> RightView(int k) => Point.RightView(k);

    internal Matrix<double> LayerView(int k) => Point.LayerView(k);

    internal Matrix<double> TargetView => Point.TargetView;
}

/// <summary>Thrown where a minimizer is required and the point's residual is above the tolerance.</summary>
public sealed class NotAMinimizerException : ArgumentException
{
    /// <summary>Creates the exception from the residual, its scale and the rule that rejected it.</summary>
    public NotAMinimizerException(double residual, double scale, Tolerance tolerance)
        // FormattableString.Invariant rather than string.Create: Stryker cannot compile its mutants of the latter (MUTATION.md).
        : base(FormattableString.Invariant(
            $"Not a minimizer: ||M - W_L...W_1||_F = {residual:G6} exceeds the tolerance {tolerance.Bound(scale):G6} ({tolerance}, scale ||M||_F + || |W_L|...|W_1| ||_F = {scale:G6})."), "point")
    {
        Residual = residual;
        Scale = scale;
    }

    /// <summary>The residual <c>||M - W_L...W_1||_F</c> of the rejected point.</summary>
    public double Residual { get; }

    /// <summary>The scale the residual was judged against.</summary>
    public double Scale { get; }
}

using System.Globalization;

namespace Sharpness.Theory;

/// <summary>
/// A closeness rule <c>|actual - expected| &lt;= Absolute + Relative * scale</c>, where <c>scale</c> is a
/// problem-level magnitude supplied by the caller (the Hessian's norm, the size of the target), never
/// the compared value itself: by Weyl's inequality an eigenvalue computed from a perturbed matrix is off
/// by at most the norm of the perturbation, so eigenvalue errors scale with the matrix, not with the
/// eigenvalue (a tiny eigenvalue of a large matrix is only known to the large matrix's precision).
/// </summary>
/// <param name="Absolute">Absolute slack, for quantities that are exactly zero (a zero target).</param>
/// <param name="Relative">Relative slack, a multiple of machine epsilon with a stated reason.</param>
public readonly record struct Tolerance(double Absolute, double Relative)
{
    /// <summary>Machine epsilon of <see cref="double"/> (2^-52).</summary>
    public const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>
    /// Formula against the dense oracle: the EVD's backward error is about N eps ||H||, and the products
    /// of up to 20 layers add about L d eps relative error each; 1e-9 (about 4.5e6 eps) leaves three or
    /// more orders of magnitude above that, while every plausible wrong formula is off by O(1).
    /// The issue fixes this value (1e-9 relative to the Hessian's norm).
    /// </summary>
    public static Tolerance DenseOracle { get; } = new(0.0, 1e-9);

    /// <summary>
    /// Formula against the Lanczos oracle: Lanczos stops at a residual of 1e-11 relative, which bounds
    /// the eigenvalue error by the same amount (Weyl); 1e-9 is kept equal to the dense rule so both
    /// oracles judge a formula by one standard.
    /// </summary>
    public static Tolerance LanczosOracle { get; } = new(0.0, 1e-9);

    /// <summary>
    /// A point is a minimizer when <c>||M - W_L...W_1||_F &lt;= 1e-12 (||M||_F + || |W_L| ... |W_1| ||_F)</c>:
    /// forming the product in floating point errs by at most about L d eps times the product of the entrywise
    /// absolute values (the standard error bound for matrix products, which stays honest when the layers
    /// cancel), and 1e-12 is about 4500 eps; a larger residual is a different point, not rounding.
    /// </summary>
    public static Tolerance MinimizerResidual { get; } = new(0.0, 1e-12);

    /// <summary>
    /// Flatness predicates compare spectral norms (SVD, backward stable to about d eps; beyond <see cref="Linear.SpectralNorm.SvdLimit"/>
    /// a Krylov iteration on the Gram matrix, measured as close) of products of
    /// up to 20 layers: 1e-8 relative to the flat value's scale. The predicates see first-order deviations
    /// from the flat set, while lambda_max (which the oracle judges flatness by) moves only at second order,
    /// so points within about sqrt(1e-8) = 1e-4 of the flat set are undecided between the two; the
    /// generators keep non-flat draws at least 1e-2 away (rescalings with |log c| >= 0.01).
    /// </summary>
    public static Tolerance Flatness { get; } = new(0.0, 1e-8);

    /// <summary>
    /// Finite differences against exact derivatives: the five-point stencil with step <c>h = 1e-3 s</c> (<c>s</c> the
    /// largest parameter magnitude) has truncation error about <c>(h/s)^4 C(2L, 6) / 90 &lt;= 1e-9</c> for the degree-2L
    /// polynomial loss with <c>L &lt;= 8</c>, and rounding error about <c>eps (s/h)^2 = 2e-10</c>; 1e-6 relative to the
    /// Hessian's norm keeps two orders of margin, while the wrong stencils it must catch are off by O(1).
    /// </summary>
    public static Tolerance FiniteDifference { get; } = new(0.0, 1e-6);

    /// <summary>
    /// Numerical rank: an eigenvalue counts as zero when below 1e-9 of the Hessian's Frobenius norm, the same
    /// threshold as <see cref="DenseOracle"/> (eigenvalues are known only to that precision).
    /// </summary>
    public static Tolerance NumericalRank { get; } = new(0.0, 1e-9);

    /// <summary>
    /// The other side of a decided numerical rank (claims EXACT-SPEC, SINGH-RANK): an eigenvalue at most 1e-12 of the Hessian's
    /// Frobenius norm is zero to rounding. A dense symmetric EVD errs by about N eps ||H|| (2e-14 at the N &lt;= 100 the
    /// rank properties use, 5e-14 at N = 250), and the partial products of up to 20 layers add about L d eps; 1e-12 keeps
    /// a margin of 20 above that. A rank is decided only when no eigenvalue lies between this and <see cref="NumericalRank"/>:
    /// a band of three orders of magnitude in which a computed eigenvalue could be a rounded zero or a small true one.
    /// </summary>
    public static Tolerance NegligibleEigenvalue { get; } = new(0.0, 1e-12);

    /// <summary>
    /// The end-to-end solver against a refined grid search: both reach the minimum value of
    /// <c>(m - rho)^2 + lambda |rho|^(2/L)</c> to a few eps of its scale <c>m^2 + lambda</c> (the value is quadratic
    /// near a smooth minimum, so an argument error of sqrt(eps) costs only eps); the issue asks for 1e-10.
    /// </summary>
    public static Tolerance GridSearch { get; } = new(0.0, 1e-10);

    /// <summary>
    /// The contour map against its quadratic model (EXACT-CONTOUR): symmetric second differences of
    /// <c>p(x, y) = L(w* + x v_1 + y v_N)</c> at the step <c>h</c> where the model <c>(lambda_max / 2) h^2</c> is
    /// <c>1e-10 ||M||_F^2</c>, compared with <c>lambda_max</c> and 0 at the scale <c>lambda_max</c>. Odd terms cancel, so the
    /// truncation error is <c>O(h^2)</c>, about 1e-10 relative; rounding errs by about <c>eps ||M||_F / sqrt(p)</c>, 1e-10
    /// relative too, more where the layers' products cancel (measured: at most 3e-10 at the paper's configurations, 6e-8
    /// over 9000 small random ones). 1e-6 keeps a margin of 16 over the worst; a wrong axis or factor is off by O(1).
    /// </summary>
    public static Tolerance QuadraticModel { get; } = new(0.0, 1e-6);

    /// <summary>
    /// GD's loss has returned to its minimum (EXACT-ESC) when <c>L(w_k) &lt;= 1e-12 ||M||_F^2</c>, the level the issue fixes:
    /// 1e-12 is far above the rounding floor of the loss at a minimizer (about <c>(eps ||M||_F)^2</c>, 1e-32 relative) and far
    /// below the loss of the start it must return from (at least about 4e-8 relative; the claim checks it is above 1e-12).
    /// </summary>
    public static Tolerance ConvergedLoss { get; } = new(0.0, 1e-12);

    /// <summary>
    /// The ball of EXACT-ESC: GD "stays" while <c>||w_k - w*|| &lt;= 1e-3 ||w*||</c>. The issue fixes the radius 1e-3;
    /// relative to <c>||w*||</c> because that is the paper's normalized distance (its panel b) and because an absolute
    /// radius would mean different things for layers of size 1e-3 and 1e3.
    /// </summary>
    public static Tolerance EscapeBall { get; } = new(0.0, 1e-3);

    /// <summary>True when <paramref name="actual"/> is within this tolerance of <paramref name="expected"/> at the given scale.</summary>
    /// <exception cref="ArgumentException">A non-finite or negative scale.</exception>
    public bool IsClose(double actual, double expected, double scale)
    {
        if (!double.IsFinite(scale) || scale < 0)
        {
            throw new ArgumentException($"scale must be finite and non-negative but is {Preconditions.Describe(scale)}.", nameof(scale));
        }

        // A NaN actual or expected fails every comparison below, so it is never close.
        if (double.IsInfinity(actual) || double.IsInfinity(expected))
        {
            return actual.Equals(expected);
        }

        return Math.Abs(actual - expected) <= Bound(scale);
    }

    /// <summary>The allowed difference at the given scale: <c>Absolute + Relative * scale</c>.</summary>
    public double Bound(double scale) => Absolute + (Relative * scale);

    /// <summary>The rule in words, for failure messages.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"|actual - expected| <= {Absolute:G3} + {Relative:G3} * scale");
}

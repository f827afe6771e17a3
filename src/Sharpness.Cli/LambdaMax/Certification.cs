using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Intervals;
using Sharpness.Oracles;
using Sharpness.Theory;
using Sharpness.Theory.Certified;

namespace Sharpness.Cli.LambdaMax;

/// <summary>
/// What <c>lambda-max --certify</c> adds (issue 10, item 6): a proven enclosure of lambda_max of the exact Hessian at the
/// point (every entry of a layer is an exact binary rational), whether the point is a proven minimizer, and, at a proven
/// minimizer, EXACT-T5's closed form certified against that enclosure.
/// </summary>
/// <param name="LambdaMax">The enclosure of the exact Hessian's largest eigenvalue.</param>
/// <param name="IsMinimizer">True or false when proven; null when it cannot be decided here.</param>
/// <param name="MinimizerReason">How the minimizer question was decided, or why it was not.</param>
/// <param name="ClosedForm">The closed form's enclosure, where a certified one applies.</param>
/// <param name="ClosedFormVerdict">What the two enclosures prove about the closed form, or why there is no such statement.</param>
internal sealed record Certification(LambdaMaxEnclosure LambdaMax, bool? IsMinimizer, string MinimizerReason, Interval? ClosedForm, string ClosedFormVerdict)
{
    /// <summary>Dense certification up to this many parameters (the paper's largest configuration, Figure 6, has N = 2421).</summary>
    public const int DenseLimit = 2500;

    /// <summary>
    /// Beyond <see cref="DenseLimit"/>, the matrix-free certified lower bound takes interval matrix products of about
    /// <c>5 sum_(i &gt;= 2) d_i d_(i-1) d_0</c> multiply-adds; above this many (tens of seconds) it is refused.
    /// </summary>
    public const double MatrixFreeBudget = 3e8;

    /// <summary>Certifies the point of a validated network.</summary>
    /// <param name="network">The network.</param>
    /// <param name="topEigenvector">Beyond the dense limit, the oracle's top eigenvector (Lanczos), whose Rayleigh quotient is the certified lower bound.</param>
    /// <exception cref="NetworkFileException">Beyond the dense limit, a network too wide for the matrix-free bound.</exception>
    public static Certification Of(NetworkFile network, IReadOnlyList<double>? topEigenvector = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        var matrices = network.Layers();
        var n = matrices.Sum(l => l.RowCount * l.ColumnCount);
        if (n > DenseLimit)
        {
            return BeyondTheDenseLimit(network, matrices, n, topEigenvector);
        }

        var layers = matrices.Select(l => l.ToArray()).ToList();

        if (network.Lambda > 0)
        {
            var target = (network.Target ?? network.ToFactorization().Target).ToArray();
            return new Certification(
                LambdaMaxEnclosure.Of(HessianEnclosure.Of(layers, target, network.Lambda)),
                null,
                "not decided: with lambda > 0 global minimality needs REG eq. 6's scalar problems certified, which --certify does not do yet",
                null,
                "none: no certified closed form with lambda > 0");
        }

        bool isMinimizer;
        string reason;
        IntervalMatrix hessian;
        if (network.Target is null)
        {
            hessian = HessianEnclosure.AtOwnProduct(layers);
            isMinimizer = true;
            reason = "exact: no target in the file, so M is the exact product W_L...W_1 (a binary rational matrix) and the residual is exactly 0";
        }
        else
        {
            var target = network.Target.ToArray();
            hessian = HessianEnclosure.Of(layers, target);
            var residual = Product(layers) - DyadicMatrix.Of(target);
            isMinimizer = residual.IsZero();
            reason = isMinimizer
                ? "exact: W_L...W_1 = M in exact rational arithmetic"
                : string.Create(CultureInfo.InvariantCulture, $"exact: W_L...W_1 - M is not 0 (||W_L...W_1 - M||_F^2 in {residual.FrobeniusSquared().Enclose()}), and at these widths every M is a product (EXACT eq. 17), so the minimum loss 0 is not attained here");
        }

        var enclosure = LambdaMaxEnclosure.Of(hessian);
        if (!isMinimizer)
        {
            return new Certification(enclosure, false, reason, null, "none: EXACT-T5 holds on Omega = {W_L...W_1 = M} only, and this point is proven not to lie in it");
        }

        var minimizer = Minimizer.OfProduct(matrices);
        var closed = EnclosedClosedForms.Theorem5LambdaMax(minimizer);
        var verdict = enclosure.Value.IsDisjointFrom(closed)
            ? "EXACT-T5 certified to FAIL here: its enclosure and the Hessian's are disjoint"
            : string.Create(CultureInfo.InvariantCulture, $"EXACT-T5 certified to hold here up to {enclosure.Value.Hull(closed).Width:G3} (the width of both enclosures together)");
        return new Certification(enclosure, true, reason, closed, verdict);
    }

    // A proven lower bound (the exact Hessian's Rayleigh quotient along the oracle's top eigenvector); the upper end and the
    // minimizer test stay uncertified, never pretended.
    private static Certification BeyondTheDenseLimit(NetworkFile network, IReadOnlyList<Matrix<double>> matrices, int n, IReadOnlyList<double>? v)
    {
        ArgumentNullException.ThrowIfNull(v);
        var d0 = matrices[0].ColumnCount;
        var work = 5.0 * matrices.Skip(1).Sum(l => (double)l.RowCount * l.ColumnCount * d0);
        if (work > MatrixFreeBudget)
        {
            throw new NetworkFileException(string.Create(
                CultureInfo.InvariantCulture,
                $"--certify: N = {n} is beyond the dense limit {DenseLimit}, and the matrix-free lower bound would take {work:G2} interval multiply-adds, above {MatrixFreeBudget:G2} (leave out --certify for the oracle's value)"));
        }

        var layers = matrices.Select(l => l.ToArray()).ToList();
        var target = network.Lambda > 0 ? (network.Target ?? network.ToFactorization().Target).ToArray() : network.Target?.ToArray();
        var quotient = HessianEnclosure.RayleighQuotient(layers, target, network.Lambda, v);
        var why = string.Create(CultureInfo.InvariantCulture, $"N = {n} is beyond the dense limit {DenseLimit}: only the lower bound (the exact Hessian's Rayleigh quotient along the oracle's top eigenvector) is certified; the upper end is not");
        return new Certification(
            LambdaMaxEnclosure.LowerBound(quotient.Lower, quotient.Magnitude, why),
            null,
            "not decided beyond the dense limit",
            null,
            "none beyond the dense limit: EXACT-T5 is not certified against a lower bound alone");
    }

    private static DyadicMatrix Product(List<double[,]> layers) =>
        layers.Skip(1).Aggregate(DyadicMatrix.Of(layers[0]), (p, w) => DyadicMatrix.Of(w) * p);
}

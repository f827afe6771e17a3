// EXACT Definition 1, eq. 2-3 and line 108 (claim EXACT-STAB): linearized GD near a minimum is stable iff
// eta lambda_max <= 2.
using MathNet.Numerics.LinearAlgebra;

namespace Sharpness.Theory.Exact;

/// <summary>
/// Linearized gradient descent <c>x_(t+1) = x_t - eta H (x_t - x*)</c>: its deviation evolves as
/// <c>(I - eta H)^t</c>, so with <c>H</c> positive semidefinite it diverges from some start in every ball iff
/// <c>|1 - eta lambda_max| &gt; 1</c>, i.e. iff <c>lambda_max &gt; 2 / eta</c>.
/// </summary>
public static class LinearStability
{
    /// <summary>The largest stable step <c>2 / lambda_max</c> (infinite for <c>lambda_max = 0</c>).</summary>
    /// <remarks>EXACT Definition 1, eq. 2-3 (claim EXACT-STAB). Domain: <c>lambda_max &gt;= 0</c>.</remarks>
    public static double MaxStableStep(double lambdaMax)
    {
        Preconditions.RequireNonNegative(lambdaMax, nameof(lambdaMax));
        return lambdaMax == 0 ? double.PositiveInfinity : 2 / lambdaMax;
    }

    /// <summary>True when linearized GD with step <paramref name="eta"/> is stable: <c>eta lambda_max &lt;= 2</c>.</summary>
    /// <remarks>EXACT Definition 1, line 108 (claim EXACT-STAB).</remarks>
    public static bool IsStable(double lambdaMax, double eta)
    {
        Preconditions.RequireNonNegative(lambdaMax, nameof(lambdaMax));
        Preconditions.RequirePositive(eta, nameof(eta));
        return eta * lambdaMax <= 2;
    }

    /// <summary>
    /// The deviation norms <c>||x_t - x*||</c>, <c>t = 0..steps</c>, of linearized GD
    /// <c>x_(t+1) - x* = (I - eta H)(x_t - x*)</c> from <paramref name="deviation"/>.
    /// </summary>
    /// <remarks>EXACT eq. 2-3 (claim EXACT-STAB).</remarks>
    /// <exception cref="ArgumentException">A non-square or non-finite Hessian, or a deviation of the wrong length.</exception>
    public static IReadOnlyList<double> DeviationNorms(Matrix<double> hessian, IReadOnlyList<double> deviation, double eta, int steps)
    {
        Preconditions.RequireFinite(hessian, nameof(hessian), "The Hessian");
        ArgumentNullException.ThrowIfNull(deviation);
        Preconditions.RequirePositive(eta, nameof(eta));
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        if (hessian.RowCount != hessian.ColumnCount || deviation.Count != hessian.RowCount)
        {
            throw new ArgumentException(
                $"Need a square Hessian and a matching deviation; got a {Preconditions.Shape(hessian)} Hessian and length {deviation.Count}.",
                nameof(deviation));
        }

        var x = Vector<double>.Build.DenseOfEnumerable(deviation);
        var norms = new List<double>(steps + 1) { x.L2Norm() };
        for (var t = 0; t < steps; t++)
        {
            x -= eta * (hessian * x);
            norms.Add(x.L2Norm());
        }

        return norms;
    }
}

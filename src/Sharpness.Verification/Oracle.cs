// The bridge from theory objects to the independent oracles: it passes raw layers and target, so the
// oracles never see (and cannot call) a formula.
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Oracles;
using Sharpness.Theory;
using Sharpness.Theory.Linear;

namespace Sharpness.Verification;

/// <summary>The dense oracle's view of a point: its Hessian, eigenvalues (ascending) and their eigenvectors (columns).</summary>
public sealed record DenseHessian(Matrix<double> Hessian, IReadOnlyList<double> Eigenvalues, Matrix<double> Eigenvectors)
{
    /// <summary>One symmetric EVD of <paramref name="hessian"/> (MathNet orders the eigenvalues ascending).</summary>
    public static DenseHessian Of(Matrix<double> hessian)
    {
        ArgumentNullException.ThrowIfNull(hessian);

        // On H / max|h_ij| (entry by entry, exact to rounding): MathNet's EVD stops on absolute thresholds, so at layer scales
        // far from 1 it lost relative accuracy (half the top eigenvalue at Hessian entries near 1e-200).
        var largest = hessian.Enumerate().Max(Math.Abs);
        var evd = (largest > 0 ? hessian.Map(x => x / largest) : hessian).Evd(Symmetricity.Symmetric);
        var unit = largest > 0 ? largest : 1;
        return new DenseHessian(hessian, [.. evd.EigenValues.Select(e => e.Real * unit)], evd.EigenVectors);
    }

    /// <summary>A unit eigenvector of <see cref="LambdaMax"/>.</summary>
    public IReadOnlyList<double> TopEigenvector => Eigenvectors.Column(Eigenvectors.ColumnCount - 1).ToArray();

    /// <summary><c>lambda_max</c>, the largest eigenvalue.</summary>
    public double LambdaMax => Eigenvalues[^1];

    /// <summary>The Hessian's Frobenius norm: the scale its eigenvalues are known to (Weyl).</summary>
    public double Scale => ScaledNorm.Frobenius(Hessian);
}

/// <summary>Oracle values at theory points.</summary>
public static class Oracle
{
    /// <summary>The oracle's loss landscape at <paramref name="point"/> (its target, or <paramref name="target"/> if given).</summary>
    public static LossLandscape Landscape(Factorization point, Matrix<double>? target = null, double lambda = 0)
    {
        ArgumentNullException.ThrowIfNull(point);
        return new LossLandscape(point.Layers(), target ?? point.Target, lambda);
    }

    /// <summary>The dense Hessian and its spectrum at a point.</summary>
    public static DenseHessian Dense(Factorization point, Matrix<double>? target = null)
    {
        return DenseHessian.Of(Landscape(point, target).DenseHessian());
    }

    /// <summary>The dense Hessian and its spectrum at a minimizer.</summary>
    public static DenseHessian Dense(Minimizer minimizer)
    {
        ArgumentNullException.ThrowIfNull(minimizer);
        return Dense(minimizer.Point);
    }

    /// <summary><c>D^2_U L</c> at the point, exact (the oracle's jet arithmetic).</summary>
    public static double SecondDirectionalDerivative(Factorization point, Direction direction)
    {
        ArgumentNullException.ThrowIfNull(direction);
        return Landscape(point).SecondDirectionalDerivative(direction.ToVector());
    }
}

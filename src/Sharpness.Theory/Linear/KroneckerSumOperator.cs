// KroneckerSumOperator: S = sum_i (B_i^T B_i) (x) (A_i A_i^T), the matrix of EXACT Theorem 5 (eq. 22),
// applied matrix-free as X -> sum_i (A_i A_i^T) X (B_i^T B_i) on d_L x d_0 matrices.
using System.Diagnostics;
using MathNet.Numerics.LinearAlgebra;

namespace Sharpness.Theory.Linear;

/// <summary>
/// The symmetric positive semidefinite operator <c>S = sum_i Q_i (x) P_i</c> with <c>P_i = A_i A_i^T</c>
/// (<c>d_L x d_L</c>) and <c>Q_i = B_i^T B_i</c> (<c>d_0 x d_0</c>), acting on <c>vec(X)</c> for
/// <c>X</c> of shape <c>d_L x d_0</c> as <c>X -&gt; sum_i P_i X Q_i</c> (since
/// <c>vec(P X Q) = (Q^T (x) P) vec(X)</c> and <c>Q</c> is symmetric).
/// </summary>
/// <remarks>
/// EXACT Theorem 5, eq. 22: at a minimizer <c>KK^T = S</c> for the Jacobian <c>K</c> of eq. 74, so
/// <c>lambda_max(Hessian) = 2 lambda_max(S)</c>. The operator has dimension <c>d_0 d_L</c>; it is
/// materialized only up to <see cref="MaterializeLimit"/>, beyond which its top eigenpair comes from
/// a Krylov subspace and a Rayleigh-Ritz projection.
/// </remarks>
public sealed class KroneckerSumOperator
{
    /// <summary>Largest dimension <c>d_0 d_L</c> for which the operator is formed as a dense matrix.</summary>
    public const int MaterializeLimit = 400;

    private readonly Matrix<double>[] _left;
    private readonly Matrix<double>[] _right;

    /// <summary>Builds <c>S</c> from the pairs <c>(P_i, Q_i)</c>; each must be symmetric PSD (not checked).</summary>
    /// <exception cref="ArgumentException">No terms, or inconsistent shapes.</exception>
    public KroneckerSumOperator(IReadOnlyList<Matrix<double>> left, IReadOnlyList<Matrix<double>> right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left.Count == 0 || left.Count != right.Count)
        {
            throw new ArgumentException($"Need as many left factors as right factors, at least one; got {left.Count} and {right.Count}.", nameof(left));
        }

        Rows = left[0].RowCount;
        Columns = right[0].RowCount;
        for (var i = 0; i < left.Count; i++)
        {
            Preconditions.RequireShape(left[i], Rows, Rows, nameof(left), $"P[{i + 1}]");
            Preconditions.RequireShape(right[i], Columns, Columns, nameof(right), $"Q[{i + 1}]");
        }

        _left = [.. left.Select(p => p.Clone())];
        _right = [.. right.Select(q => q.Clone())];
    }

    /// <summary>
    /// The operator of EXACT Theorem 5 at a minimizer: <c>P_i = A_i A_i^T</c>, <c>Q_i = B_i^T B_i</c>, held as
    /// <c>2^(2e) S'</c> with <c>S'</c> formed from partial products of layers scaled by powers of two (so neither the products
    /// nor the Gram matrices under- or overflow) and <c>e</c> the exponent of the largest term; <see cref="TopEigenpair"/>
    /// scales back. Theorem 5's value is homogeneous: scaling layer <c>i</c> by <c>c_i</c> scales term <c>k</c> by
    /// <c>prod_(i != k) c_i^2</c>, which is what the exponents track.
    /// </summary>
    /// <exception cref="ArgumentException">lambda_max overflows the double range (some <c>||A_i||^2 ||B_i||^2</c> does).</exception>
    public static KroneckerSumOperator AtMinimizer(Minimizer minimizer)
    {
        ArgumentNullException.ThrowIfNull(minimizer);
        var depth = minimizer.Depth;
        var layers = Enumerable.Range(1, depth).Select(i => ScaledMatrix.Of(minimizer.Point.LayerView(i))).ToArray();
        var a = new ScaledMatrix[depth];
        var b = new ScaledMatrix[depth];
        a[depth - 1] = ScaledMatrix.Identity(minimizer.Widths[^1]);
        for (var k = depth - 1; k >= 1; k--)
        {
            a[k - 1] = a[k].Times(layers[k]);
        }

        b[0] = ScaledMatrix.Identity(minimizer.Widths[0]);
        for (var k = 2; k <= depth; k++)
        {
            b[k - 1] = layers[k - 2].Times(b[k - 2]);
        }

        var live = Enumerable.Range(0, depth).Where(k => !a[k].IsZero && !b[k].IsZero).ToList();
        var exponent = live.Count == 0 ? 0 : live.Max(k => a[k].Exponent + b[k].Exponent);
        var left = new List<Matrix<double>>();
        var right = new List<Matrix<double>>();
        for (var k = 0; k < depth; k++)
        {
            // Term k in units of 2^(2 exponent): its weight 2^(2 (e_k - exponent)) <= 1 goes into P_k (exact, or a negligible 0).
            var shift = live.Contains(k) ? a[k].Exponent + b[k].Exponent - exponent : 0;
            var ak = a[k].Mantissa.Map(x => Math.ScaleB(x, shift));
            left.Add(ak.TransposeAndMultiply(ak));
            right.Add(b[k].Mantissa.TransposeThisAndMultiply(b[k].Mantissa));
        }

        // The mantissas' Gram matrices are at most d^2 L in size, so lambda_max(S) overflows exactly when 2^(2 exponent) does.
        if (2 * exponent > 1020)
        {
            throw new ArgumentException(
                $"lambda_max overflows the double range: some A_k A_k^T (x) B_k^T B_k is about 2^{2 * exponent}, so the partial products are too large for Theorem 5 in floating point.",
                nameof(minimizer));
        }

        return new KroneckerSumOperator(left, right) { Exponent = 2 * exponent };
    }

    /// <summary>The binary exponent <c>2e</c> of the operator: it is <c>2^(2e)</c> times the stored sum (0 unless scaled).</summary>
    private int Exponent { get; init; }

    /// <summary>Rows of <c>X</c>, i.e. <c>d_L</c>.</summary>
    public int Rows { get; }

    /// <summary>Columns of <c>X</c>, i.e. <c>d_0</c>.</summary>
    public int Columns { get; }

    /// <summary>The dimension <c>d_L d_0</c> of <c>S</c>.</summary>
    public int Dimension => Rows * Columns;

    /// <summary><c>sum_i P_i X Q_i</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="x"/> is not <c>d_L x d_0</c>.</exception>
    public Matrix<double> Apply(Matrix<double> x)
    {
        Preconditions.RequireShape(x, Rows, Columns, nameof(x), "X");
        return ApplyValidated(x).Map(v => Math.ScaleB(v, Exponent));
    }

    /// <summary>The dense matrix <c>sum_i Q_i (x) P_i</c> (EXACT eq. 22).</summary>
    /// <exception cref="InvalidOperationException">The dimension exceeds <see cref="MaterializeLimit"/> squared.</exception>
    public Matrix<double> Materialize() => MaterializeStored().Map(v => Math.ScaleB(v, Exponent));

    // The stored sum, 2^-Exponent S: entries near 1 however small or large the layers are.
    private Matrix<double> MaterializeStored()
    {
        if (Dimension > MaterializeLimit * MaterializeLimit / 4)
        {
            throw new InvalidOperationException($"Refusing to materialize a {Dimension}x{Dimension} Kronecker sum; apply it instead.");
        }

        var s = Matrix<double>.Build.Dense(Dimension, Dimension);
        for (var i = 0; i < _left.Length; i++)
        {
            s += _right[i].KroneckerProduct(_left[i]);
        }

        return s;
    }

    /// <summary>The largest eigenvalue of <c>S</c> and a unit eigenvector, as a <c>d_L x d_0</c> matrix.</summary>
    /// <remarks>Dense symmetric EVD up to <see cref="MaterializeLimit"/>, a Krylov-Rayleigh-Ritz iteration beyond.</remarks>
    /// <exception cref="InvalidOperationException">The iteration did not reach its residual target.</exception>
    public (double Value, Matrix<double> Vector) TopEigenpair()
    {
        if (Dimension <= MaterializeLimit)
        {
            var evd = MaterializeStored().Evd(Symmetricity.Symmetric);
            var top = Dimension - 1; // MathNet orders symmetric eigenvalues ascending.
            var v = evd.EigenVectors.Column(top);
            return (Math.ScaleB(evd.EigenValues[top].Real, Exponent), Matrix<double>.Build.Dense(Rows, Columns, v.ToArray()));
        }

        var (value, vector) = KrylovTopEigenpair();
        return (Math.ScaleB(value, Exponent), vector);
    }

    private Matrix<double> ApplyValidated(Matrix<double> x)
    {
        Debug.Assert(x.RowCount == Rows && x.ColumnCount == Columns, "validated by the caller");
        var y = Matrix<double>.Build.Dense(Rows, Columns);
        for (var i = 0; i < _left.Length; i++)
        {
            y += _left[i] * x * _right[i];
        }

        return y;
    }

    // vec is column-major on both sides: MathNet's dense storage is column-major.
    private Vector<double> ApplyToVector(Vector<double> x)
    {
        var image = ApplyValidated(Matrix<double>.Build.Dense(Rows, Columns, x.ToArray()));
        return Vector<double>.Build.DenseOfArray(image.ToColumnMajorArray());
    }

    // Rayleigh-Ritz on a Krylov basis with full (twice) Gram-Schmidt, restarted from the current Ritz
    // vector. The scale sum_i tr(P_i) tr(Q_i) >= lambda_max bounds the operator, so the stopping rule
    // ||S x - theta x|| <= 1e-12 scale is a backward error relative to the operator's size.
    private (double Value, Matrix<double> Vector) KrylovTopEigenpair()
    {
        const int basisSize = 40;
        const int maxRestarts = 60;
        var scale = Enumerable.Range(0, _left.Length).Sum(i => _left[i].Trace() * _right[i].Trace());
        var random = new Random(20250930);
        var x = Vector<double>.Build.Dense(Dimension, _ => random.NextDouble() - 0.5);
        x /= x.L2Norm();
        var theta = 0.0;
        var residual = double.PositiveInfinity;
        for (var restart = 0; restart < maxRestarts; restart++)
        {
            var basis = new List<Vector<double>> { x };
            var images = new List<Vector<double>> { ApplyToVector(x) };
            while (basis.Count < Math.Min(basisSize, Dimension))
            {
                var w = images[^1].Clone();
                for (var pass = 0; pass < 2; pass++)
                {
                    foreach (var q in basis)
                    {
                        w -= q.DotProduct(w) * q;
                    }
                }

                var norm = w.L2Norm();
                if (norm <= 1e-14 * Math.Max(scale, double.Epsilon))
                {
                    break; // invariant subspace: the projection below is exact on it.
                }

                basis.Add(w / norm);
                images.Add(ApplyToVector(basis[^1]));
            }

            var k = basis.Count;
            var projected = Matrix<double>.Build.Dense(k, k, (i, j) => basis[i].DotProduct(images[j]));
            projected = (projected + projected.Transpose()) / 2;
            var evd = projected.Evd(Symmetricity.Symmetric);
            var s = evd.EigenVectors.Column(k - 1);
            theta = evd.EigenValues[k - 1].Real;
            x = Vector<double>.Build.Dense(Dimension);
            var image = Vector<double>.Build.Dense(Dimension);
            for (var j = 0; j < k; j++)
            {
                x += s[j] * basis[j];
                image += s[j] * images[j];
            }

            var xNorm = x.L2Norm();
            x /= xNorm;
            image /= xNorm;
            residual = (image - (theta * x)).L2Norm();
            if (residual <= 1e-12 * scale)
            {
                return (theta, Matrix<double>.Build.Dense(Rows, Columns, x.ToArray()));
            }
        }

        throw new InvalidOperationException(
            $"The Krylov iteration for the top eigenpair of the {Dimension}-dimensional Kronecker sum stopped at residual {residual:G3} " +
            $"(target {1e-12 * scale:G3}) after {maxRestarts} restarts.");
    }
}

// KroneckerSumOperator: S = sum_i (B_i^T B_i) (x) (A_i A_i^T), the matrix of EXACT Theorem 5 (eq. 22),
// applied matrix-free as X -> sum_i (A_i A_i^T) X (B_i^T B_i) on d_L x d_0 matrices, each factor at the cost its shape
// deserves: the identity ends A_L = I and B_1 = I are never formed, and a thin A_i or B_i is applied through itself
// rather than through its d_L x d_L or d_0 x d_0 Gram matrix.
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
/// a thick-restarted Lanczos iteration (a basis of 20) with full re-orthogonalization and a Rayleigh-Ritz projection.
/// </remarks>
public sealed class KroneckerSumOperator
{
    /// <summary>Largest dimension <c>d_0 d_L</c> for which the operator is formed as a dense matrix.</summary>
    public const int MaterializeLimit = 400;

    private readonly Side[] _left;
    private readonly Side[] _right;

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

        _left = [.. left.Select(p => Side.OfGram(p.Clone()))];
        _right = [.. right.Select(q => Side.OfGram(q.Clone()))];
    }

    private KroneckerSumOperator(Side[] left, Side[] right, int rows, int columns, int exponent)
    {
        _left = left;
        _right = right;
        Rows = rows;
        Columns = columns;
        Exponent = exponent;
    }

    /// <summary>
    /// The operator of EXACT Theorem 5 at a minimizer: <c>P_i = A_i A_i^T</c>, <c>Q_i = B_i^T B_i</c>, held as
    /// <c>2^(2e) S'</c> with <c>S'</c> formed from partial products of layers scaled by powers of two (so neither the products
    /// nor the Gram matrices under- or overflow) and <c>e</c> the exponent of the largest term; <see cref="TopEigenpair"/>
    /// scales back. Theorem 5's value is homogeneous: scaling layer <c>i</c> by <c>c_i</c> scales term <c>k</c> by
    /// <c>prod_(i != k) c_i^2</c>, which is what the exponents track.
    /// </summary>
    /// <remarks>
    /// Each factor is applied the cheaper way its widths allow: <c>P_i X</c> as one product with the Gram matrix
    /// (<c>d_L^2 d_0</c> multiply-adds) or as <c>A_i (A_i^T X)</c> (<c>2 d_L d_i d_0</c>), likewise <c>X Q_i</c>
    /// (<c>d_L d_0^2</c> or <c>2 d_L d_(i-1) d_0</c>); the identities <c>A_L</c> and <c>B_1</c> cost nothing. So a layer of width
    /// 20000 next to a thin one never builds a 20000 x 20000 matrix.
    /// </remarks>
    /// <exception cref="ArgumentException">lambda_max overflows the double range (some <c>||A_i||^2 ||B_i||^2</c> does).</exception>
    public static KroneckerSumOperator AtMinimizer(Minimizer minimizer)
    {
        ArgumentNullException.ThrowIfNull(minimizer);
        var depth = minimizer.Depth;
        var widths = minimizer.Widths;
        var layers = Enumerable.Range(1, depth).Select(i => ScaledMatrix.Of(minimizer.Point.LayerView(i))).ToArray();

        // a[k] = A_(k+1) = W_L ... W_(k+2) and b[k] = B_(k+1) = W_k ... W_1; null stands for the identity ends A_L and B_1.
        var a = new ScaledMatrix?[depth];
        var b = new ScaledMatrix?[depth];
        for (var k = depth - 2; k >= 0; k--)
        {
            a[k] = a[k + 1] is { } next ? next.Times(layers[k + 1]) : layers[k + 1];
        }

        for (var k = 1; k < depth; k++)
        {
            b[k] = b[k - 1] is { } previous ? layers[k - 1].Times(previous) : layers[k - 1];
        }

        static bool IsZero(ScaledMatrix? x) => x is { IsZero: true };
        static int ExponentOf(ScaledMatrix? x) => x?.Exponent ?? 0;
        var live = Enumerable.Range(0, depth).Where(k => !IsZero(a[k]) && !IsZero(b[k])).ToList();
        var exponent = live.Count == 0 ? 0 : live.Max(k => ExponentOf(a[k]) + ExponentOf(b[k]));

        // The mantissas' Gram matrices are at most d^2 L in size, so lambda_max(S) overflows exactly when 2^(2 exponent) does.
        if (2 * exponent > 1020)
        {
            throw new ArgumentException(
                $"lambda_max overflows the double range: some A_k A_k^T (x) B_k^T B_k is about 2^{2 * exponent}, so the partial products are too large for Theorem 5 in floating point.",
                nameof(minimizer));
        }

        var (rows, columns) = (widths[^1], widths[0]);
        var left = new Side[depth];
        var right = new Side[depth];
        for (var k = 0; k < depth; k++)
        {
            // Term k in units of 2^(2 exponent): its weight 2^(2 (e_k - exponent)) <= 1 goes into P_k (exact, or a negligible 0),
            // as A_k's mantissa times 2^shift (in place: nothing reads a[k] after this).
            var shift = live.Contains(k) ? ExponentOf(a[k]) + ExponentOf(b[k]) - exponent : 0;
            left[k] = a[k] is { } ak
                ? Side.OfFactor(ak.InUnitsOf(ak.Exponent - shift), isLeft: true, preferGram: rows <= 2 * widths[k + 1])
                : Side.OfIdentity(rows, Math.ScaleB(1.0, 2 * shift));
            right[k] = b[k] is { } bk
                ? Side.OfFactor(bk.Mantissa, isLeft: false, preferGram: columns <= 2 * widths[k])
                : Side.OfIdentity(columns, 1);
        }

        return new KroneckerSumOperator(left, right, rows, columns, 2 * exponent);
    }

    /// <summary>The binary exponent <c>2e</c> of the operator: it is <c>2^(2e)</c> times the stored sum (0 unless scaled).</summary>
    private int Exponent { get; }

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
        var y = Matrix<double>.Build.Dense(Rows, Columns);
        ApplyStored(x, y, new Workspace(this));
        return y.Map(v => Math.ScaleB(v, Exponent));
    }

    /// <summary>The dense matrix <c>sum_i Q_i (x) P_i</c> (EXACT eq. 22).</summary>
    /// <exception cref="InvalidOperationException">The dimension exceeds <see cref="MaterializeLimit"/> squared over four.</exception>
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
            s += _right[i].Gram().KroneckerProduct(_left[i].Gram());
        }

        return s;
    }

    /// <summary>The largest eigenvalue of <c>S</c> and a unit eigenvector, as a <c>d_L x d_0</c> matrix.</summary>
    /// <remarks>Dense symmetric EVD up to <see cref="MaterializeLimit"/>, a Lanczos-Rayleigh-Ritz iteration beyond.</remarks>
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

    // y = sum_i P_i X Q_i (stored units), term by term in order, through the workspace's buffers.
    private void ApplyStored(Matrix<double> x, Matrix<double> y, Workspace work)
    {
        Debug.Assert(x.RowCount == Rows && x.ColumnCount == Columns, "validated by the caller");
        y.Clear();
        for (var i = 0; i < _left.Length; i++)
        {
            var px = _left[i].ApplyLeft(x, work.Left[i], work.Middle);
            _right[i].ApplyRight(px, work.Right[i], work.Term);
            y.Add(work.Term, y);
        }
    }

    // The top eigenpair through Theorem 5's own Krylov iteration; sum_i tr(P_i) tr(Q_i) = tr(S) >= lambda_max bounds the operator.
    private (double Value, Matrix<double> Vector) KrylovTopEigenpair()
    {
        var scale = Enumerable.Range(0, _left.Length).Sum(i => _left[i].Trace() * _right[i].Trace());
        var work = new Workspace(this);
        var (value, vector) = ThickRestartLanczos.TopEigenpair(
            Dimension, (x, y) => ApplyToVector(x, y, work), scale, $"the {Dimension}-dimensional Kronecker sum");
        return (value, Matrix<double>.Build.Dense(Rows, Columns, vector));
    }

    // vec is column-major on both sides: MathNet's dense storage is column-major, so the arrays are the matrices.
    private void ApplyToVector(double[] x, double[] y, Workspace work) =>
        ApplyStored(Matrix<double>.Build.Dense(Rows, Columns, x), Matrix<double>.Build.Dense(Rows, Columns, y), work);

    // The buffers of one apply: per term the inner product A_i^T X or X B_i^T, and the term's P_i X and P_i X Q_i.
    private sealed class Workspace
    {
        public Workspace(KroneckerSumOperator s)
        {
            Left = [.. s._left.Select(side => side.Buffer(s.Columns, isLeft: true))];
            Right = [.. s._right.Select(side => side.Buffer(s.Rows, isLeft: false))];
            Middle = Matrix<double>.Build.Dense(s.Rows, s.Columns);
            Term = Matrix<double>.Build.Dense(s.Rows, s.Columns);
        }

        public Matrix<double>?[] Left { get; }

        public Matrix<double>?[] Right { get; }

        public Matrix<double> Middle { get; }

        public Matrix<double> Term { get; }
    }

    // One factor of a term, P = A A^T on the left or Q = B^T B on the right: an identity end (A_L, B_1) times a weight,
    // never formed; a factor (A: order x r, B: r x order) applied through itself; or its Gram matrix.
    private sealed class Side
    {
        private readonly Matrix<double>? _gram;
        private readonly Matrix<double>? _factor;
        private readonly bool _isLeft;
        private readonly int _order;
        private readonly double _weight;

        private Side(Matrix<double>? gram, Matrix<double>? factor, bool isLeft, int order, double weight)
        {
            _gram = gram;
            _factor = factor;
            _isLeft = isLeft;
            _order = order;
            _weight = weight;
        }

        public static Side OfGram(Matrix<double> gram) => new(gram, null, isLeft: true, gram.RowCount, 1);

        public static Side OfIdentity(int order, double weight) => new(null, null, isLeft: true, order, weight);

        // The Gram matrix is formed here when applying it is cheaper than applying the factor twice.
        public static Side OfFactor(Matrix<double> factor, bool isLeft, bool preferGram)
        {
            var side = new Side(null, factor, isLeft, isLeft ? factor.RowCount : factor.ColumnCount, 1);
            return preferGram ? new Side(side.Gram(), null, isLeft, side._order, 1) : side;
        }

        // A A^T and B^T B exactly as the Gram formulation of eq. 22 forms them, identities included.
        public Matrix<double> Gram()
        {
            if (_gram is not null)
            {
                return _gram;
            }

            if (_factor is null)
            {
                return Matrix<double>.Build.DenseDiagonal(_order, _order, _weight);
            }

            return MatrixProduct.Gram(_factor, outer: _isLeft);
        }

        // tr(P) = ||A||_F^2, tr(Q) = ||B||_F^2, tr(c I) = c order.
        public double Trace()
        {
            if (_gram is not null)
            {
                return _gram.Trace();
            }

            if (_factor is null)
            {
                return _weight * _order;
            }

            var sum = 0.0;
            foreach (var v in _factor.Enumerate())
            {
                sum += v * v;
            }

            return sum;
        }

        // The r x d_0 (left) or d_L x r (right) buffer a factor needs; none for a Gram or an identity.
        public Matrix<double>? Buffer(int otherOrder, bool isLeft)
        {
            if (_factor is null)
            {
                return null;
            }

            return isLeft
                ? Matrix<double>.Build.Dense(_factor.ColumnCount, otherOrder)
                : Matrix<double>.Build.Dense(otherOrder, _factor.RowCount);
        }

        // P X into result (A (A^T X), P X, or weight X); an unweighted identity returns X itself.
        public Matrix<double> ApplyLeft(Matrix<double> x, Matrix<double>? inner, Matrix<double> result)
        {
            if (_gram is not null)
            {
                MatrixProduct.Multiply(_gram, x, result);
            }
            else if (_factor is not null)
            {
                MatrixProduct.TransposeThisAndMultiply(_factor, x, inner!);
                MatrixProduct.Multiply(_factor, inner!, result);
            }
            else if (_weight != 1)
            {
                x.Multiply(_weight, result);
            }
            else
            {
                return x;
            }

            return result;
        }

        // X Q into result ((X B^T) B, X Q, or weight X).
        public void ApplyRight(Matrix<double> x, Matrix<double>? inner, Matrix<double> result)
        {
            if (_gram is not null)
            {
                MatrixProduct.Multiply(x, _gram, result);
            }
            else if (_factor is not null)
            {
                MatrixProduct.TransposeAndMultiply(x, _factor, inner!);
                MatrixProduct.Multiply(inner!, _factor, result);
            }
            else
            {
                x.Multiply(_weight, result);
            }
        }
    }
}

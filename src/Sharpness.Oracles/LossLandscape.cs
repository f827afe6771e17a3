using System.Collections.ObjectModel;
using System.Globalization;
using System.Runtime.CompilerServices;
using MathNet.Numerics.LinearAlgebra;

namespace Sharpness.Oracles;

/// <summary>
/// The deep matrix factorization loss <c>f(w) = ||M - W_L ... W_1||_F^2 + (lambda/L) sum_i ||W_i||_F^2</c> around a fixed
/// point <c>w = [vec(W_1); ...; vec(W_L)]</c> (column-major <c>vec</c>), with its value, gradient and Hessian computed from
/// first principles at that point (minimizer or not; the residual term of the Hessian is always included).
/// </summary>
/// <remarks>Immutable: the constructor copies its inputs and every method returns fresh arrays and matrices.</remarks>
public sealed class LossLandscape
{
    private readonly Matrix<double>[] _layers;
    private readonly Matrix<double> _target;
    private readonly int[] _widths;
    private readonly int[] _offsets;

    /// <summary>Creates the landscape of <c>||M - W_L ... W_1||_F^2 + (lambda/L) sum_i ||W_i||_F^2</c> at the given layers.</summary>
    /// <param name="layers">The layers <c>W_1, ..., W_L</c> (<c>W_1</c> first), <c>W_i</c> of shape <c>d_i x d_(i-1)</c>; copied.</param>
    /// <param name="target">The target <c>M</c>, of shape <c>d_L x d_0</c>; copied.</param>
    /// <param name="lambda">The weight-decay strength <c>lambda &gt;= 0</c> (0 = unregularized).</param>
    /// <exception cref="ArgumentNullException"><paramref name="layers"/> or <paramref name="target"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// No layers, a null or empty layer, consecutive layers that do not chain, a target that is not <c>d_L x d_0</c>,
    /// a non-finite entry, or a negative or non-finite <paramref name="lambda"/>.
    /// </exception>
    public LossLandscape(IReadOnlyList<Matrix<double>> layers, Matrix<double> target, double lambda = 0)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(target);
        if (layers.Count == 0)
        {
            throw new ArgumentException("At least one layer is required (depth L >= 1).", nameof(layers));
        }

        if (!double.IsFinite(lambda) || lambda < 0)
        {
            throw new ArgumentException($"lambda must be finite and >= 0 but is {Format(lambda)}.", nameof(lambda));
        }

        var depth = layers.Count;
        _layers = new Matrix<double>[depth];
        _widths = new int[depth + 1];
        for (var i = 0; i < depth; i++)
        {
            var layer = layers[i] ?? throw new ArgumentException($"W[{i + 1}] is null.", nameof(layers));
            if (layer.RowCount == 0 || layer.ColumnCount == 0)
            {
                throw new ArgumentException($"W[{i + 1}] is {Shape(layer)}; every width must be at least 1.", nameof(layers));
            }

            if (i > 0 && layer.ColumnCount != _widths[i])
            {
                throw new ArgumentException(
                    $"W[{i + 1}] is {Shape(layer)} but W[{i}] has {_widths[i]} rows; W[{i + 1}] must have as many columns as W[{i}] has rows.",
                    nameof(layers));
            }

            RequireFinite(layer, $"W[{i + 1}]", nameof(layers));
            if (i == 0)
            {
                _widths[0] = layer.ColumnCount;
            }

            _widths[i + 1] = layer.RowCount;
            _layers[i] = Copy(layer);
        }

        if (target.RowCount != _widths[depth] || target.ColumnCount != _widths[0])
        {
            throw new ArgumentException(
                $"M is {Shape(target)} but the product W[{depth}]...W[1] is {_widths[depth]}x{_widths[0]}.",
                nameof(target));
        }

        RequireFinite(target, "M", nameof(target));
        _target = Copy(target);
        Lambda = lambda;

        _offsets = new int[depth + 1];
        for (var i = 0; i < depth; i++)
        {
            _offsets[i + 1] = _offsets[i] + (_widths[i + 1] * _widths[i]);
        }

        Widths = new ReadOnlyCollection<int>((int[])_widths.Clone());
    }

    /// <summary>The depth <c>L</c> (number of layers).</summary>
    public int Depth => _layers.Length;

    /// <summary>The number of parameters <c>N = sum_i d_i d_(i-1)</c>.</summary>
    public int ParameterCount => _offsets[^1];

    /// <summary>The widths <c>d_0, d_1, ..., d_L</c> (<c>L + 1</c> entries).</summary>
    public IReadOnlyList<int> Widths { get; }

    /// <summary>The weight-decay strength <c>lambda</c>.</summary>
    public double Lambda { get; }

    /// <summary>The loss <c>f(w)</c> at the landscape's point.</summary>
    /// <returns><c>||M - W_L ... W_1||_F^2 + (lambda/L) sum_i ||W_i||_F^2</c>.</returns>
    public double Loss() => LossOf(_layers);

    /// <summary>The loss <c>f(w)</c> at an arbitrary parameter vector (same widths, target and lambda).</summary>
    /// <param name="w">The parameters <c>[vec(W_1); ...; vec(W_L)]</c>, column-major, length <see cref="ParameterCount"/>.</param>
    /// <returns><c>||M - W_L ... W_1||_F^2 + (lambda/L) sum_i ||W_i||_F^2</c> at <paramref name="w"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="w"/> has the wrong length or a non-finite entry.</exception>
    public double Loss(ReadOnlySpan<double> w) => LossOf(Unstack(w, nameof(w)));

    /// <summary>The parameter vector <c>w = [vec(W_1); ...; vec(W_L)]</c> (column-major), a fresh copy.</summary>
    /// <returns>The parameters, length <see cref="ParameterCount"/>.</returns>
    public double[] Parameters()
    {
        var w = new double[ParameterCount];
        for (var k = 0; k < Depth; k++)
        {
            Write(_layers[k], w.AsSpan(_offsets[k], _offsets[k + 1] - _offsets[k]));
        }

        return w;
    }

    /// <summary>
    /// The analytic gradient <c>df/dW_k = 2 A_k^T (P - M) B_k^T + (2 lambda / L) W_k</c>, stacked like the parameters,
    /// where <c>A_k = W_L ... W_(k+1)</c>, <c>B_k = W_(k-1) ... W_1</c> and <c>P = W_L ... W_1</c>.
    /// </summary>
    /// <returns>The gradient, length <see cref="ParameterCount"/>.</returns>
    public double[] Gradient() => GradientOf(_layers);

    /// <summary>
    /// The analytic gradient at an arbitrary parameter vector (same widths, target and lambda): the formula of
    /// <see cref="Gradient()"/> evaluated at the layers <paramref name="w"/> describes. Gradient descent steps with it.
    /// </summary>
    /// <param name="w">The parameters <c>[vec(W_1); ...; vec(W_L)]</c>, column-major, length <see cref="ParameterCount"/>.</param>
    /// <returns>The gradient at <paramref name="w"/>, length <see cref="ParameterCount"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="w"/> has the wrong length or a non-finite entry.</exception>
    public double[] Gradient(ReadOnlySpan<double> w) => GradientOf(Unstack(w, nameof(w)));

    private double[] GradientOf(Matrix<double>[] layers)
    {
        var a = SuffixesOf(layers, _widths);
        var b = PrefixesOf(layers, _widths);
        var residual = ResidualOf(layers);
        var decay = 2 * Lambda / Depth;
        var g = new double[ParameterCount];
        for (var k = 0; k < Depth; k++)
        {
            var block = 2.0 * a[k].TransposeThisAndMultiply(residual).TransposeAndMultiply(b[k]);
            if (decay != 0)
            {
                block += decay * layers[k];
            }

            Write(block, g.AsSpan(_offsets[k], _offsets[k + 1] - _offsets[k]));
        }

        return g;
    }

    /// <summary>
    /// The exact second directional derivative <c>d^2/dt^2 f(w + t u)</c> at <c>t = 0</c>, i.e. <c>u^T H u</c>, by truncated
    /// polynomial (jet) arithmetic: the product <c>prod_i (W_i + t U_i) = P0 + t P1 + t^2 P2 + O(t^3)</c> gives
    /// <c>2 (||P1||_F^2 + 2 &lt;P0 - M, P2&gt;) + (2 lambda / L) ||u||^2</c>.
    /// </summary>
    /// <param name="u">The direction <c>[vec(U_1); ...; vec(U_L)]</c>, length <see cref="ParameterCount"/>; need not be unit.</param>
    /// <returns><c>u^T H u</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="u"/> has the wrong length or a non-finite entry.</exception>
    public double SecondDirectionalDerivative(ReadOnlySpan<double> u)
    {
        var directions = Unstack(u, nameof(u));
        var p0 = _layers[0];
        var p1 = directions[0];
        Matrix<double>? p2 = null;
        for (var i = 1; i < Depth; i++)
        {
            var w = _layers[i];
            var v = directions[i];

            // Right-multiplying by the next factor (W_i + t U_i) and dropping t^3 keeps exactly the three coefficients needed.
            var next2 = v * p1;
            if (p2 is not null)
            {
                next2 += w * p2;
            }

            var next1 = (w * p1) + (v * p0);
            p0 = w * p0;
            p1 = next1;
            p2 = next2;
        }

        var quadratic = SumOfSquares(p1);
        if (p2 is not null)
        {
            quadratic += 2 * Inner(p0 - _target, p2);
        }

        var decay = 0.0;
        if (Lambda != 0)
        {
            foreach (var x in u)
            {
                decay += x * x;
            }
        }

        return (2 * quadratic) + (2 * Lambda / Depth * decay);
    }

    /// <summary>
    /// The full <c>N x N</c> Hessian at the landscape's point, exact and including the residual (second-order) term, from the
    /// analytic block formulas: block <c>(k, l)</c> is the Gauss-Newton part <c>2 (B_k B_l^T) kron (A_k^T A_l)</c> plus, for
    /// <c>k &lt; l</c>, the residual part with entries <c>2 (A_l^T (P - M) B_k^T)[r, q] (W_(l-1) ... W_(k+1))[s, p]</c>
    /// (row <c>(p, q)</c> of <c>W_k</c>, column <c>(r, s)</c> of <c>W_l</c>), plus <c>(2 lambda / L) I</c>.
    /// </summary>
    /// <remarks>
    /// Off-diagonal blocks are computed once and mirrored; the diagonal blocks are then averaged with their transposes, so
    /// the result is exactly symmetric (the averaging only removes roundoff-level asymmetry). Cost
    /// <c>O(N^2 + L^2 d^3)</c>; it shares no code with <see cref="HessianOperator()"/>, so each checks the other.
    /// </remarks>
    /// <returns>A new dense symmetric <c>N x N</c> matrix.</returns>
    /// <exception cref="InvalidOperationException"><c>N^2</c> exceeds the largest .NET array; use <see cref="HessianOperator()"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Matrix<double> DenseHessian()
    {
        var n = ParameterCount;
        if ((long)n * n > Array.MaxLength)
        {
            throw new InvalidOperationException($"A dense {n}x{n} Hessian does not fit in one array; use HessianOperator() instead.");
        }
        var depth = Depth;
        var a = Suffixes();
        var b = Prefixes();
        var residual = Residual();
        var h = new double[(long)n * n];

        // The Gauss-Newton factors are balanced by a power of two per layer, B_k -> t_k B_k and A_k -> A_k / t_k (exact, and the
        // block (t_k t_l B_k B_l^T) kron (A_k^T A_l / (t_k t_l)) is unchanged): with layers of sizes 1e-160, 1e-160, 1e160 the Gram
        // products A_2^T A_2 = 1e320 and B_2 B_2^T = 1e-320 overflowed and lost all digits, and the block, of size 1, became
        // Infinity and NaN.
        var balance = Enumerable.Range(0, depth).Select(k => Balance(a[k], b[k])).ToArray();

        for (var k = 0; k < depth; k++)
        {
            // between = W_(l-1) ... W_(k+1), grown one layer at a time as l moves right; identity for l = k + 1.
            Matrix<double>? between = null;
            for (var l = k; l < depth; l++)
            {
                if (l > k + 1)
                {
                    between = between is null ? _layers[l - 1].Clone() : _layers[l - 1] * between;
                }

                var bb = (b[k] * balance[k]).TransposeAndMultiply(b[l] * balance[l]).ToColumnMajorArray();
                var aa = (a[k] / balance[k]).TransposeThisAndMultiply(a[l] / balance[l]).ToColumnMajorArray();
                double[]? d = null;
                double[]? c = null;
                if (l > k)
                {
                    d = a[l].TransposeThisAndMultiply(residual).TransposeAndMultiply(b[k]).ToColumnMajorArray();
                    c = between?.ToColumnMajorArray();
                }

                FillBlock(h, n, k, l, bb, aa, d, c);
            }
        }

        var decay = 2 * Lambda / depth;
        for (var i = 0; i < n; i++)
        {
            h[i + ((long)i * n)] += decay;
            for (var j = i + 1; j < n; j++)
            {
                var upper = j + ((long)i * n);
                var lower = i + ((long)j * n);
                var mean = 0.5 * (h[upper] + h[lower]);
                h[upper] = mean;
                h[lower] = mean;
            }
        }

        return Matrix<double>.Build.Dense(n, n, h);
    }

    // A power of two near sqrt(max|a| / max|b|), so that a / t and t b have entries of the same size; 1 where either is zero.
    private static double Balance(Matrix<double> a, Matrix<double> b)
    {
        var largestA = a.Enumerate().Max(Math.Abs);
        var largestB = b.Enumerate().Max(Math.Abs);
        return largestA > 0 && largestB > 0 ? Math.ScaleB(1.0, (Math.ILogB(largestA) - Math.ILogB(largestB)) / 2) : 1.0;
    }

    /// <summary>The matrix-free Hessian-vector product <c>v -> H v</c> at the landscape's point.</summary>
    /// <returns>A new operator of dimension <see cref="ParameterCount"/>.</returns>
    public HessianOperator HessianOperator() => new(this);

    internal Matrix<double> Layer(int k) => _layers[k];

    internal Matrix<double> Target => _target;

    internal int Offset(int k) => _offsets[k];

    /// <summary>A_k = W_L ... W_(k+1) for k = 1..L (index k - 1), accumulated from the d_L end so that a scalar output keeps every product a row vector.</summary>
    internal Matrix<double>[] Suffixes() => SuffixesOf(_layers, _widths);

    /// <summary>B_k = W_(k-1) ... W_1 for k = 1..L (index k - 1), accumulated from the d_0 end so that a scalar input keeps every product a column vector.</summary>
    internal Matrix<double>[] Prefixes() => PrefixesOf(_layers, _widths);

    private static Matrix<double>[] SuffixesOf(Matrix<double>[] layers, int[] widths)
    {
        var depth = layers.Length;
        var a = new Matrix<double>[depth];
        a[depth - 1] = Matrix<double>.Build.DenseIdentity(widths[depth]);
        for (var k = depth - 2; k >= 0; k--)
        {
            a[k] = a[k + 1] * layers[k + 1];
        }

        return a;
    }

    private static Matrix<double>[] PrefixesOf(Matrix<double>[] layers, int[] widths)
    {
        var depth = layers.Length;
        var b = new Matrix<double>[depth];
        b[0] = Matrix<double>.Build.DenseIdentity(widths[0]);
        for (var k = 1; k < depth; k++)
        {
            b[k] = layers[k - 1] * b[k - 1];
        }

        return b;
    }

    /// <summary>
    /// R = W_L ... W_1 - M, the product formed from the layers scaled by powers of two (<see cref="VectorMath.UnitExponent"/>)
    /// and the scale put back at the end. The scalings are exact, so where the plain product's partial products are normal
    /// this is the plain product to the last bit; where one is subnormal the plain product loses digits (layers of sizes
    /// 1e-160, 1e-160, 1e160: <c>W_2 W_1</c> near 1e-320 keeps three), and the dense oracle's lambda_max was off by 4e-4
    /// (CertificateTests.ExactT5_AtSubnormalPartialProducts_OracleAgreesWithTheCertificate).
    /// </summary>
    internal Matrix<double> Residual() => ResidualOf(_layers);

    private Matrix<double> ResidualOf(Matrix<double>[] layers)
    {
        var exponent = 0;
        Matrix<double>? product = null;
        foreach (var layer in layers)
        {
            var e = VectorMath.UnitExponent(layer.ToColumnMajorArray());
            exponent += e;
            var unit = layer.Map(v => Math.ScaleB(v, -e));
            product = product is null ? unit : unit * product;
        }

        return product!.Map(v => Math.ScaleB(v, exponent)) - _target;
    }

    /// <summary>Splits a stacked vector into matrices shaped like the layers.</summary>
    internal Matrix<double>[] Unstack(ReadOnlySpan<double> w, string paramName)
    {
        if (w.Length != ParameterCount)
        {
            throw new ArgumentException($"The vector has length {w.Length} but the landscape has N = {ParameterCount} parameters.", paramName);
        }

        var layers = new Matrix<double>[Depth];
        for (var k = 0; k < Depth; k++)
        {
            var block = w.Slice(_offsets[k], _offsets[k + 1] - _offsets[k]);
            for (var i = 0; i < block.Length; i++)
            {
                if (!double.IsFinite(block[i]))
                {
                    throw new ArgumentException(
                        $"Entry {_offsets[k] + i} (0-based) of the vector, in block W[{k + 1}], is {Format(block[i])}; all entries must be finite.",
                        paramName);
                }
            }

            layers[k] = Matrix<double>.Build.Dense(_widths[k + 1], _widths[k], block.ToArray());
        }

        return layers;
    }

    internal static void Write(Matrix<double> matrix, Span<double> destination)
    {
        var storage = matrix.AsColumnMajorArray() ?? matrix.ToColumnMajorArray();
        storage.AsSpan().CopyTo(destination);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void FillBlock(double[] h, int n, int k, int l, double[] bb, double[] aa, double[]? d, double[]? c)
    {
        // Rows index (p, q) of W_k at offset + p + q d_k; columns index (r, s) of W_l at offset + r + s d_l.
        var rowsK = _widths[k + 1];
        var colsK = _widths[k];
        var rowsL = _widths[l + 1];
        var colsL = _widths[l];
        var rowBase = _offsets[k];
        var columnBase = _offsets[l];
        var mirror = l > k;
        for (var s = 0; s < colsL; s++)
        {
            for (var r = 0; r < rowsL; r++)
            {
                var column = columnBase + r + (s * rowsL);
                var columnStart = (long)column * n;
                for (var q = 0; q < colsK; q++)
                {
                    var gaussNewton = 2 * bb[q + (s * colsK)];
                    var residualWeight = d is null ? 0.0 : 2 * d[r + (q * rowsL)];
                    for (var p = 0; p < rowsK; p++)
                    {
                        var value = gaussNewton * aa[p + (r * rowsK)];
                        if (d is not null)
                        {
                            // With no layer in between (l = k + 1) the middle factor is the identity I_(d_k).
                            var middle = c is null ? (s == p ? 1.0 : 0.0) : c[s + (p * colsL)];
                            value += residualWeight * middle;
                        }

                        var row = rowBase + p + (q * rowsK);
                        h[columnStart + row] = value;
                        if (mirror)
                        {
                            h[column + ((long)row * n)] = value;
                        }
                    }
                }
            }
        }
    }

    private double LossOf(Matrix<double>[] layers)
    {
        var loss = SumOfSquares(ResidualOf(layers));
        if (Lambda != 0)
        {
            var weights = 0.0;
            foreach (var layer in layers)
            {
                weights += SumOfSquares(layer);
            }

            loss += Lambda / layers.Length * weights;
        }

        return loss;
    }

    private static double SumOfSquares(Matrix<double> matrix) => Inner(matrix, matrix);

    private static double Inner(Matrix<double> x, Matrix<double> y)
    {
        var xs = x.AsColumnMajorArray() ?? x.ToColumnMajorArray();
        var ys = y.AsColumnMajorArray() ?? y.ToColumnMajorArray();
        var sum = 0.0;
        for (var i = 0; i < xs.Length; i++)
        {
            sum += xs[i] * ys[i];
        }

        return sum;
    }

    private static Matrix<double> Copy(Matrix<double> matrix) =>
        Matrix<double>.Build.Dense(matrix.RowCount, matrix.ColumnCount, matrix.ToColumnMajorArray());

    private static void RequireFinite(Matrix<double> matrix, string name, string paramName)
    {
        for (var j = 0; j < matrix.ColumnCount; j++)
        {
            for (var i = 0; i < matrix.RowCount; i++)
            {
                var x = matrix[i, j];
                if (!double.IsFinite(x))
                {
                    throw new ArgumentException(
                        $"{name} has a non-finite entry ({Format(x)}) at row {i + 1}, column {j + 1} (1-based).", paramName);
                }
            }
        }
    }

    private static string Shape(Matrix<double> matrix) => $"{matrix.RowCount}x{matrix.ColumnCount}";

    // Shortest round-trip form (the default of double.ToString since .NET Core 3.0).
    private static string Format(double x) => x.ToString(CultureInfo.InvariantCulture);
}

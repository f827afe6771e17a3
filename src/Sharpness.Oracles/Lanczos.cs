using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace Sharpness.Oracles;

/// <summary>
/// Extreme eigenpairs of a symmetric <see cref="ILinearOperator"/> by the Lanczos method with full reorthogonalization
/// (Gram-Schmidt twice against every basis vector) and thick restarts.
/// </summary>
/// <remarks>
/// Deterministic: the start vector is drawn from <c>System.Random(options.Seed)</c>, never all-ones (which structured
/// operators can leave orthogonal to the wanted eigenvector). The result is accepted only after its residual
/// <c>||A v - theta v||</c> has been recomputed with a real operator application.
/// </remarks>
public static class Lanczos
{
    // Relative size of a new Krylov direction below which the subspace is treated as invariant.
    private const double BreakdownTolerance = 1e-13;

    /// <summary>The largest (most positive) eigenvalue of a symmetric operator and a unit eigenvector.</summary>
    /// <param name="op">The symmetric operator.</param>
    /// <param name="options">Settings; <c>null</c> for the defaults.</param>
    /// <returns>The eigenpair, its true residual and the number of operator applications.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="op"/> is null.</exception>
    /// <exception cref="ArgumentException">Invalid options or dimension, or the operator returned a non-finite value.</exception>
    /// <exception cref="LanczosDidNotConvergeException">The tolerance was not reached within the allowed restarts.</exception>
    public static LanczosResult Largest(ILinearOperator op, LanczosOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(op);
        return Run(op, 1.0, options ?? new LanczosOptions());
    }

    /// <summary>The smallest (most negative) eigenvalue of a symmetric operator and a unit eigenvector.</summary>
    /// <param name="op">The symmetric operator.</param>
    /// <param name="options">Settings; <c>null</c> for the defaults.</param>
    /// <returns>The eigenpair, its true residual and the number of operator applications.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="op"/> is null.</exception>
    /// <exception cref="ArgumentException">Invalid options or dimension, or the operator returned a non-finite value.</exception>
    /// <exception cref="LanczosDidNotConvergeException">The tolerance was not reached within the allowed restarts.</exception>
    public static LanczosResult Smallest(ILinearOperator op, LanczosOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(op);

        // The smallest eigenpair of A is the largest of -A; one code path serves both ends.
        return Run(op, -1.0, options ?? new LanczosOptions());
    }

    private static LanczosResult Run(ILinearOperator op, double sign, LanczosOptions options)
    {
        var n = op.Dimension;
        if (n < 1)
        {
            throw new ArgumentException($"The operator has dimension {n}; it must be at least 1.", nameof(op));
        }

        var maxDimension = Math.Min(n, options.MaxKrylovDimension ?? 80);
        if (maxDimension < Math.Min(n, 2))
        {
            throw new ArgumentException(
                $"MaxKrylovDimension must be at least 2 (or N = 1) but is {options.MaxKrylovDimension}.", nameof(options));
        }

        if (options.MaxRestarts < 0)
        {
            throw new ArgumentException($"MaxRestarts must be >= 0 but is {options.MaxRestarts}.", nameof(options));
        }

        var tolerance = options.RelativeTolerance;
        if (!double.IsFinite(tolerance) || tolerance <= 0 || tolerance >= 1)
        {
            throw new ArgumentException($"RelativeTolerance must be in (0, 1) but is {tolerance}.", nameof(options));
        }

        var state = new State(op, sign, n);
        var basis = new List<double[]> { StartVector(n, options.Seed) };
        var projected = new double[maxDimension, maxDimension];
        var w = new double[n];
        var scale = 0.0;
        double[]? best = null;
        var bestValue = double.NaN;

        for (var cycle = 0; cycle <= options.MaxRestarts; cycle++)
        {
            while (true)
            {
                var j = basis.Count - 1;
                state.Apply(basis[j], w);
                for (var pass = 0; pass < 2; pass++)
                {
                    for (var i = 0; i <= j; i++)
                    {
                        var c = VectorMath.Dot(basis[i], w);
                        VectorMath.Axpy(-c, basis[i], w);
                        projected[i, j] += c;
                    }
                }

                // The Gram-Schmidt coefficients are q_i^T A q_j; mirroring them keeps the projection symmetric, including
                // the arrowhead row a thick restart leaves behind.
                for (var i = 0; i < j; i++)
                {
                    projected[j, i] = projected[i, j];
                }

                var beta = VectorMath.Norm(w);
                if (!double.IsFinite(beta))
                {
                    throw new ArgumentException("The operator produced a non-finite value.", nameof(op));
                }

                var m = j + 1;
                var (values, vectors) = SymmetricEigen(projected, m);
                scale = Math.Max(scale, Math.Max(Math.Abs(values[0]), Math.Abs(values[m - 1])));
                var breakdown = beta <= BreakdownTolerance * Math.Max(scale, state.Largest) || beta == 0;
                var estimate = beta * Math.Abs(vectors[m - 1, m - 1]);
                bestValue = values[m - 1];

                if (estimate <= tolerance * Math.Max(Math.Abs(bestValue), scale))
                {
                    var candidate = Combine(basis, vectors, m - 1);
                    var check = state.Check(candidate);
                    if (check.Residual <= tolerance * Math.Max(Math.Abs(check.Value), scale))
                    {
                        return new LanczosResult(sign * check.Value, candidate, check.Residual, state.Products);
                    }

                    // Orthogonality was lost or the estimate was optimistic: restart from the refined Ritz vectors.
                    best = Restart(basis, projected, values, vectors, w, beta, breakdown, m, options.Seed + cycle + 1);
                    break;
                }

                if (m == maxDimension)
                {
                    best = Restart(basis, projected, values, vectors, w, beta, breakdown, m, options.Seed + cycle + 1);
                    break;
                }

                basis.Add(breakdown ? FreshDirection(basis, n, options.Seed + m) : Scaled(w, 1 / beta));
            }
        }

        var final = state.Check(best!);
        throw new LanczosDidNotConvergeException(
            string.Create(
                CultureInfo.InvariantCulture,
                $"Lanczos ({(sign > 0 ? "largest" : "smallest")}) did not converge after {options.MaxRestarts} restarts and {state.Products} products: " +
                $"residual ||A v - theta v|| = {final.Residual:G6} for theta = {sign * bestValue:G17}, above {tolerance:G3} x {Math.Max(Math.Abs(final.Value), scale):G6}."),
            final.Residual,
            state.Products);
    }

    // Returns the top Ritz vector, which becomes the first basis vector.
    private static double[] Restart(
        List<double[]> basis, double[,] projected, double[] values, double[,] vectors, double[] w, double beta, bool breakdown, int m, int seed)
    {
        // Keep the Ritz vectors nearest the wanted (top) end plus the next Krylov direction: the thick restart of Wu and Simon.
        var keep = m == 1 ? 1 : Math.Max(1, Math.Min(m - 1, m / 2));
        var kept = new List<double[]>(keep + 1);
        for (var t = 0; t < keep; t++)
        {
            kept.Add(Combine(basis, vectors, m - 1 - t));
        }

        if (m == 1)
        {
            // A one-dimensional space (N = 1) has nothing to add: the Ritz vector itself is the restart.
            basis.Clear();
            basis.Add(kept[0]);
            Array.Clear(projected);
            return kept[0];
        }

        var n = w.Length;
        var next = breakdown || m == n ? null : Scaled(w, 1 / beta);
        basis.Clear();
        basis.AddRange(kept);
        Array.Clear(projected);
        for (var t = 0; t < keep; t++)
        {
            projected[t, t] = values[m - 1 - t];
        }

        basis.Add(next ?? FreshDirection(basis, n, seed));
        return kept[0];
    }

    private static double[] StartVector(int n, int seed)
    {
        var random = new Random(seed);
        var v = new double[n];
        for (var i = 0; i < n; i++)
        {
            v[i] = random.NextDouble() - 0.5;
        }

        var norm = VectorMath.Norm(v);
        return Scaled(v, 1 / norm);
    }

    // A random unit vector orthogonal to the basis, to continue past an invariant subspace.
    private static double[] FreshDirection(List<double[]> basis, int n, int seed)
    {
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var v = StartVector(n, unchecked(seed + (attempt * 7919)));
            for (var pass = 0; pass < 2; pass++)
            {
                foreach (var q in basis)
                {
                    VectorMath.Axpy(-VectorMath.Dot(q, v), q, v);
                }
            }

            var norm = VectorMath.Norm(v);
            if (norm > 1e-8)
            {
                return Scaled(v, 1 / norm);
            }
        }

        // Only reachable when the basis already spans R^n, where every Ritz pair is exact; any unit vector then does.
        return StartVector(n, seed);
    }

    private static double[] Combine(List<double[]> basis, double[,] vectors, int column)
    {
        var n = basis[0].Length;
        var v = new double[n];
        for (var i = 0; i < basis.Count && i < vectors.GetLength(0); i++)
        {
            VectorMath.Axpy(vectors[i, column], basis[i], v);
        }

        var norm = VectorMath.Norm(v);
        return norm > 0 ? Scaled(v, 1 / norm) : v;
    }

    private static (double[] Values, double[,] Vectors) SymmetricEigen(double[,] projected, int m)
    {
        // Scaled (DenseSpectrum.ScaledEvd): the projection of a Hessian with entries near 1e-160 is as small, and MathNet's
        // absolute thresholds then left Ritz vectors too rough to converge (a 15x15 depth-2 network with entries 1e-80).
        var matrix = Matrix<double>.Build.Dense(m, m, (i, j) => projected[i, j]);
        var (evd, largest) = DenseSpectrum.ScaledEvd(matrix);
        var order = Enumerable.Range(0, m).OrderBy(i => evd.EigenValues[i].Real).ToArray();
        var values = new double[m];
        var vectors = new double[m, m];
        for (var c = 0; c < m; c++)
        {
            values[c] = evd.EigenValues[order[c]].Real * largest;
            for (var r = 0; r < m; r++)
            {
                vectors[r, c] = evd.EigenVectors[r, order[c]];
            }
        }

        return (values, vectors);
    }

    private static double[] Scaled(double[] x, double a)
    {
        var y = new double[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            y[i] = a * x[i];
        }

        return y;
    }

    private sealed class State(ILinearOperator op, double sign, int n)
    {
        private readonly double[] _scratch = new double[n];

        public int Products { get; private set; }

        // The largest ||A q|| seen: a lower bound on ||A|| that scales the breakdown test even before any Ritz value is large.
        public double Largest { get; private set; }

        public void Apply(double[] x, double[] y)
        {
            op.Multiply(x, y);
            Products++;
            if (sign < 0)
            {
                for (var i = 0; i < y.Length; i++)
                {
                    y[i] = -y[i];
                }
            }

            Largest = Math.Max(Largest, VectorMath.Norm(y));
        }

        public (double Value, double Residual) Check(double[] v)
        {
            Apply(v, _scratch);
            var value = VectorMath.Dot(v, _scratch);
            for (var i = 0; i < v.Length; i++)
            {
                _scratch[i] -= value * v[i];
            }

            return (value, VectorMath.Norm(_scratch));
        }
    }
}

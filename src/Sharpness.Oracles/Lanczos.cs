using System.Buffers;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using Sharpness.Kernels;

namespace Sharpness.Oracles;

/// <summary>
/// Extreme eigenpairs of a symmetric <see cref="ILinearOperator"/> by the Lanczos method with full reorthogonalization
/// and thick restarts.
/// </summary>
/// <remarks>
/// Each new direction is orthogonalized against the whole basis by block classical Gram-Schmidt: all inner products in
/// one sweep over the basis (<c>h = Q^T w</c>), then one combined update (<c>w -= Q h</c>), and a second such pass only when
/// the first removed most of <c>w</c> (the criterion of Daniel, Gragg, Kaufman and Stewart 1976:
/// <c>||w_after|| &lt; ||w_before|| / sqrt 2</c>). The first pass's update and the second pass's inner products share one
/// sweep (<see cref="Blas.AxpyDotMany"/>), so the two passes read the basis three times, not four. The basis is capped by
/// <see cref="LanczosOptions.MaxBasisBytes"/>, so its memory stays bounded at any <c>N</c>; the kernels' fixed summation
/// order keeps every result bit-identical across processor counts.
/// <para>
/// Deterministic: the start vector (and any fresh direction after an invariant subspace) is drawn from one
/// <c>System.Random(options.Seed)</c> stream, never all-ones (which structured
/// operators can leave orthogonal to the wanted eigenvector). The result is accepted only after its residual
/// <c>||A v - theta v||</c> has been recomputed with a real operator application.</para>
/// </remarks>
public static class Lanczos
{
    // Relative size of a new Krylov direction below which the subspace is treated as invariant.
    private const double BreakdownTolerance = 1e-13;

    // DGKS: a second Gram-Schmidt pass when the first left less than 1/sqrt(2) of the norm (Daniel, Gragg, Kaufman and Stewart 1976).
    private const double Reorthogonalize = 0.70710678118654752;

    // The Krylov dimension the defaults aim for, and the least a memory cap may leave (a thick restart keeps half).
    private const int DefaultDimension = 20;
    private const int LeastCappedDimension = 8;

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

        if (options.MaxBasisBytes < 1)
        {
            throw new ArgumentException($"MaxBasisBytes must be positive but is {options.MaxBasisBytes}.", nameof(options));
        }

        var capped = (int)Math.Clamp(options.MaxBasisBytes / (sizeof(double) * (long)n), LeastCappedDimension, DefaultDimension);
        var maxDimension = Math.Min(n, options.MaxKrylovDimension ?? capped);
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

        var state = new State(op, sign);
        var basis = new Basis();

        // One stream for the start vector and every fresh direction after it.
        var random = new Random(options.Seed);
        basis.Add(RandomUnitVector(random, n));
        var projected = new double[maxDimension, maxDimension];
        var w = new double[n];
        var h = new double[maxDimension];
        var h2 = new double[maxDimension];
        var scale = 0.0;
        double[]? best = null;
        var bestValue = double.NaN;

        for (var cycle = 0; cycle <= options.MaxRestarts; cycle++)
        {
            while (true)
            {
                var j = basis.Count - 1;
                state.Apply(basis[j], w);
                var before = VectorMath.Norm(w);
                var first = h.AsSpan(0, j + 1);
                var second = h2.AsSpan(0, j + 1);
                var beta = FirstPass(basis.Vectors, w, first, second);
                AddToColumn(projected, first);
                if (beta < Reorthogonalize * before)
                {
                    Blas.AxpyMany(-1, basis.Vectors, second, w);
                    AddToColumn(projected, second);
                    beta = VectorMath.Norm(w);
                }

                // The Gram-Schmidt coefficients are q_i^T A q_j; mirroring them keeps the projection symmetric, including
                // the arrowhead row a thick restart leaves behind.
                for (var i = 0; i < j; i++)
                {
                    projected[j, i] = projected[i, j];
                }

                if (!double.IsFinite(beta))
                {
                    throw new ArgumentException("The operator produced a non-finite value.", nameof(op));
                }

                var m = j + 1;
                var (values, vectors) = SymmetricEigen(projected, m);
                scale = Math.Max(scale, Math.Max(Math.Abs(values[0]), Math.Abs(values[m - 1])));
                // ||A q_j||^2 = ||T e_j||^2 + beta^2 (full reorthogonalization), so when beta is tiny the largest |Ritz value|
                // is at least ||A q_j||: the test is relative to ||A|| from the first step on.
                // (Also at the zero operator, where both sides are 0.)
                var breakdown = beta <= BreakdownTolerance * scale;
                var estimate = beta * Math.Abs(vectors[m - 1, m - 1]);
                bestValue = values[m - 1];

                // A full basis, or an estimate that the true residual must confirm: restart from the refined Ritz vectors. The
                // restart puts the top Ritz vector (the candidate) first and takes w's direction into the basis, so w is free to
                // hold A v for the check, and neither needs an array of its own (at N = 1e7 two fewer of 80 MB). If the check
                // refuses the candidate (orthogonality was lost or the estimate was optimistic), the iteration goes on from the
                // restart as it would have anyway.
                var converged = estimate <= tolerance * Math.Max(Math.Abs(bestValue), scale);
                if (converged || m == maxDimension)
                {
                    best = Restart(basis, projected, values, vectors, w, beta, breakdown, m, random);
                    if (converged)
                    {
                        var check = state.Check(best, w);
                        if (check.Residual <= tolerance * Math.Max(Math.Abs(check.Value), scale))
                        {
                            return new LanczosResult(sign * check.Value, best, check.Residual, state.Products);
                        }
                    }

                    break;
                }

                basis.Add(Next(basis, w, beta, breakdown, random));
            }
        }

        var final = state.Check(best!, w);
        // FormattableString.Invariant rather than string.Create: Stryker cannot compile its mutants of the latter (MUTATION.md).
        throw new LanczosDidNotConvergeException(
            FormattableString.Invariant(
                $"Lanczos ({(sign > 0 ? "largest" : "smallest")}) did not converge after {options.MaxRestarts} restarts and {state.Products} products: residual ||A v - theta v|| = {final.Residual:G6} for theta = {sign * bestValue:G17}, above {tolerance:G3} x {Math.Max(Math.Abs(final.Value), scale):G6}."),
            final.Residual,
            state.Products);
    }

    // One block classical Gram-Schmidt pass: h = Q^T w, w -= Q h; returns ||w||.
    private static double Orthogonalize(List<double[]> basis, double[] w, Span<double> h)
    {
        Blas.DotMany(basis, w, h);
        Blas.AxpyMany(-1, basis, h, w);
        return VectorMath.Norm(w);
    }

    // The first Gram-Schmidt pass for w = A q_j: h = Q^T w, w -= Q h, with the second pass's inner products Q^T w of the
    // updated w taken in the same sweep over the basis (bit-identical to Orthogonalize followed by DotMany, one sweep
    // fewer when DGKS asks for the second pass); returns ||w||.
    private static double FirstPass(List<double[]> basis, double[] w, Span<double> h, Span<double> second)
    {
        Blas.DotMany(basis, w, h);
        return VectorMath.Norm(Blas.AxpyDotMany(-1, basis, h, w, second), w);
    }

    // Adds the Gram-Schmidt coefficients q_i^T A q_j of a pass to column j = h.Length - 1 of the projection.
    private static void AddToColumn(double[,] projected, ReadOnlySpan<double> h)
    {
        var j = h.Length - 1;
        for (var i = 0; i <= j; i++)
        {
            projected[i, j] += h[i];
        }
    }

    // Returns the top Ritz vector, which becomes the first basis vector. w is free afterwards.
    private static double[] Restart(
        Basis basis, double[,] projected, double[] values, double[,] vectors, double[] w, double beta, bool breakdown, int m, Random random)
    {
        // Keep the Ritz vectors nearest the wanted (top) end plus the next Krylov direction: the thick restart of Wu and Simon.
        // (m = 1 only when the first step converged, at N = 1 or at a start vector that is an eigenvector: the one Ritz vector
        // is kept, and the next direction is not used.)
        var keep = Math.Max(1, Math.Min(m - 1, m / 2));
        basis.KeepRitzVectors(vectors, m, keep);
        Array.Clear(projected);
        for (var t = 0; t < keep; t++)
        {
            projected[t, t] = values[m - 1 - t];
        }

        basis.Add(Next(basis, w, beta, breakdown, random));
        return basis[0];
    }

    // The next basis vector: w / beta, or past an invariant subspace (and when the basis spans R^n, where w is rounding
    // noise, below the breakdown threshold) a fresh random direction.
    private static double[] Next(Basis basis, double[] w, double beta, bool breakdown, Random random) =>
        breakdown ? FreshDirection(basis, random, w.Length) : basis.Scaled(w, 1 / beta);

    private static double[] RandomUnitVector(Random random, int n)
    {
        var v = new double[n];
        for (var i = 0; i < n; i++)
        {
            v[i] = random.NextDouble() - 0.5;
        }

        var norm = VectorMath.Norm(v);
        return Scaled(v, 1 / norm);
    }

    // A random unit vector orthogonal to the basis, to continue past an invariant subspace. Twice orthogonalized, a random
    // vector keeps about sqrt((n - m) / n) of its norm, so a remainder below 1e-8 means the basis spans R^n numerically:
    // every Ritz pair is then exact, and the random vector itself serves.
    private static double[] FreshDirection(Basis basis, Random random, int n)
    {
        var v = RandomUnitVector(random, n);
        var remainder = (double[])v.Clone();
        var h = new double[basis.Count];
        Orthogonalize(basis.Vectors, remainder, h);
        var norm = Orthogonalize(basis.Vectors, remainder, h);
        return norm > 1e-8 ? Scaled(remainder, 1 / norm) : v;
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

    // a x in a new array, left uninitialized before the copy: a basis vector at N = 1e7 is 80 MB, and zeroing it first
    // would be a third pass over it.
    private static double[] Scaled(double[] x, double a)
    {
        var y = GC.AllocateUninitializedArray<double>(x.Length);
        x.AsSpan().CopyTo(y);
        Blas.Scale(a, y);
        return y;
    }

    // The Krylov basis, with the arrays a restart frees kept for the next vectors (at N = 1e7 each is 80 MB, and fresh
    // large arrays would have the GC clear and track them again and again).
    private sealed class Basis
    {
        private readonly Stack<double[]> _spare = new();

        public List<double[]> Vectors { get; } = [];

        public int Count => Vectors.Count;

        public double[] this[int i] => Vectors[i];

        public void Add(double[] v) => Vectors.Add(v);

        // a x in a spare array when there is one.
        public double[] Scaled(double[] x, double a)
        {
            if (!_spare.TryPop(out var y))
            {
                return Lanczos.Scaled(x, a);
            }

            x.AsSpan().CopyTo(y);
            Blas.Scale(a, y);
            return y;
        }

        // Replaces the first keep vectors by the normalized Ritz vectors Q y_t of the top keep Ritz values (columns m - 1 - t of
        // vectors), in place, block of rows by block of rows; the rest become spares.
        public void KeepRitzVectors(double[,] vectors, int m, int keep)
        {
            var n = Vectors[0].Length;
            var coefficients = new double[keep][];
            for (var t = 0; t < keep; t++)
            {
                coefficients[t] = new double[m];
                for (var i = 0; i < m; i++)
                {
                    coefficients[t][i] = vectors[i, m - 1 - t];
                }
            }

            var blocks = (n + Blas.DotBlock - 1) / Blas.DotBlock;
            void Block(int block)
            {
                var start = block * Blas.DotBlock;
                var length = Math.Min(Blas.DotBlock, n - start);
                var combined = ArrayPool<double>.Shared.Rent(keep * length);
                Array.Clear(combined, 0, keep * length);
                for (var t = 0; t < keep; t++)
                {
                    var target = combined.AsSpan(t * length, length);
                    for (var i = 0; i < m; i++)
                    {
                        Blas.Axpy(coefficients[t][i], Vectors[i].AsSpan(start, length), target);
                    }
                }

                // Every row of this block has been read from all m vectors; only now are the first keep overwritten.
                for (var t = 0; t < keep; t++)
                {
                    combined.AsSpan(t * length, length).CopyTo(Vectors[t].AsSpan(start, length));
                }

                ArrayPool<double>.Shared.Return(combined);
            }

            // Blocks write disjoint rows, each in a fixed order, so the result is the same at any processor count (and a
            // parallel loop of one block costs microseconds once per restart).
            Blas.ParallelFor(blocks, Block);

            // Unit up to rounding already (Q y with orthonormal Q and unit y, never 0): normalized so that rounding cannot
            // accumulate over many restarts.
            for (var t = 0; t < keep; t++)
            {
                Blas.Scale(1 / VectorMath.Norm(Vectors[t]), Vectors[t]);
            }

            for (var i = Vectors.Count - 1; i >= keep; i--)
            {
                _spare.Push(Vectors[i]);
                Vectors.RemoveAt(i);
            }
        }
    }

    private sealed class State(ILinearOperator op, double sign)
    {
        public int Products { get; private set; }

        public void Apply(double[] x, double[] y)
        {
            op.Multiply(x, y);
            Products++;

            // Exact for sign = +-1; one pass over y, small beside the product itself.
            Blas.Scale(sign, y);
        }

        // theta = v^T A v and ||A v - theta v|| for a unit v, with scratch (overwritten) holding A v - theta v.
        public (double Value, double Residual) Check(double[] v, double[] scratch)
        {
            Apply(v, scratch);
            var value = VectorMath.Dot(v, scratch);
            for (var i = 0; i < v.Length; i++)
            {
                scratch[i] -= value * v[i];
            }

            return (value, VectorMath.Norm(scratch));
        }
    }
}

// ThickRestartLanczos: the top eigenpair of a symmetric positive semidefinite operator given only as x -> S x, for the
// theory's two operators too large to decompose densely: Theorem 5's Kronecker sum and the Gram matrix of a wide matrix
// whose spectral norm is wanted.
using System.Diagnostics;
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Kernels;

namespace Sharpness.Theory.Linear;

/// <summary>The largest eigenvalue and a unit eigenvector of a symmetric PSD operator, matrix-free.</summary>
internal static class ThickRestartLanczos
{
    // The Krylov basis: 20 vectors (ARPACK's ncv for one eigenvalue), fewer when they would pass BasisBytes, never under 8;
    // a thick restart keeps half. 600 restarts allow about 6000 products.
    private const long BasisBytes = 256L << 20;
    private const int MinBasis = 8;
    private const int MaxBasis = 20;
    private const int MaxRestarts = 600;

    // DGKS: a second Gram-Schmidt pass when the first left less than 1/sqrt(2) of the norm.
    private const double Reorthogonalize = 0.70710678118654752;

    // The top eigenpair of the n x n symmetric PSD operator apply(x, y): y = S x, with scale >= lambda_max(S) (a trace).
    // Lanczos with full re-orthogonalization and thick restarts (Wu and Simon 2000): block classical Gram-Schmidt, all inner
    // products in one sweep and one combined update, the first update and the second pass's inner products in one sweep
    // (Blas.AxpyDotMany), the second update only when the first pass removed most of the vector (Daniel, Gragg, Kaufman and
    // Stewart 1976). The projection H = V^T S V is kept whole (its upper triangle from the Gram-Schmidt coefficients) and
    // its top Ritz pair taken every step. A full basis restarts from its top Ritz vectors and the next Krylov direction, so
    // the Krylov space is not thrown away. The scale bounds the operator, so the stopping rule
    // ||S x - theta x|| <= 1e-12 scale (checked on the true residual, one extra product) is a backward error relative to
    // the operator's size; operatorName names the operator in the error message.
    public static (double Value, double[] Vector) TopEigenpair(int n, Action<double[], double[]> apply, double scale, string operatorName)
    {
        Debug.Assert(n > 0 && scale >= 0, "the callers pass a dimension and a trace");
        var capacity = Math.Min(n, (int)Math.Clamp(BasisBytes / (8L * n), MinBasis, MaxBasis));
        var keep = capacity / 2;
        var target = 1e-12 * scale;
        var random = new Random(20250930);
        var x = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = random.NextDouble() - 0.5;
        }

        Blas.Scale(1 / Norm(x), x);
        var basis = new List<double[]>(capacity) { x };
        var spare = new Stack<double[]>();
        var h = new double[capacity, capacity];
        var w = new double[n];
        var first = new double[capacity];
        var second = new double[capacity];
        var image = new double[n];
        var residual = double.PositiveInfinity;
        for (var restart = 0; restart < MaxRestarts; restart++)
        {
            // Assigned at the first step of the loop below; initialized here so that a mutant of the loop still compiles
            // (Stryker drops every mutant of a method where one fails definite assignment).
            double[] values = [];
            var vectors = Matrix<double>.Build.Dense(1, 1);
            var beta = 0.0;
            var invariant = false;
            var estimate = 0.0;
            var converged = false;
            while (true)
            {
                var j = basis.Count - 1;
                apply(basis[j], w);
                var before = Norm(w);
                var c = first.AsSpan(0, j + 1);
                var c2 = second.AsSpan(0, j + 1);
                Blas.DotMany(basis, w, c);
                beta = Math.Sqrt(Blas.AxpyDotMany(-1, basis, c, w, c2));
                AddToColumn(h, c);
                if (beta < Reorthogonalize * before)
                {
                    Blas.AxpyMany(-1, basis, c2, w);
                    AddToColumn(h, c2);
                    beta = Norm(w);
                }

                var k = j + 1;
                (values, vectors) = RitzPairs(h, k);
                invariant = beta <= 1e-14 * Math.Max(scale, double.Epsilon);

                // The Lanczos residual of the top Ritz pair: ||S V s - theta V s|| = beta |s_k| (up to the symmetrization).
                estimate = beta * Math.Abs(vectors[k - 1, k - 1]);
                converged = invariant || estimate <= target / 2;
                if (converged || k == capacity)
                {
                    break;
                }

                Blas.Scale(1 / beta, w);
                basis.Add(w);
                w = spare.TryPop(out var free) ? free : new double[n];
            }

            var m = basis.Count;
            var theta = values[m - 1];
            var ritz = RitzVectors(basis, vectors, invariant ? 1 : Math.Clamp(m - 1, 1, keep), spare);

            // The true residual (one product) only where the Lanczos residual says the pair has converged: a full basis whose
            // estimate is above the target restarts without it.
            residual = estimate;
            if (converged)
            {
                apply(ritz[0], image);
                Blas.Axpy(-theta, ritz[0], image);
                residual = Norm(image);
                if (residual <= target)
                {
                    return (theta, ritz[0]);
                }
            }

            // The restarted basis: the kept Ritz vectors y_t (S y_t = theta_t y_t + beta s_(k,t) v, so H starts diagonal and
            // its arrowhead row comes from the Gram-Schmidt coefficients of S v) and the next direction v = w / beta.
            // Past an invariant subspace there is no next direction: the top Ritz vector alone starts again.
            foreach (var old in basis)
            {
                spare.Push(old);
            }

            basis.Clear();
            basis.AddRange(ritz);
            Array.Clear(h);
            for (var t = 0; t < ritz.Length; t++)
            {
                h[t, t] = values[m - 1 - t];
            }

            if (!invariant)
            {
                Blas.Scale(1 / beta, w);
                basis.Add(w);
                w = spare.Pop();
            }
        }

        throw new InvalidOperationException(
            $"The Krylov iteration for the top eigenpair of {operatorName} stopped at residual {residual:G3} " +
            $"(target {target:G3}) after {MaxRestarts} restarts.");
    }

    // Adds the Gram-Schmidt coefficients v_i^T S v_j of a pass to column j = c.Length - 1 of the projection's upper triangle.
    private static void AddToColumn(double[,] h, ReadOnlySpan<double> c)
    {
        var j = c.Length - 1;
        for (var i = 0; i <= j; i++)
        {
            h[i, j] += c[i];
        }
    }

    // The normalized Ritz vectors V s_t of the top count Ritz values (columns k - 1 - t of vectors), in spare arrays.
    private static double[][] RitzVectors(List<double[]> basis, Matrix<double> vectors, int count, Stack<double[]> spare)
    {
        var k = basis.Count;
        var n = basis[0].Length;
        var result = new double[count][];
        var s = new double[k];
        for (var t = 0; t < count; t++)
        {
            var y = spare.TryPop(out var free) ? free : new double[n];
            Array.Clear(y);
            for (var i = 0; i < k; i++)
            {
                s[i] = vectors[i, k - 1 - t];
            }

            Blas.AxpyMany(1, basis, s, y);
            Blas.Scale(1 / Norm(y), y);
            result[t] = y;
        }

        return result;
    }

    // The iteration's vectors are near unit length (stored units), so squaring is safe.
    private static double Norm(double[] x) => Math.Sqrt(Blas.Dot(x, x));

    // The eigenvalues (ascending) and unit eigenvectors of the symmetrized leading k x k block of h.
    private static (double[] Values, Matrix<double> Vectors) RitzPairs(double[,] h, int k)
    {
        var projected = Matrix<double>.Build.Dense(k, k, (i, j) => i <= j ? h[i, j] : h[j, i]);
        var evd = projected.Evd(Symmetricity.Symmetric);
        return ([.. evd.EigenValues.Select(v => v.Real)], evd.EigenVectors);
    }
}

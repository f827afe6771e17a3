// EXACT-T5: at any minimizer lambda_max = 2 lambda_max(sum_i B_i^T B_i (x) A_i A_i^T) (Theorem 5, eq. 22).
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Theory;
using Sharpness.Theory.Exact;
using Sharpness.Theory.Linear;
using Sharpness.Verification.Generators;

namespace Sharpness.Verification.Claims.Exact;

/// <summary>EXACT Theorem 5, eq. 22.</summary>
public static class ExactT5
{
    /// <summary>The claim, its properties and mutants.</summary>
    public static Claim Claim { get; } = new(
        "EXACT-T5",
        "EXACT Theorem 5, eq. 22",
        "At any minimizer lambda_max = 2 lambda_max(sum_i B_i^T B_i (x) A_i A_i^T).",
        Expectation.Holds,
        "Holds at every minimizer tried (zero, rank-deficient and tied targets, depth up to 20), and against Lanczos at N > 100,000.",
        [
            new ClaimProperty<MinimizerRecipe>(
                "LambdaMaxEqualsDenseOracle",
                "Theorem 5's value equals the dense oracle's lambda_max and U_i = A_i^T X B_i^T (normalized) attains it.",
                Minimizers.Recipes(ShapeFamily.Any, MinimizerKind.Gaussian, MinimizerKind.Balanced, MinimizerKind.GaugedBalanced, MinimizerKind.RescaledBalanced),
                (r, f) => LambdaMaxChecks.ValueAndDirection(r, f.Theorem5LambdaMax, f.Theorem5Direction)),
        ],
        [
            new Mutant("DroppedFactorTwo", "lambda_max of the Kronecker sum without the factor 2.",
                f => f with { Theorem5LambdaMax = m => Theorem5.LambdaMax(m) / 2 }),
            new Mutant("SumOfLayerMaxima", "2 sum_i lambda_max(B_i^T B_i) lambda_max(A_i A_i^T): the maximum of a sum taken as the sum of maxima (eq. 34's bound).",
                f => f with { Theorem5LambdaMax = Corollary10.UpperBound }),
            new Mutant("TraceInsteadOfLambdaMax", "2 trace(sum_i B_i^T B_i (x) A_i A_i^T): the Frobenius (trace) size in place of the spectral one.",
                f => f with { Theorem5LambdaMax = m => 2 * Enumerable.Range(1, m.Depth).Sum(i => Math.Pow(m.LeftProduct(i).FrobeniusNorm() * m.RightProduct(i).FrobeniusNorm(), 2)) }),
            new Mutant("SwappedKroneckerEigenvector", "The top eigenvector of sum_i A_i A_i^T (x) B_i^T B_i (swapped Kronecker order) reshaped as if it were vec of a d_L x d_0 matrix.",
                f => f with { Theorem5Direction = SwappedKroneckerDirection }),
        ]);

    /// <summary>
    /// Swapping the Kronecker factors leaves the eigenvalues unchanged (the two sums are similar through the
    /// perfect shuffle), so for the value it is an equivalent mutant; it is wrong for the eigenvector, which
    /// then describes a <c>d_0 x d_L</c> matrix. This builds the direction from that misread eigenvector.
    /// </summary>
    public static Direction SwappedKroneckerDirection(Minimizer minimizer) =>
        DirectionFrom(minimizer, SwappedOperator(minimizer).TopEigenpair().Vector);

    /// <summary>The swapped-order operator <c>sum_i A_i A_i^T (x) B_i^T B_i</c> (acting on <c>d_0 x d_L</c> matrices).</summary>
    public static KroneckerSumOperator SwappedOperator(Minimizer minimizer)
    {
        ArgumentNullException.ThrowIfNull(minimizer);
        var grams = Enumerable.Range(1, minimizer.Depth).Select(i => (A: minimizer.LeftProduct(i), B: minimizer.RightProduct(i))).ToList();
        return new KroneckerSumOperator(
            [.. grams.Select(g => g.B.TransposeThisAndMultiply(g.B))],
            [.. grams.Select(g => g.A.TransposeAndMultiply(g.A))]);
    }

    private static Direction DirectionFrom(Minimizer minimizer, Matrix<double> misread)
    {
        // The d_0 x d_L eigenvector's storage read as a d_L x d_0 matrix: the mistake the mutant makes.
        var x = Matrix<double>.Build.Dense(minimizer.Widths[^1], minimizer.Widths[0], misread.ToColumnMajorArray());
        var parts = Enumerable.Range(1, minimizer.Depth).Select(i => minimizer.LeftProduct(i).TransposeThisAndMultiply(x).TransposeAndMultiply(minimizer.RightProduct(i))).ToList();
        var direction = new Direction(parts);
        return direction.Norm > 0 ? direction.Normalized() : Theorem5.MaximizingDirection(minimizer);
    }
}

// Theorem 5 through thin factors (issue 11 item 5) against the Gram formulation of eq. 22 it replaced: the operator
// AtMinimizer builds (identity ends never formed, thin A_i, B_i applied through themselves) and the one built from the
// Gram matrices P_i = A_i A_i^T, Q_i = B_i^T B_i with the public constructor must have the same top eigenvalue, and the
// thin operator's eigenvector must be an eigenvector of the Gram one.
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Theory;
using Sharpness.Theory.Constructions;
using Sharpness.Theory.Exact;
using Sharpness.Theory.Linear;
using Xunit;

namespace Sharpness.Tests.Properties.Theory;

[Trait("Claim", "EXACT-T5")]
public sealed class ThinFactorTests
{
    // 32 recipes from one seed: depth 1-4, ends 1-30 with one case in four a wide end (up to 450), hidden widths from
    // min(d_0, d_L) (feasible, eq. 17, and thin next to a wide end) to 40, layer scales 1e-3..1e3. Both solver paths
    // (dense up to d_0 d_L = 400, Lanczos beyond) and both ways of applying a factor are reached (checked below).
    public static TheoryData<int[], int> Recipes()
    {
        var random = new Random(20261202);
        var data = new TheoryData<int[], int>();
        for (var i = 0; i < 32; i++)
        {
            var depth = random.Next(1, 5);
            int End() => random.Next(4) == 0 ? random.Next(100, 451) : random.Next(1, 31);
            var (d0, dL) = (End(), End());
            if (d0 * dL > 1500)
            {
                dL = random.Next(1, 4);
            }

            var widths = new int[depth + 1];
            widths[0] = d0;
            widths[depth] = dL;
            for (var k = 1; k < depth; k++)
            {
                widths[k] = random.Next(Math.Min(d0, dL), Math.Max(Math.Min(d0, dL), 40) + 1);
            }

            data.Add(widths, random.Next());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Recipes))]
    public void ExactT5_ThinFactors_SameLambdaMaxAsTheGramFormulation(int[] widths, int seed)
    {
        var random = new Random(seed);
        var minimizer = Unbalanced.Gaussian(widths, random, scale: Math.Pow(10, (6 * random.NextDouble()) - 3) / Math.Sqrt(widths.Max()));
        var (thin, vector) = KroneckerSumOperator.AtMinimizer(minimizer).TopEigenpair();
        var gram = GramOperator(minimizer);

        Assert.True(Agree(gram, thin, vector, out var why), $"widths ({string.Join(", ", widths)}), seed {seed}: {why}");
    }

    [Fact]
    public void ExactT5_ThinFactors_Recipes_ReachBothPathsAndAWideEnd()
    {
        var recipes = Recipes().Select(row => (int[])row[0]).ToList();
        Assert.Contains(recipes, w => w[0] * w[^1] <= KroneckerSumOperator.MaterializeLimit);
        Assert.Contains(recipes, w => w[0] * w[^1] > KroneckerSumOperator.MaterializeLimit);
        Assert.Contains(recipes, w => Math.Max(w[0], w[^1]) >= 100 && w.Length > 2 && w[1..^1].Min() * 2 < Math.Max(w[0], w[^1]));
        Assert.Contains(recipes, w => w.Length == 2);
    }

    // The check must be able to fail: a Kronecker sum that drops the identity-end terms (what forgetting A_L = I or
    // B_1 = I would do) and one with each Gram formed the wrong way round (A^T A padded, here on square widths) are rejected.
    [Fact]
    public void ExactT5_ThinFactors_Check_RejectsDroppedIdentityTerms()
    {
        var minimizer = Unbalanced.Gaussian([30, 24, 22, 20], new Random(5));
        var (thin, vector) = KroneckerSumOperator.AtMinimizer(minimizer).TopEigenpair();
        var middleOnly = new KroneckerSumOperator(
            [Gram(minimizer.LeftProduct(2))],
            [Gram(minimizer.RightProduct(2).Transpose())]);

        Assert.False(Agree(middleOnly, thin, vector, out var why), why);
    }

    [Fact]
    public void ExactT5_ThinFactors_Check_RejectsTransposedGrams()
    {
        var minimizer = Unbalanced.Gaussian([12, 12, 12, 12], new Random(6));
        var (thin, vector) = KroneckerSumOperator.AtMinimizer(minimizer).TopEigenpair();
        var transposed = new KroneckerSumOperator(
            [.. Enumerable.Range(1, 3).Select(i => Gram(minimizer.LeftProduct(i).Transpose()))],
            [.. Enumerable.Range(1, 3).Select(i => Gram(minimizer.RightProduct(i)))]);

        Assert.False(Agree(transposed, thin, vector, out var why), why);
    }

    // Widths (20000, 4, 1): S = ||W_2||^2 I + W_1^T W_1 (term 1 has B_1 = I, term 2 has A_2 = I), so
    // lambda_max(S) = ||W_2||^2 + smax(W_1)^2, with smax(W_1)^2 the top eigenvalue of the 4 x 4 W_1 W_1^T. The Gram
    // formulation would need two 20000 x 20000 matrices (6.4 GB); the thin one needs none.
    [Fact]
    public void ExactT5_WideInputThinHidden_IsTheNormPlusTheTopSingularValue()
    {
        var minimizer = Unbalanced.Gaussian([20000, 4, 1], new Random(7));
        var w1 = minimizer.Layer(1);
        var w2 = minimizer.Layer(2);
        var expected = 2 * ((w2 * w2.Transpose())[0, 0] + (w1 * w1.Transpose()).Evd(Symmetricity.Symmetric).EigenValues[^1].Real);

        Assert.Equal(expected, Theorem5.LambdaMax(minimizer), expected * 1e-12);
    }

    // One layer 1 x 20000: the loss ||M - W||^2 has Hessian 2 I (EXACT eq. 22 with A_1 = I_1, B_1 = I_20000), so
    // lambda_max = 2 exactly, and the maximizing direction is a unit matrix of W's shape.
    [Fact]
    public void ExactT5_SingleWideLayer_IsTwo()
    {
        var minimizer = Unbalanced.Gaussian([20000, 1], new Random(8));

        Assert.Equal(2, Theorem5.LambdaMax(minimizer), 1e-15);
        var direction = Theorem5.MaximizingDirection(minimizer);
        Assert.Equal(1, direction.Norm, 1e-12);
        Assert.Equal(2, Corollary10.UpperBound(minimizer), 1e-15);
    }

    private static KroneckerSumOperator GramOperator(Minimizer minimizer) => new(
        [.. Enumerable.Range(1, minimizer.Depth).Select(i => Gram(minimizer.LeftProduct(i)))],
        [.. Enumerable.Range(1, minimizer.Depth).Select(i => Gram(minimizer.RightProduct(i).Transpose()))]);

    private static Matrix<double> Gram(Matrix<double> a) => a * a.Transpose();

    // The thin top eigenvalue within Tolerance.LanczosOracle of the Gram one (relative to it: S is PSD, so lambda_max is its
    // norm), and the thin eigenvector's residual under the Gram operator within the same tolerance.
    private static bool Agree(KroneckerSumOperator gram, double thin, Matrix<double> vector, out string why)
    {
        var expected = gram.TopEigenpair().Value;
        var residual = (gram.Apply(vector) - (thin * vector)).FrobeniusNorm();
        why = $"thin {thin:R}, Gram {expected:R}, residual {residual:G3}";
        return Tolerance.LanczosOracle.IsClose(thin, expected, expected) && Tolerance.LanczosOracle.IsClose(residual, 0, expected);
    }
}

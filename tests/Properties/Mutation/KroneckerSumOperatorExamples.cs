// Fixed examples of the Kronecker sum of EXACT Theorem 5 (claim EXACT-T5), S = sum_i Q_i (x) P_i acting as
// X -> sum_i P_i X Q_i, on diagonal factors whose spectrum is known exactly: the eigenvalues of diag(p) (x) diag(q)
// summed over terms are the sums of products p_a q_b, with coordinate matrices e_a e_b^T as eigenvectors.
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Theory.Linear;
using Xunit;

namespace Sharpness.Tests.Properties.Mutation;

[Trait("Claim", "EXACT-T5")]
public sealed class KroneckerSumOperatorExamples
{
    private static Matrix<double> Diag(params double[] d) => Matrix<double>.Build.DenseOfDiagonalArray(d);

    private static Matrix<double> Range(int n, Func<int, double> f) => Diag([.. Enumerable.Range(1, n).Select(f)]);

    [Fact]
    public void Apply_IsTheSumOfPXQ()
    {
        // P_1 = diag(1, 2), Q_1 = diag(3, 5, 7); P_2 = [[0, 1], [1, 0]], Q_2 = I_3; X = ones(2, 3).
        // P_1 X Q_1 = [[3, 5, 7], [6, 10, 14]]; P_2 X Q_2 = X.
        var s = new KroneckerSumOperator([Diag(1, 2), Matrix<double>.Build.DenseOfArray(new double[,] { { 0, 1 }, { 1, 0 } })], [Diag(3, 5, 7), Diag(1, 1, 1)]);
        var y = s.Apply(Matrix<double>.Build.Dense(2, 3, 1));

        Assert.Equal(Matrix<double>.Build.DenseOfArray(new double[,] { { 4, 6, 8 }, { 7, 11, 15 } }), y);
        Assert.Equal(2, s.Rows);
        Assert.Equal(3, s.Columns);
        Assert.Equal(6, s.Dimension);
    }

    [Fact]
    public void Materialize_IsTheSumOfQKroneckerP()
    {
        // Q (x) P for P = diag(1, 2), Q = diag(3, 5): diag(3, 6, 5, 10) (vec is column-major), plus the identity of term 2.
        var s = new KroneckerSumOperator([Diag(1, 2), Diag(1, 1)], [Diag(3, 5), Diag(1, 1)]);
        Assert.Equal(Diag(4, 7, 6, 11), s.Materialize());
    }

    [Fact]
    public void Materialize_RefusesMoreThanMaterializeLimitSquaredOverFour()
    {
        // 201 * 200 = 40,200 > 400^2 / 4 = 40,000.
        var s = new KroneckerSumOperator([Matrix<double>.Build.DenseIdentity(201)], [Matrix<double>.Build.DenseIdentity(200)]);
        var ex = Assert.Throws<InvalidOperationException>(() => s.Materialize());
        Assert.Contains("Refusing to materialize a 40200x40200 Kronecker sum", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TopEigenpair_Dense_IsTheLargestProductWithItsCoordinateMatrix()
    {
        // Eigenvalues p_a q_b + 1: the largest is 2 * 5 + 1 = 11 at X = e_2 e_2^T.
        var (value, vector) = new KroneckerSumOperator([Diag(1, 2), Diag(1, 1)], [Diag(3, 5), Diag(1, 1)]).TopEigenpair();

        Assert.Equal(11, value, 12);
        Assert.Equal(1, Math.Abs(vector[1, 1]), 12);
        Assert.Equal(1, vector.FrobeniusNorm(), 12);
    }

    [Fact]
    public void TopEigenpair_BeyondMaterializeLimit_ConvergesToTheExactTop()
    {
        // d_L d_0 = 21 * 21 = 441 > 400: the Krylov path. Eigenvalues a b (a, b in 1..21): top 441, next 420.
        var s = new KroneckerSumOperator([Range(21, a => a)], [Range(21, b => b)]);
        Assert.True(s.Dimension > KroneckerSumOperator.MaterializeLimit);
        var (value, vector) = s.TopEigenpair();

        Assert.Equal(441, value, 9);
        Assert.Equal(1, Math.Abs(vector[20, 20]), 9);
        Assert.Equal(1, vector.FrobeniusNorm(), 12);
        Assert.True((s.Apply(vector) - (value * vector)).FrobeniusNorm() <= 1e-9 * value);
    }

    [Fact]
    public void TopEigenpair_BeyondMaterializeLimit_WithFewDistinctEigenvalues_StopsAtTheInvariantSubspace()
    {
        // P = diag(1..21), Q = I: X -> P X has eigenvalues 1..21, so the Krylov space becomes invariant after 21 of its
        // 40 vectors; the top eigenvalue 21 has the eigenspace of matrices supported on row 21.
        var s = new KroneckerSumOperator([Range(21, a => a)], [Matrix<double>.Build.DenseIdentity(21)]);
        var (value, vector) = s.TopEigenpair();

        Assert.Equal(21, value, 9);
        Assert.Equal(1, vector.Row(20).L2Norm(), 9);
    }

    [Fact]
    public void TopEigenpair_BeyondMaterializeLimit_ZeroOperator_IsZero()
    {
        // S = 0: the first Krylov direction already vanishes; lambda_max 0 (a zero target at the origin).
        var zero = Matrix<double>.Build.Dense(21, 21);
        var (value, vector) = new KroneckerSumOperator([zero], [zero]).TopEigenpair();

        Assert.Equal(0, value);
        Assert.Equal(1, vector.FrobeniusNorm(), 12);
    }

    [Fact]
    public void Constructor_RejectsUnequalTermCounts()
    {
        var ex = Assert.Throws<ArgumentException>(() => new KroneckerSumOperator([Diag(1)], [Diag(1), Diag(1)]));
        Assert.Equal("left", ex.ParamName);
        Assert.Contains("got 1 and 2", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new KroneckerSumOperator([], []));
    }

    [Fact]
    public void Constructor_RejectsFactorsOfInconsistentShape()
    {
        var left = Assert.Throws<ArgumentException>(() => new KroneckerSumOperator([Diag(1, 1), Diag(1, 1, 1)], [Diag(1), Diag(1)]));
        Assert.Equal("left", left.ParamName);
        Assert.Contains("P[2] must be 2x2 but is 3x3", left.Message, StringComparison.Ordinal);

        var right = Assert.Throws<ArgumentException>(() => new KroneckerSumOperator([Diag(1), Diag(1)], [Diag(1, 1), Matrix<double>.Build.Dense(2, 3)]));
        Assert.Equal("right", right.ParamName);
        Assert.Contains("Q[2] must be 2x2 but is 2x3", right.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_RejectsXOfTheWrongShape()
    {
        var s = new KroneckerSumOperator([Diag(1, 2)], [Diag(3, 5, 7)]);
        var ex = Assert.Throws<ArgumentException>(() => s.Apply(Matrix<double>.Build.Dense(3, 2)));
        Assert.Equal("x", ex.ParamName);
        Assert.Contains("X must be 2x3 but is 3x2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_CopiesItsFactors()
    {
        var p = Diag(1, 2);
        var s = new KroneckerSumOperator([p], [Diag(1)]);
        p[1, 1] = 100;
        Assert.Equal(2, s.TopEigenpair().Value, 12);
    }
}

using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Theory;
using Sharpness.Theory.Constructions;

namespace Sharpness.Verification.Generators;

/// <summary>
/// A balanced minimizer of a target whose top <see cref="Ties"/> singular values are exactly equal (to <c>10^e</c>), the others
/// distinct and smaller (some zero when <see cref="WithZero"/>): the exact singular values are known, not read back from an
/// SVD (which would split the tie by a few ulps), so a formula can be evaluated exactly on the tie (GHOSH-BAL).
/// </summary>
public sealed record TiedBalancedCase(IReadOnlyList<int> Widths, int Ties, bool WithZero, int ScaleExponent, int Seed) : IHasDepth
{
    /// <summary>The depth <c>L</c>.</summary>
    public int Depth => Widths.Count - 1;

    /// <summary>Depth 1..4, <c>d_0, d_L</c> in 2..4, hidden widths up to 4 (feasible, EXACT eq. 17), 2..r tied values.</summary>
    public static Arbitrary<TiedBalancedCase> All()
    {
        var gen =
            from depth in Gen.Choose(1, 4)
            from d0 in Gen.Choose(2, 4)
            from dL in Gen.Choose(2, 4)
            from hidden in Gen.ArrayOf(Gen.Choose(Math.Min(d0, dL), 4), depth - 1)
            from ties in Gen.Choose(2, Math.Min(d0, dL))
            from withZero in Gen.Elements(false, true)
            from exponent in Gen.Choose(-3, 3)
            from seed in Gen.Choose(0, int.MaxValue)
            select new TiedBalancedCase([d0, .. hidden, dL], ties, withZero, exponent, seed);
        return Arb.From(gen);
    }

    /// <summary>The singular values of the target, descending: <see cref="Ties"/> copies of <c>10^e</c>, then distinct
    /// values in <c>(0.05, 0.95) 10^e</c>, the last one 0 when <see cref="WithZero"/> and there is room.</summary>
    public IReadOnlyList<double> SingularValues()
    {
        var random = new Random(Seed);
        var r = Math.Min(Widths[0], Widths[^1]);
        var top = Math.Pow(10, ScaleExponent);
        var rest = Enumerable.Range(0, r - Ties).Select(_ => top * (0.05 + (0.9 * random.NextDouble()))).OrderDescending().ToList();
        if (WithZero && rest.Count > 0)
        {
            rest[^1] = 0;
        }

        return [.. Enumerable.Repeat(top, Ties), .. rest];
    }

    /// <summary>
    /// The balanced minimizer <c>W_i = Q_i diag(s)^(1/L) Q_(i-1)^T</c> with random orthonormal <c>Q_0 = V</c>, <c>Q_L = U</c> and
    /// hidden <c>Q_i</c>, of its own product <c>M = U diag(s) V^T</c>. Built from the known <c>s</c> rather than from an SVD of
    /// <c>M</c>: a zero singular value read back as 1e-17 would become 1e-17^(1/L) (1e-4 at L = 4) in the layers.
    /// </summary>
    public Minimizer Build()
    {
        var random = new Random(unchecked(Seed + 1));
        var s = SingularValues();
        var root = Matrix<double>.Build.DenseOfDiagonalArray([.. s.Select(x => Math.Pow(x, 1.0 / Depth))]);
        var bases = Enumerable.Range(0, Depth + 1).Select(i => RandomMatrices.Orthonormal(Widths[i], s.Count, random)).ToArray();
        return Minimizer.OfProduct(Enumerable.Range(1, Depth).Select(i => bases[i] * root * bases[i - 1].Transpose()));
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"tied x{Ties}{(WithZero ? " with a zero" : string.Empty)} widths ({string.Join(",", Widths)}) scale 1e{ScaleExponent} seed {Seed}");
}

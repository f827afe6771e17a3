using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Theory.Linear;
using Sharpness.Theory.Regularized;

namespace Sharpness.Verification.Generators;

/// <summary>
/// A regularized matrix problem: widths (depth 2..4, widths 1..3), a target of a given kind (drawn as in
/// <see cref="MinimizerRecipe"/>), and lambda as a multiple of the threshold <c>lambda_c(smax(M), L)</c> (of 1 when
/// <c>M = 0</c>). A factor of exactly 1 puts the top singular value on its tie. The target's entries are of size
/// <c>10^ScaleExponent</c>.
/// </summary>
public sealed record RegularizedMatrixCase(IReadOnlyList<int> Widths, TargetKind Target, double LambdaFactor, int Seed, int ScaleExponent = 0) : IHasDepth, IHasScaleRegime
{
    /// <summary>
    /// The largest decimal exponent of the target's entries the wide draws take, either way: as for
    /// <see cref="ScalarRegularizedCase.WideExponent"/>, the loss (of size <c>||M||_F^2</c>) and 1e-12 of it stay normal doubles.
    /// </summary>
    public const int WideExponent = 140;

    /// <summary>The depth <c>L</c>.</summary>
    public int Depth => Widths.Count - 1;

    /// <inheritdoc />
    public string ScaleRegime => ScaleExponent switch
    {
        <= -WideExponent or >= WideExponent => "scale at the edge of the double range",
        < -3 => "tiny scale (below 1e-3)",
        > 3 => "huge scale (above 1e3)",
        _ => "moderate scale (1e-3..1e3)",
    };

    /// <summary>True when a hidden width is below <c>min(d_0, d_L)</c> (only <see cref="WithBottlenecks"/> draws these).</summary>
    public bool HasBottleneck => Widths.Min() < Math.Min(Widths[0], Widths[^1]);

    /// <summary>The target <c>M</c>, drawn at the widths with every hidden width raised to <c>min(d_0, d_L)</c>: a bottleneck
    /// leaves the target as it is (of full rank), and fits only part of it.</summary>
    public Matrix<double> TargetMatrix()
    {
        var r = Math.Min(Widths[0], Widths[^1]);
        IReadOnlyList<int> feasible = [Widths[0], .. Widths.Skip(1).SkipLast(1).Select(d => Math.Max(d, r)), Widths[^1]];
        return new MinimizerRecipe(MinimizerKind.Balanced, Target, feasible, ScaleExponent, Seed).Build().Target;
    }

    /// <summary>lambda itself.</summary>
    public double Lambda
    {
        get
        {
            var top = SpectralNorm.Of(TargetMatrix());
            return top == 0 ? LambdaFactor : LambdaFactor * CriticalLambda.Of(top, Depth);
        }
    }

    /// <summary>True when some singular value sits exactly on its tie, <c>lambda = lambda_c(s_j, L)</c> with L &gt;= 3.</summary>
    public bool IsOnTheTieSet => Depth >= 3 && LambdaFactor == 1 && SpectralNorm.Of(TargetMatrix()) > 0;

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Target} target{(ScaleExponent == 0 ? string.Empty : $" scale 1e{ScaleExponent}")}, widths ({string.Join(",", Widths)}), lambda = {LambdaFactor:R} lambda_c(smax M), seed {Seed}");

    /// <summary>
    /// Cases over every regime of lambda, the tie included, with targets of size 1 and, one case in six, of size
    /// <c>10^e</c> with <c>|e|</c> up to <see cref="WideExponent"/> (half of those at its edges): the problem is homogeneous, so a
    /// wide case must give the verdict of the same case at scale 1.
    /// </summary>
    public static Arbitrary<RegularizedMatrixCase> All()
    {
        var exponent = Gen.Frequency(
            (5, Gen.Constant(0)),
            (1, Gen.Frequency(
                (1, Gen.Elements(-WideExponent, WideExponent)),
                (1, Gen.OneOf(Gen.Choose(-WideExponent, -4), Gen.Choose(4, WideExponent))))));
        var gen =
            from depth in Gen.Choose(2, 4)
            from d0 in Gen.Choose(1, 3)
            from dL in Gen.Choose(1, 3)
            from hidden in Gen.ArrayOf(Gen.Choose(Math.Min(d0, dL), 3), depth - 1)
            from target in Gen.Elements(TargetKind.Generic, TargetKind.Generic, TargetKind.Zero, TargetKind.RankDeficient, TargetKind.TiedTop)
            from factor in Gen.Frequency((2, Gen.Constant(1.0)), (6, Gen.Choose(-3000, 1000).Select(e => Math.Exp(e / 1000.0))))
            from seed in Gen.Choose(0, int.MaxValue)
            from e in exponent
            select Labelled(new RegularizedMatrixCase([d0, .. hidden, dL], target, factor, seed, e));
        return Arb.From(gen);
    }

    /// <summary>
    /// The cases of <see cref="All"/> and, one in three, cases with a bottleneck: <c>min(d_0, d_L) &gt;= 2</c> and one hidden
    /// width drawn below it (the others as in <see cref="All"/>), so that some singular values of M stay unfitted (REGM-LMAX's
    /// step 6), a tie across the bottleneck included (<see cref="TargetKind.TiedTop"/> at a hidden width 1).
    /// </summary>
    public static Arbitrary<RegularizedMatrixCase> WithBottlenecks()
    {
        var bottlenecks =
            from depth in Gen.Choose(2, 4)
            from d0 in Gen.Choose(2, 3)
            from dL in Gen.Choose(2, 3)
            from hidden in Gen.ArrayOf(Gen.Choose(Math.Min(d0, dL), 3), depth - 1)
            from at in Gen.Choose(0, depth - 2)
            from narrow in Gen.Choose(1, Math.Min(d0, dL) - 1)
            from target in Gen.Elements(TargetKind.Generic, TargetKind.Generic, TargetKind.RankDeficient, TargetKind.TiedTop)
            from factor in Gen.Frequency((1, Gen.Constant(1.0)), (6, Gen.Choose(-3000, 1000).Select(e => Math.Exp(e / 1000.0))))
            from seed in Gen.Choose(0, int.MaxValue)
            select new RegularizedMatrixCase([d0, .. hidden.Select((d, i) => i == at ? narrow : d), dL], target, factor, seed);
        return Arb.From(Gen.Frequency((2, All().Generator), (1, bottlenecks)));
    }

    private static RegularizedMatrixCase Labelled(RegularizedMatrixCase c)
    {
        var rank = Math.Min(c.Widths[0], c.Widths[^1]);
        return c.Target switch
        {
            TargetKind.TiedTop when rank < 2 => c with { Target = TargetKind.Generic },
            TargetKind.RankDeficient when rank < 2 => c with { Target = TargetKind.Zero },
            _ => c,
        };
    }
}

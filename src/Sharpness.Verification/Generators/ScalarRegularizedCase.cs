using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Sharpness.Theory.Regularized;

namespace Sharpness.Verification.Generators;

/// <summary>
/// A regularized deep scalar problem: target <c>m</c>, depth <c>L</c>, and lambda as a multiple of the collapse
/// threshold <c>lambda_c(m, L)</c> (of 1 when <c>m = 0</c>), plus a sign pattern for the minimizers' layers.
/// </summary>
public sealed record ScalarRegularizedCase(double M, int Depth, double LambdaFactor, int SignPattern) : IHasDepth, IHasScaleRegime
{
    /// <summary>
    /// The largest decimal exponent of <c>|m|</c> the wide draws take, either way. The loss is of size <c>m^2</c> and the
    /// tolerances are 1e-12 of it, so at <c>|m| = 1e-140</c> the smallest bound (1e-292) is still a normal double; at
    /// <c>|m| = 1e140</c> the loss (1e280) and the Hessian (below <c>2 L |m|^(2 - 2/L)</c>) have room to spare below 1.8e308.
    /// </summary>
    public const int WideExponent = 140;

    /// <inheritdoc />
    public string ScaleRegime => Math.Abs(M) switch
    {
        0 => "moderate scale (1e-3..1e3)",
        var a when a <= Math.Pow(10, -WideExponent) || a >= Math.Pow(10, WideExponent) => "scale at the edge of the double range",
        < 1e-3 => "tiny scale (below 1e-3)",
        > 1e3 => "huge scale (above 1e3)",
        _ => "moderate scale (1e-3..1e3)",
    };

    /// <summary>lambda itself: <c>LambdaFactor * lambda_c(m, L)</c>, or <c>LambdaFactor</c> when <c>m = 0</c>.</summary>
    public double Lambda => M == 0 ? LambdaFactor : LambdaFactor * CriticalLambda.Of(M, Depth);

    /// <summary>The regime: below, at or above the threshold, or m = 0.</summary>
    public string Regime => M == 0 ? "m = 0" : LambdaFactor < 1 ? "lambda < lambda_c" : LambdaFactor == 1 ? "lambda = lambda_c" : "lambda > lambda_c";

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"m = {M:R}, L = {Depth}, lambda = {LambdaFactor:R} lambda_c = {Lambda:R}, signs {SignPattern}");

    /// <summary>
    /// Cases over every regime, with boundaries on purpose: lambda exactly at the threshold (the tie), 1e-3 either
    /// side of it, m = 0, and |m| from 1e-2 to 1e2; one case in eight far from 1, |m| from 1e-140 to 1e140
    /// (<see cref="WideExponent"/>), a third of those at its very edges. Every check is judged at the problem's own scales
    /// (the problem is homogeneous: <c>W_i -&gt; c W_i</c>, <c>m -&gt; c^L m</c>, <c>lambda -&gt; c^(2L-2) lambda</c> scales the loss by
    /// <c>c^(2L)</c>), so a wide case must give the verdict of the same case at <c>|m| = 1</c>.
    /// </summary>
    public static Arbitrary<ScalarRegularizedCase> All()
    {
        var wide = Gen.Frequency(
            (1, Gen.Elements(-WideExponent * 1000, WideExponent * 1000)),
            (2, Gen.OneOf(Gen.Choose(-WideExponent * 1000, -3000), Gen.Choose(3000, WideExponent * 1000))));
        var m = Gen.Frequency(
            (1, Gen.Constant(0.0)),
            (6, from sign in Gen.Elements(-1.0, 1.0) from e in Gen.Choose(-2000, 2000) select sign * Math.Pow(10, e / 1000.0)),
            (1, from sign in Gen.Elements(-1.0, 1.0) from e in wide select sign * Math.Pow(10, e / 1000.0)));
        var factor = Gen.Frequency(
            (2, Gen.Constant(1.0)),
            (1, Gen.Elements(1 - 1e-3, 1 + 1e-3)),
            (5, Gen.Choose(-3000, 2000).Select(e => Math.Exp(e / 1000.0))));
        var gen =
            from target in m
            from depth in Gen.Frequency((3, Gen.Constant(2)), (7, Gen.Choose(3, 8)))
            from f in factor
            from signs in Gen.Choose(0, 255)
            select new ScalarRegularizedCase(target, depth, f, signs);
        return Arb.From(gen, Shrink);
    }

    private static IEnumerable<ScalarRegularizedCase> Shrink(ScalarRegularizedCase c)
    {
        if (c.Depth > 2)
        {
            yield return c with { Depth = c.Depth - 1 };
        }

        if (c.SignPattern != 0)
        {
            yield return c with { SignPattern = 0 };
        }

        if (c.M != 0 && Math.Abs(c.M) != 1)
        {
            yield return c with { M = Math.Sign(c.M) };
        }
    }
}

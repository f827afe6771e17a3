using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Sharpness.Theory.Regularized;

namespace Sharpness.Verification.Generators;

/// <summary>
/// A regularized deep scalar problem: target <c>m</c>, depth <c>L</c>, and lambda as a multiple of the collapse
/// threshold <c>lambda_c(m, L)</c> (of 1 when <c>m = 0</c>), plus a sign pattern for the minimizers' layers.
/// </summary>
public sealed record ScalarRegularizedCase(double M, int Depth, double LambdaFactor, int SignPattern) : IHasDepth
{
    /// <summary>lambda itself: <c>LambdaFactor * lambda_c(m, L)</c>, or <c>LambdaFactor</c> when <c>m = 0</c>.</summary>
    public double Lambda => M == 0 ? LambdaFactor : LambdaFactor * CriticalLambda.Of(M, Depth);

    /// <summary>The regime: below, at or above the threshold, or m = 0.</summary>
    public string Regime => M == 0 ? "m = 0" : LambdaFactor < 1 ? "lambda < lambda_c" : LambdaFactor == 1 ? "lambda = lambda_c" : "lambda > lambda_c";

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"m = {M:R}, L = {Depth}, lambda = {LambdaFactor:R} lambda_c = {Lambda:R}, signs {SignPattern}");

    /// <summary>
    /// Cases over every regime, with boundaries on purpose: lambda exactly at the threshold (the tie), 1e-3 either
    /// side of it, m = 0, and |m| from 1e-2 to 1e2.
    /// </summary>
    public static Arbitrary<ScalarRegularizedCase> All()
    {
        var m = Gen.Frequency(
            (1, Gen.Constant(0.0)),
            (6, from sign in Gen.Elements(-1.0, 1.0) from e in Gen.Choose(-2000, 2000) select sign * Math.Pow(10, e / 1000.0)));
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

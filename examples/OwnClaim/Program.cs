// A conjecture of your own, checked like the suite's claims: at every minimizer of ||M - W_L ... W_1||_F^2,
//   lambda_max <= 2 sum_i prod_(j != i) ||W_j||_2^2,
// against the dense Hessian oracle on random minimizers, with a wrong variant (the bound halved) the property must reject.
using System.Globalization;
using Sharpness.Theory;
using Sharpness.Theory.Linear;
using Sharpness.Verification;
using Sharpness.Verification.Generators;

var cases = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
var settings = RunSettings.FromEnvironment() with { Cases = cases };
var conjecture = Verifier.Verify(Conjecture(Bound), settings);
var halved = Verifier.Verify(Conjecture(m => Bound(m) / 2), settings);
Console.WriteLine($"OWN-BOUND, {conjecture.Cases} cases from seed {settings.Replay}: {Verifier.Describe(conjecture)}");
Console.WriteLine($"mutant HalvedBound: {Verifier.Describe(halved)}");
Console.WriteLine(halved.Properties[0].Failure);
return conjecture.Verdict == Verdict.Holds && halved.Verdict == Verdict.NewCounterexample ? 0 : 1;

// The conjectured bound: twice the sum over layers i of the product of the other layers' squared spectral norms.
static double Bound(Minimizer m) =>
    2 * Enumerable.Range(1, m.Depth).Sum(i => Enumerable.Range(1, m.Depth).Where(j => j != i).Aggregate(1.0, (p, j) => p * Math.Pow(SpectralNorm.Of(m.Layer(j)), 2)));

// The claim with one property: the oracle's lambda_max is at most the bound, up to the oracle's own tolerance.
static Claim Conjecture(Func<Minimizer, double> bound) => new(
    "OWN-BOUND",
    "my notes, eq. 1",
    "At every minimizer, lambda_max <= 2 sum_i prod_(j != i) ||W_j||_2^2.",
    Expectation.Holds,
    "Open.",
    [
        new ClaimProperty<MinimizerRecipe>(
            "LambdaMaxBelowBound",
            "The dense oracle's lambda_max is at most the bound.",
            Minimizers.Recipes(ShapeFamily.Any, MinimizerKind.Gaussian, MinimizerKind.Balanced),
            (recipe, _) =>
            {
                var minimizer = recipe.Build();
                var dense = Oracle.Dense(minimizer);
                var value = bound(minimizer);
                return Outcome.Check(dense.LambdaMax <= value + Tolerance.DenseOracle.Bound(dense.Scale), "any", $"lambda_max {dense.LambdaMax:R}, bound {value:R}");
            }),
    ],
    []);

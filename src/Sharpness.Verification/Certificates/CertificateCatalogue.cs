// The certificates of the claims that have one: the Findings' counterexamples exactly, the lambda_max closed forms by
// intersecting enclosures at fixed Gaussian minimizers.
using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Intervals;
using Sharpness.Oracles;
using Sharpness.Theory;
using Sharpness.Theory.Certified;

namespace Sharpness.Verification.Certificates;

/// <summary>Every claim certificate, by claim ID.</summary>
public static class CertificateCatalogue
{
    // A formula's double must lie in the proven enclosure up to its own rounding: 1e-12 of ||H||_F is about 4500 eps,
    // far above the rounding of the closed forms (a few hundred eps) and far below a wrong formula's O(1) error.
    private const double FormulaRounding = 1e-12;

    // A direction attains lambda_max when its proven Rayleigh quotient reaches the proven lambda_max enclosure within
    // 1e-9 of ||H||_F: the Rayleigh quotient is second order in the direction's error, so a correct direction is within
    // eps-level, and a wrong one (a swapped or unnormalized weighting) is O(1) below.
    private const double DirectionSlack = 1e-9;

    /// <summary>The certificates, in catalogue order of their claims.</summary>
    public static IReadOnlyList<ClaimCertificate> All { get; } =
    [
        new("EXACT-T4", CertificateKind.Interval,
            "At Gaussian minimizers with widths (1,3,2,1) and (1,2,2,2,1): the proven lambda_max of the exact Hessian (M the exact product) intersects the enclosure of 2 sum_i ||A_i||^2 ||B_i||^2 (exact), the formula's value lies in it, and its unit direction attains it.",
            f => AtMinimizers([[1, 3, 2, 1], [1, 2, 2, 2, 1]], EnclosedClosedForms.Theorem4LambdaMax, f.Theorem4LambdaMax, f.Theorem4Direction)),
        new("EXACT-T5", CertificateKind.Interval,
            "At Gaussian minimizers with widths (2,3,2) and (2,3,3,3): the proven lambda_max of the exact Hessian intersects the enclosure of 2 lambda_max(sum_i B_i^T B_i (x) A_i A_i^T), the formula's value lies in it, and its direction attains it.",
            f => AtMinimizers([[2, 3, 2], [2, 3, 3, 3]], EnclosedClosedForms.Theorem5LambdaMax, f.Theorem5LambdaMax, f.Theorem5Direction)),
        new("EXACT-C6", CertificateKind.Interval,
            "At Gaussian minimizers with widths (2,3,2) and (3,3,2): the proven lambda_max intersects the enclosure of 2 (smax(L)^2 + smax(R)^2), the formula's value lies in it, and eq. 89's direction attains it.",
            f => AtMinimizers([[2, 3, 2], [3, 3, 2]], EnclosedClosedForms.Corollary6LambdaMax, f.Corollary6LambdaMax, f.Corollary6Direction)),
        new("EXACT-RANK", CertificateKind.Exact,
            "At Gaussian minimizers with widths (2,3,2) and (1,2,3,2): the exact Hessian's rank (fraction-free elimination) is exactly the formula's bound d_0 d_L.",
            ExactRank),
        new("EXACT-MM", CertificateKind.Exact,
            "Counterexample to eq. 31: at w = (1, 0, 0), m = 0 every Hessian entry is exactly 0 (flat) and the formula says eq. 31 fails; eq. 31 holds at the flat w = (2, 2), m = 4 (Hessian exactly [[8,8],[8,8]], lambda_max 16 = eq. 35); eq. 35 equals lambda_max at the flat diag(9,2,1) companion.",
            ExactMm),
        new("EXACT-CE", CertificateKind.Interval,
            "All-integer companion of Section 6: M = diag(9,2,1), L = diag(3,1,1), R = diag(3,2,1): lambda_max is proven to lie in an enclosure of 36 = 4 smax(M) (flat) that contains Corollary 6's value, while L L^T != R R^T and ||L||_F^2 = 11 != 14 = ||R||_F^2 exactly.",
            ExactCe),
        new("EXACT-TRACE", CertificateKind.Exact,
            "All-rational counterexample for a non-square target: M = [2 0 0 0] (1x4), W_1 = [2/l 0 0 0], W_2 = [l]: the exact Hessian trace is 8 l^2 + 8 / l^2 = 16 + 8 (l - 1/l)^2, least exactly at l = 1, where ||W_2||_F^2 = 1 != 4 = ||W_1||_F^2: trace-flat but not Frobenius-balanced; the formula's trace and trace-flatness agree.",
            ExactTrace),
        new("REG-T3", CertificateKind.Exact,
            "Counterexample at w = 0: L = 2, m = 0, lambda = 1 has the exact Hessian I (eigenvalues 1, 1) where eq. 17 prints {0, 2}; the corrected formula gives {1, 1}, and at w = 2, m = 9/2, lambda = 1 (exact Hessian [[9,7],[7,9]]) it gives eq. 17's {2, 16}.",
            RegT3),
        new("REG-T2", CertificateKind.Exact,
            "Counterexample at lambda = lambda_c: L = 3, m = 2, lambda = 3: rho = 0 and rho = 1 have exactly equal loss 4, and both are global: (2 - rho)^2 + 3|rho|^(2/3) - 4 = t^2 (t - 1)^2 (t^2 + 2t + 3) >= 0 (rho = t^3), an exact polynomial identity; the formula returns both.",
            RegT2),
        new("REG-ISO", CertificateKind.Exact,
            "Counterexample to 'full rank': L = 2, m = 1, lambda = 2, w = 0 has the exact Hessian [[2,-2],[-2,2]] with the exact null vector (1, 1), and w = 0 is the global minimizer ((1 - rho)^2 + 2|rho| - 1 = rho^2 + 2|rho| - 2 rho >= 0); the formula calls it singular.",
            RegIso),
        new("ABS-COLLAPSE", CertificateKind.Interval,
            "At L = 3, m = 2: the enclosure of lambda_c = L/(L-1) ((L-2)/(L-1))^(1-2/L) |m|^(2(1-1/L)) contains 3, where rho = 0 and rho = 1 tie exactly (REG-T2's certificate); the formula's lambda_c lies in it and its minimizers at lambda_c are both.",
            AbsCollapse),
        new("REGM-LMAX", CertificateKind.Interval,
            "At M = diag(2, 2), L = 3, lambda = 3 = lambda_c(2, 3) the three minimizers (0, 1 or 2 singular values keep rho = 1; loss exactly 8 each) have exact integer Hessians whose lambda_max enclosures contain 2, 8 and 12, each containing the formula's value; REG-T3 per singular value (4) lies outside the third; the flat value is 2. At the bottleneck widths (2, 1, 2), M = diag(5, 4), lambda = 2 the minimizer W_1 = [2 0], W_2 = [2 0]^T (loss exactly 25, s_2 unfitted) has an exact integer Hessian whose lambda_max enclosure contains the formula's 18 = 2 s_1 + 2 s_2 and excludes the fitted part's 16.",
            RegmLmax),
        new("REGM-CONST", CertificateKind.Exact,
            "The same three minimizers with a hidden width 3 (widths 2, 3, 2, 2) have exact integer Hessians of three different traces, each with exactly the formula's spectrum: prod (H - mu I) = 0 over its values and trace(H^p) = sum mu^p for the multiplicities; the formula calls diag(2, 2) exceptional. The bottleneck minimizer of REGM-LMAX's certificate (widths 2, 1, 2) has exactly the formula's spectrum too.",
            RegmConst),
        new("SINGH-RANK", CertificateKind.Exact,
            "At Gaussian zero-residual points with widths (3,1,3) and (4,2,3,4) (bottlenecks below EXACT eq. 17) and (2,3,2) (feasible): the exact Hessian's rank (fraction-free elimination, M the exact product) is exactly the formula's q (d_0 + d_L - q): 5, 12 and 4.",
            SinghRank),
    ];

    /// <summary>The certificate of <paramref name="claimId"/>, or null where it has none.</summary>
    public static ClaimCertificate? For(string claimId) => All.FirstOrDefault(c => c.ClaimId == claimId);

    /// <summary>The claims whose certificate can also run as a sweep over random minimizers (<see cref="Sweep"/>).</summary>
    public static IReadOnlyList<string> SweepClaims { get; } = ["EXACT-T4", "EXACT-T5", "EXACT-C6"];

    /// <summary>
    /// The closed-form certificate of <paramref name="claimId"/> (EXACT-T4, T5 or C6) at <paramref name="cases"/> random
    /// Gaussian minimizers drawn from <paramref name="seed"/> (depth and widths up to 4, feasible by EXACT eq. 17): the
    /// heavier sweep behind <c>verify --certify-cases</c>. Null for a claim without one.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cases"/> is below 1.</exception>
    public static CertificateOutcome? Sweep(string claimId, int cases, int seed, Formulas formulas)
    {
        ArgumentNullException.ThrowIfNull(formulas);
        ArgumentOutOfRangeException.ThrowIfLessThan(cases, 1);
        var random = new Random(seed);
        var shapes = new List<int[]>();
        while (shapes.Count < cases)
        {
            var depth = claimId == "EXACT-C6" ? 2 : 1 + random.Next(4);
            var (first, last) = claimId == "EXACT-T4" ? (1, 1) : (1 + random.Next(4), 1 + random.Next(4));
            shapes.Add([.. Enumerable.Range(0, depth + 1).Select(i => i == 0 ? first : i == depth ? last : Math.Min(first, last) + random.Next(3))]);
        }

        var swept = claimId switch
        {
            "EXACT-T4" => Swept(shapes, random, EnclosedClosedForms.Theorem4LambdaMax, formulas.Theorem4LambdaMax, formulas.Theorem4Direction),
            "EXACT-T5" => Swept(shapes, random, EnclosedClosedForms.Theorem5LambdaMax, formulas.Theorem5LambdaMax, formulas.Theorem5Direction),
            "EXACT-C6" => Swept(shapes, random, EnclosedClosedForms.Corollary6LambdaMax, formulas.Corollary6LambdaMax, formulas.Corollary6Direction),
            _ => null,
        };
        return swept;
    }

    private static CertificateOutcome Swept(
        List<int[]> shapes, Random random, Func<Minimizer, Interval> enclosed, Func<Minimizer, double> formula, Func<Minimizer, Direction> direction)
    {
        var worst = 0.0;
        foreach (var widths in shapes)
        {
            var (failure, _, width) = CertifyAt(widths, random.Next(), enclosed, formula, direction);
            if (failure is not null)
            {
                return Failed(failure);
            }

            worst = Math.Max(worst, width);
        }

        return new CertificateOutcome(true, string.Create(CultureInfo.InvariantCulture, $"certified to hold at {shapes.Count} random minimizers, worst joint width {worst:G2} of ||H||_F"));
    }

    private static CertificateOutcome AtMinimizers(
        int[][] shapes, Func<Minimizer, Interval> enclosed, Func<Minimizer, double> formula, Func<Minimizer, Direction> direction)
    {
        var evidence = new List<string>();
        foreach (var widths in shapes)
        {
            var (failure, text, _) = CertifyAt(widths, null, enclosed, formula, direction);
            if (failure is not null)
            {
                return Failed(failure);
            }

            evidence.Add(text);
        }

        return new CertificateOutcome(true, "certified to hold: " + string.Join("; ", evidence));
    }

    // One minimizer: the failure (null when proven), the evidence, and the joint width of both enclosures relative to ||H||_F.
    private static (string? Failure, string Evidence, double Width) CertifyAt(
        int[] widths, int? seed, Func<Minimizer, Interval> enclosed, Func<Minimizer, double> formula, Func<Minimizer, Direction> direction)
    {
        var (layers, minimizer) = GaussianMinimizer(widths, seed);
        var hessian = HessianEnclosure.AtOwnProduct(layers);
        var lambdaMax = LambdaMaxEnclosure.Of(hessian);
        var closed = enclosed(minimizer);
        var value = formula(minimizer);
        var scale = lambdaMax.Scale;
        var shape = string.Join(",", widths);
        if (lambdaMax.Value.IsDisjointFrom(closed))
        {
            return ($"widths ({shape}): the closed form's enclosure {closed} and lambda_max's {lambdaMax.Value} are disjoint (proven wrong here)", string.Empty, 0);
        }

        if (!Widened(lambdaMax.Value, FormulaRounding * scale).Contains(value))
        {
            return (string.Create(CultureInfo.InvariantCulture, $"widths ({shape}): the formula's value {value:R} is outside the proven lambda_max {lambdaMax.Value}"), string.Empty, 0);
        }

        var maximizing = direction(minimizer);
        if (Math.Abs(maximizing.Norm - 1) > FormulaRounding)
        {
            return (string.Create(CultureInfo.InvariantCulture, $"widths ({shape}): the maximizing direction has norm {maximizing.Norm:R}, not 1"), string.Empty, 0);
        }

        var quotient = hessian.RayleighQuotient(maximizing.ToVector());
        if (quotient.Upper < lambdaMax.Value.Lower - (DirectionSlack * scale))
        {
            return (string.Create(CultureInfo.InvariantCulture, $"widths ({shape}): the direction's Rayleigh quotient {quotient} stays below the proven lambda_max {lambdaMax.Value}"), string.Empty, 0);
        }

        var width = scale > 0 ? lambdaMax.Value.Hull(closed).Width / scale : 0;
        return (null, string.Create(CultureInfo.InvariantCulture, $"({shape}): lambda_max in {lambdaMax.Value}, closed form in {closed}, width {width:G2} of ||H||_F"), width);
    }

    private static CertificateOutcome ExactRank(Formulas f)
    {
        foreach (var widths in new[] { new[] { 2, 3, 2 }, [1, 2, 3, 2] })
        {
            var (layers, _) = GaussianMinimizer(widths);
            var rank = HessianEnclosure.ExactAtOwnProduct(layers).Rank();
            var bound = f.HessianRankBound(widths);
            if (rank != bound)
            {
                return Failed($"widths ({string.Join(",", widths)}): the exact rank is {rank}, the formula's bound {bound}");
            }
        }

        return new CertificateOutcome(true, "certified: the exact Hessian rank equals d_0 d_L at (2,3,2) (rank 4) and (1,2,3,2) (rank 2)");
    }

    private static CertificateOutcome SinghRank(Formulas f)
    {
        foreach (var widths in new[] { new[] { 3, 1, 3 }, [4, 2, 3, 4], [2, 3, 2] })
        {
            var rank = HessianEnclosure.ExactAtOwnProduct(GaussianLayers(widths)).Rank();
            var formula = f.ZeroResidualRank(widths);
            if (rank != formula)
            {
                return Failed($"widths ({string.Join(",", widths)}): the exact rank is {rank}, the formula's q (d_0 + d_L - q) {formula}");
            }
        }

        return new CertificateOutcome(true, "certified: the exact Hessian rank equals q (d_0 + d_L - q) at (3,1,3) (rank 5), (4,2,3,4) (rank 12) and (2,3,2) (rank 4)");
    }

    private static CertificateOutcome ExactMm(Formulas f)
    {
        var zero = HessianEnclosure.Of(Scalars(1, 0, 0), new double[,] { { 0 } });
        if (!Entries(zero).All(e => e == Interval.Zero))
        {
            return Failed("the Hessian at w = (1, 0, 0), m = 0 is not exactly zero");
        }

        if (f.Eq31Holds(Minimizer.Of(new Factorization(Scalars(1, 0, 0).Select(Matrix<double>.Build.DenseOfArray), Matrix<double>.Build.Dense(1, 1)))))
        {
            return Failed("at the flat w = (1, 0, 0), m = 0 the formula says eq. 31 holds; smax(B_2) = 1 != 0 = |m|^(1/3)");
        }

        var flatScalar = Minimizer.OfProduct(Scalars(2, 2).Select(Matrix<double>.Build.DenseOfArray));
        var scalarLambdaMax = LambdaMaxEnclosure.Of(HessianEnclosure.AtOwnProduct(Scalars(2, 2))).Value;
        if (!scalarLambdaMax.Contains(16) || !f.Eq31Holds(flatScalar))
        {
            return Failed(string.Create(CultureInfo.InvariantCulture, $"at the flat w = (2, 2), m = 4 (lambda_max in {scalarLambdaMax}) the formula says eq. 31 fails"));
        }

        var (companion, target) = CeCompanion();
        var lambdaMax = LambdaMaxEnclosure.Of(HessianEnclosure.AtOwnProduct(companion));
        var flat = f.FlatValue(Matrix<double>.Build.DenseOfArray(target), 2);
        return Widened(lambdaMax.Value, FormulaRounding * lambdaMax.Scale).Contains(flat)
            ? new CertificateOutcome(true, $"eq. 31 certified to fail at w = (1, 0, 0), m = 0 (Hessian exactly 0); holds at w = (2, 2); eq. 35's flat value {flat.ToString("R", CultureInfo.InvariantCulture)} in the proven lambda_max {lambdaMax.Value} of diag(9,2,1)")
            : Failed(string.Create(CultureInfo.InvariantCulture, $"eq. 35 gives {flat:R} outside the proven lambda_max {lambdaMax.Value} of the flat diag(9,2,1) companion"));
    }

    private static CertificateOutcome ExactCe(Formulas f)
    {
        var (layers, _) = CeCompanion();
        var lambdaMax = LambdaMaxEnclosure.Of(HessianEnclosure.AtOwnProduct(layers));
        var minimizer = Minimizer.OfProduct(layers.Select(Matrix<double>.Build.DenseOfArray));
        var corollary6 = f.Corollary6LambdaMax(minimizer);
        var l = DyadicMatrix.Of(layers[1]);
        var r = DyadicMatrix.Of(layers[0]).Transpose();
        var unbalanced = !((l * l.Transpose()) - (r * r.Transpose())).IsZero() && l.FrobeniusSquared() != r.FrobeniusSquared();
        if (!lambdaMax.Value.Contains(36) || !Widened(lambdaMax.Value, FormulaRounding * lambdaMax.Scale).Contains(corollary6) || !unbalanced)
        {
            return Failed(string.Create(CultureInfo.InvariantCulture, $"lambda_max in {lambdaMax.Value}, Corollary 6 gives {corollary6:R}, unbalanced {unbalanced}"));
        }

        return new CertificateOutcome(true, $"flat but not balanced, certified: lambda_max in {lambdaMax.Value} (36 = 4 smax(M)), L L^T = diag(9,1,1) != diag(9,4,1) = R R^T exactly");
    }

    private static CertificateOutcome ExactTrace(Formulas f)
    {
        // l = 1 (trace-flat) and l = 2 (not): exact traces 16 and 8 * 4 + 8 / 4 = 34, the diagonal of the exact Hessian.
        foreach (var (l, trace, flat) in new[] { (1.0, 16.0, true), (2.0, 34.0, false) })
        {
            List<double[,]> layers = [new double[,] { { 2 / l, 0, 0, 0 } }, new double[,] { { l } }];
            var exact = HessianEnclosure.ExactAtOwnProduct(layers);
            var diagonal = Enumerable.Range(0, exact.RowCount).Aggregate(Dyadic.Zero, (sum, i) => sum + exact[i, i]);
            var minimizer = Minimizer.OfProduct(layers.Select(Matrix<double>.Build.DenseOfArray));
            var formula = f.HessianTrace(minimizer);
            if (diagonal != Dyadic.Of(trace) || Math.Abs(formula - trace) > FormulaRounding * trace || f.IsTraceFlat(minimizer) != flat)
            {
                return Failed(string.Create(CultureInfo.InvariantCulture, $"at l = {l}: exact trace {diagonal.Enclose()}, the formula's {formula:R}, trace-flat {f.IsTraceFlat(minimizer)} (expected {flat})"));
            }
        }

        // 8 l^2 + 8 / l^2 - 16 = 8 (l - 1/l)^2 >= 0 with equality only at l = +-1: l = 1 is trace-flat, and ||W_2||^2 = 1 != 4 = ||W_1||^2.
        return new CertificateOutcome(true, "trace-flat but not Frobenius-balanced, certified exactly: trace 16 at l = 1 (||W_2||^2 = 1, ||W_1||^2 = 4), 34 at l = 2");
    }

    private static CertificateOutcome RegT3(Formulas f)
    {
        var collapsed = HessianEnclosure.Of(Scalars(0, 0), new double[,] { { 0 } }, 1);
        if (collapsed[0, 0] != Interval.Point(1) || collapsed[1, 1] != Interval.Point(1) || collapsed[0, 1] != Interval.Zero)
        {
            return Failed($"the Hessian at L = 2, m = 0, lambda = 1, w = 0 is not exactly I: {collapsed[0, 0]}, {collapsed[0, 1]}");
        }

        var printed = EnclosedClosedForms.Theorem3PrintedEigenvalues(0, 1, 2);
        if (printed.Any(e => e.Contains(1)))
        {
            return Failed("eq. 17 would not be proven wrong at w = 0");
        }

        var corrected = f.RegularizedScalarEigenvalues(0, 0, 1, 2);
        if (!corrected.Order().SequenceEqual([1.0, 1.0]))
        {
            return Failed($"at w = 0 the formula gives {{{string.Join(", ", corrected)}}}, the exact Hessian I has {{1, 1}}");
        }

        // w = 2, m = 9/2, lambda = 1 (rho = m - lambda/2 = 4 = w^2): exact Hessian [[9, 7], [7, 9]], eigenvalues 2 and 16.
        var smooth = HessianEnclosure.Of(Scalars(2, 2), new double[,] { { 4.5 } }, 1);
        var eigenvalues = f.RegularizedScalarEigenvalues(4.5, 2, 1, 2).Order().ToArray();
        if (smooth[0, 0] != Interval.Point(9) || smooth[0, 1] != Interval.Point(7) || !eigenvalues.SequenceEqual([2.0, 16.0]))
        {
            return Failed($"at w = 2, m = 9/2, lambda = 1 the exact Hessian is {smooth[0, 0]}, {smooth[0, 1]} and the formula gives {{{string.Join(", ", eigenvalues)}}}");
        }

        return new CertificateOutcome(true, "eq. 17 certified to fail at w = 0 (exact Hessian I, printed {0, 2}); the corrected spectrum is exact there and at w = 2 ({2, 16})");
    }

    private static CertificateOutcome RegT2(Formulas f)
    {
        static Dyadic ThreeTimesLoss(double w) =>
            (Dyadic.Of(3) * (Dyadic.Of(2) - Dyadic.Of(w * w * w)) * (Dyadic.Of(2) - Dyadic.Of(w * w * w))) + (Dyadic.Of(3) * Dyadic.Of(3 * w * w));
        if (ThreeTimesLoss(0) != ThreeTimesLoss(1) || !PolynomialIdentity())
        {
            return Failed("the two losses or the polynomial identity do not hold exactly");
        }

        var minimizers = f.EndToEndMinimizers(2, 3, 3);
        return minimizers.Any(r => r == 0) && minimizers.Any(r => Math.Abs(r - 1) <= 1e-12)
            ? new CertificateOutcome(true, "two global minimizers certified exactly: rho = 0 (D, R) = (4, 0) and rho = 1 (D, R) = (1, 3), equal loss 4")
            : Failed($"the formula's end-to-end minimizers at L = 3, m = 2, lambda = 3 are {{{string.Join(", ", minimizers)}}}, not {{0, 1}}");

        // t^4 - 4t + 3 = (t - 1)^2 (t^2 + 2t + 3), coefficients constant first, in exact integers.
        static bool PolynomialIdentity()
        {
            long[] square = [1, -2, 1];
            long[] other = [3, 2, 1];
            var product = new long[5];
            for (var i = 0; i < 3; i++)
            {
                for (var j = 0; j < 3; j++)
                {
                    product[i + j] += square[i] * other[j];
                }
            }

            return product.SequenceEqual([3L, -4, 0, 0, 1]);
        }
    }

    private static CertificateOutcome RegIso(Formulas f)
    {
        var h = HessianEnclosure.Of(Scalars(0, 0), new double[,] { { 1 } }, 2);
        var nullVector = h[0, 0] + h[0, 1] == Interval.Zero && h[1, 0] + h[1, 1] == Interval.Zero && h[0, 0] == Interval.Point(2);
        if (!nullVector)
        {
            return Failed($"the Hessian at L = 2, m = 1, lambda = 2, w = 0 is {h[0, 0]}, {h[0, 1]}: (1, 1) is not an exact null vector");
        }

        return f.RegularizedHessianSingular(1, 2, 2)
            ? new CertificateOutcome(true, "singular Hessian certified exactly: [[2,-2],[-2,2]] (1, 1) = 0 at the global minimizer w = 0")
            : Failed("the formula calls the exactly singular Hessian at L = 2, m = 1, lambda = 2 full rank");
    }

    private static CertificateOutcome AbsCollapse(Formulas f)
    {
        var enclosed = EnclosedClosedForms.CriticalLambda(2, 3);
        var value = f.CriticalLambda(2, 3);
        var minimizers = f.EndToEndMinimizers(2, 3, 3);
        if (!enclosed.Contains(3) || !Widened(enclosed, FormulaRounding * 3).Contains(value) || !minimizers.Any(r => r == 0) || !minimizers.Any(r => Math.Abs(r - 1) <= 1e-12))
        {
            return Failed(string.Create(CultureInfo.InvariantCulture, $"lambda_c(2, 3) enclosed in {enclosed}, the formula gives {value:R} with minimizers {{{string.Join(", ", minimizers)}}}"));
        }

        return new CertificateOutcome(true, $"lambda_c(2, 3) in {enclosed}, containing 3 where rho = 0 and rho = 1 tie exactly");
    }

    // REGM-LMAX and REGM-CONST: M = diag(2, 2), L = 3, lambda = 3 = lambda_c(2, 3), where each singular value takes rho = 0 or 1
    // (REG-T2's certificate: both global). The three minimizers, k = 0, 1, 2 of the singular values nonzero, have 0/1 layers,
    // so every Hessian entry is an exact integer.
    private static (List<double[,]> Layers, double[,] Target) TiedPairMinimizer(int k, int hidden)
    {
        double A(int j) => j < k ? 1 : 0;
        var w1 = new double[hidden, 2];
        var w2 = new double[2, hidden];
        for (var j = 0; j < 2; j++)
        {
            w1[j, j] = A(j);
            w2[j, j] = A(j);
        }

        return ([w1, w2, new double[,] { { A(0), 0 }, { 0, A(1) } }], new double[,] { { 2, 0 }, { 0, 2 } });
    }

    // REGM-LMAX's bottleneck: widths (2, 1, 2), M = diag(5, 4), lambda = 2. rho_1 = s_1 - lambda/2 = 4, a = 2; s_2 is unfitted.
    // Loss (5 - 4)^2 + 4^2 + (lambda/L)(4 + 4) = 25 = g(5) + 4^2, the minimum at these widths; every Hessian entry an integer.
    private static (List<double[,]> Layers, double[,] Target) BottleneckMinimizer() =>
        ([new double[,] { { 2, 0 } }, new double[,] { { 2 }, { 0 } }], new double[,] { { 5, 0 }, { 0, 4 } });

    private static CertificateOutcome RegmLmaxAtBottleneck(Formulas f)
    {
        var (layers, target) = BottleneckMinimizer();
        var loss = new LossLandscape([.. layers.Select(w => Matrix<double>.Build.DenseOfArray(w))], Matrix<double>.Build.DenseOfArray(target), 2).Loss();
        var enclosure = LambdaMaxEnclosure.Of(HessianEnclosure.Of(layers, target, 2)).Value;
        var value = f.RegularizedMatrixLambdaMax([5.0, 4.0], [2.0], 2, 2);
        var flat = f.RegularizedMatrixFlatValue(Matrix<double>.Build.DenseOfArray(target), [2, 1, 2], 2);
        return loss == 25 && enclosure.Contains(18) && !enclosure.Contains(16) && Widened(enclosure, FormulaRounding * 18).Contains(value) && Math.Abs(flat - 18) <= FormulaRounding * 18
            ? new CertificateOutcome(true, string.Create(CultureInfo.InvariantCulture, $"at the bottleneck (2, 1, 2), M = diag(5, 4), lambda = 2 (loss exactly 25) lambda_max is enclosed in {enclosure}, containing the formula's {value:R} and the flat value {flat:R}, not the fitted part's 16"))
            : Failed(string.Create(CultureInfo.InvariantCulture, $"at the bottleneck (2, 1, 2), M = diag(5, 4), lambda = 2 the loss is {loss:R}, lambda_max is enclosed in {enclosure}, the formula gives {value:R} and the flat value {flat:R}"));
    }

    private static CertificateOutcome RegmLmax(Formulas f)
    {
        var bottleneck = RegmLmaxAtBottleneck(f);
        if (!bottleneck.Proven)
        {
            return bottleneck;
        }

        var enclosures = new List<Interval>();
        foreach (var (k, expected) in new[] { (0, 2.0), (1, 8.0), (2, 12.0) })
        {
            var (layers, target) = TiedPairMinimizer(k, 2);

            // Integers throughout, so the loss ||M - P||_F^2 + (lambda/L) sum ||W_i||_F^2 is exact: 8, the minimum 2 g(0) = 2 g(1).
            var loss = new LossLandscape([.. layers.Select(w => Matrix<double>.Build.DenseOfArray(w))], Matrix<double>.Build.DenseOfArray(target), 3).Loss();
            var enclosure = LambdaMaxEnclosure.Of(HessianEnclosure.Of(layers, target, 3)).Value;
            var a = Enumerable.Range(0, 2).Select(j => j < k ? 1.0 : 0.0).ToArray();
            var value = f.RegularizedMatrixLambdaMax([2.0, 2.0], a, 3, 3);
            if (loss != 8 || !enclosure.Contains(expected) || !Widened(enclosure, FormulaRounding * expected).Contains(value))
            {
                return Failed(string.Create(CultureInfo.InvariantCulture, $"with {k} singular values nonzero the loss is {loss:R} and lambda_max is enclosed in {enclosure}, the formula gives {value:R}"));
            }

            enclosures.Add(enclosure);
        }

        // REG-T3's eq. 18 per singular value at w = 1, L = 3, lambda = 3: max{6 - 6, 0} + 4 = 4.
        var scalar = Sharpness.Theory.Regularized.Theorem3.LambdaMax(2, 1, 3, 3);
        var flat = f.RegularizedMatrixFlatValue(Matrix<double>.Build.DenseOfDiagonalArray([2.0, 2.0]), [2, 2, 2, 2], 3);
        if (enclosures[2].Contains(scalar) || Math.Abs(flat - 2) > FormulaRounding * 2)
        {
            return Failed(string.Create(CultureInfo.InvariantCulture, $"REG-T3 per singular value ({scalar:R}) is not excluded from {enclosures[2]}, or the flat value {flat:R} is not 2"));
        }

        return new CertificateOutcome(true, $"lambda_max at the three minimizers of diag(2, 2) (L = 3, lambda = 3, loss exactly 8) enclosed in {string.Join(", ", enclosures)}, each containing the formula's value; REG-T3 per singular value (4) excluded; flat value 2; {bottleneck.Evidence}");
    }

    private static CertificateOutcome RegmConst(Formulas f)
    {
        if (!f.IsOnExceptionalSet(Matrix<double>.Build.DenseOfDiagonalArray([2.0, 2.0]), 3, 3))
        {
            return Failed("diag(2, 2) at L = 3, lambda = 3 is not called exceptional, but its minimizers have different spectra");
        }

        var (bottleneckLayers, bottleneckTarget) = BottleneckMinimizer();
        var bottleneck = HessianEnclosure.Of(bottleneckLayers, bottleneckTarget, 2);
        var bottleneckSpectrum = f.RegularizedMatrixEigenvalues([5.0, 4.0], [2.0], 2, [2, 1, 2]);
        if (Entries(bottleneck).Any(e => e.Lower != e.Upper || e.Lower != Math.Round(e.Lower))
            || !IsExactSpectrum(Matrix<double>.Build.Dense(bottleneck.RowCount, bottleneck.ColumnCount, (i, j) => bottleneck[i, j].Lower), bottleneckSpectrum))
        {
            return Failed($"at the bottleneck (2, 1, 2), M = diag(5, 4), lambda = 2 the formula's spectrum {{{string.Join(", ", bottleneckSpectrum)}}} is not the exact integer Hessian's");
        }

        var traces = new List<double>();
        foreach (var k in new[] { 0, 1, 2 })
        {
            // A hidden width 3 above the rank 2, so the gauge modes of the hidden index are part of the spectrum too.
            var (layers, target) = TiedPairMinimizer(k, 3);
            var h = HessianEnclosure.Of(layers, target, 3);
            if (Entries(h).Any(e => e.Lower != e.Upper || e.Lower != Math.Round(e.Lower)))
            {
                return Failed($"the Hessian with {k} singular values nonzero is not an exact integer matrix");
            }

            var exact = Matrix<double>.Build.Dense(h.RowCount, h.ColumnCount, (i, j) => h[i, j].Lower);
            var spectrum = f.RegularizedMatrixEigenvalues([2.0, 2.0], [.. Enumerable.Range(0, 2).Select(j => j < k ? 1.0 : 0.0)], 3, [2, 3, 2, 2]);
            if (!IsExactSpectrum(exact, spectrum))
            {
                return Failed($"with {k} singular values nonzero the formula's spectrum {{{string.Join(", ", spectrum)}}} is not the exact Hessian's");
            }

            traces.Add(exact.Trace());
        }

        return traces.Distinct().Count() == 3
            ? new CertificateOutcome(true, $"the three minimizers of diag(2, 2) (L = 3, lambda = 3, widths 2, 3, 2, 2) have exact integer Hessians with traces {string.Join(", ", traces)}: three spectra, each exactly the formula's (all eigenvalues among its values, multiplicities by exact power traces); so has the bottleneck minimizer (widths 2, 1, 2, M = diag(5, 4), lambda = 2): {{{string.Join(", ", bottleneckSpectrum)}}}")
            : Failed($"the traces {string.Join(", ", traces)} do not tell the three spectra apart");
    }

    // An integer matrix H has exactly the spectrum of the list when prod_(mu distinct) (H - mu I) = 0 (every eigenvalue is one
    // of the mu) and trace(H^p) = sum mu^p for p below the number of distinct mu (a Vandermonde system: the multiplicities).
    // Every product here is of integers far below 2^53, so the double arithmetic is exact.
    private static bool IsExactSpectrum(Matrix<double> h, IReadOnlyList<double> spectrum)
    {
        var distinct = spectrum.Distinct().ToList();
        var n = h.RowCount;
        if (spectrum.Count != n || distinct.Any(mu => mu != Math.Round(mu)))
        {
            return false;
        }

        var identity = Matrix<double>.Build.DenseIdentity(n);
        var annihilator = distinct.Aggregate(identity, (p, mu) => p * (h - (mu * identity)));
        var power = identity;
        for (var p = 0; p < distinct.Count; p++)
        {
            if (power.Trace() != spectrum.Sum(mu => Math.Pow(mu, p)))
            {
                return false;
            }

            power *= h;
        }

        return annihilator.Enumerate().All(x => x == 0);
    }

    private static CertificateOutcome Failed(string why) => new(false, why);

    private static Interval Widened(Interval x, double by) =>
        Interval.Of(DirectedRounding.SubtractDown(x.Lower, by), DirectedRounding.AddUp(x.Upper, by));

    private static IEnumerable<Interval> Entries(IntervalMatrix m) =>
        from i in Enumerable.Range(0, m.RowCount) from j in Enumerable.Range(0, m.ColumnCount) select m[i, j];

    private static List<double[,]> Scalars(params double[] w) => [.. w.Select(x => new double[,] { { x } })];

    // M = diag(9, 2, 1) = L R^T with L = diag(3, 1, 1) (W_2) and R = diag(3, 2, 1) (W_1 = R^T).
    private static (List<double[,]> Layers, double[,] Target) CeCompanion() =>
        ([new double[,] { { 3, 0, 0 }, { 0, 2, 0 }, { 0, 0, 1 } }, new double[,] { { 3, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } }],
         new double[,] { { 9, 0, 0 }, { 0, 2, 0 }, { 0, 0, 1 } });

    // Standard Gaussian layers from a seed fixed per shape (Box-Muller), and the minimizer of their own product.
    private static (List<double[,]> Layers, Minimizer Minimizer) GaussianMinimizer(int[] widths, int? seed = null)
    {
        var layers = GaussianLayers(widths, seed);
        return (layers, Minimizer.OfProduct(layers.Select(Matrix<double>.Build.DenseOfArray)));
    }

    // Standard Gaussian layers (any widths, bottlenecks included) from a seed fixed per shape.
    private static List<double[,]> GaussianLayers(int[] widths, int? seed = null)
    {
        var random = new Random(seed ?? widths.Aggregate(20261201, (s, d) => unchecked((s * 31) + d)));
        var layers = new List<double[,]>();
        for (var i = 1; i < widths.Length; i++)
        {
            var w = new double[widths[i], widths[i - 1]];
            for (var r = 0; r < widths[i]; r++)
            {
                for (var c = 0; c < widths[i - 1]; c++)
                {
                    w[r, c] = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                }
            }

            layers.Add(w);
        }

        return layers;
    }
}

using System.Globalization;
using Sharpness.Oracles;
using Sharpness.Theory;
using Sharpness.Theory.Exact;
using Sharpness.Theory.Linear;
using Sharpness.Theory.Regularized;

namespace Sharpness.Cli.LambdaMax;

/// <summary>A reported number with its source (claim ID and equation), or no number and the reason why not.</summary>
/// <param name="Value">The number, or null where it does not apply.</param>
/// <param name="Source">Where the number comes from, or why there is none.</param>
internal sealed record Quantity(double? Value, string Source)
{
    public static Quantity Of(double value, string source) => new(value, source);

    public static Quantity None(string reason) => new(null, reason);
}

/// <summary>How the oracle found lambda_max.</summary>
internal enum OracleMethod
{
    /// <summary>Every eigenvalue of the dense Hessian.</summary>
    Dense,

    /// <summary>Lanczos on the matrix-free Hessian-vector product.</summary>
    Lanczos,
}

/// <summary>
/// What the <c>lambda-max</c> verb reports about a point, independent of how it is rendered: whether it is a minimizer, the
/// closed-form lambda_max where a verified one applies, the oracle's lambda_max, the largest stable step, the flat value, and
/// the bounds, each with its claim ID or the reason it is absent.
/// </summary>
internal sealed record SharpnessReport
{
    /// <summary>Up to this N the oracle takes the dense spectrum, beyond it Lanczos (the oracles' <see cref="DenseSpectrum.DenseLimit"/>).</summary>
    public const int DenseLimit = DenseSpectrum.DenseLimit;

    /// <summary>The widths <c>d_0, ..., d_L</c>.</summary>
    public required IReadOnlyList<int> Widths { get; init; }

    /// <summary>The number of parameters <c>N</c> (EXACT eq. 16).</summary>
    public required int ParameterCount { get; init; }

    /// <summary>The regularization (0: unregularized).</summary>
    public required double Lambda { get; init; }

    /// <summary>True when the file gave the target; false when it defaulted to the product <c>W_L...W_1</c>.</summary>
    public required bool TargetGiven { get; init; }

    /// <summary>The loss at the point.</summary>
    public required double Loss { get; init; }

    /// <summary>The least value of the loss over all points: 0 unregularized, REG eq. 6 per singular value with lambda.</summary>
    public required double MinimumLoss { get; init; }

    /// <summary>True when the point is a (global) minimizer by <see cref="MinimizerTest"/>.</summary>
    public required bool IsMinimizer { get; init; }

    /// <summary>With lambda: whether the gradient vanishes (to the tolerance); null unregularized.</summary>
    public required bool? IsStationary { get; init; }

    /// <summary>The residual the test judges: <c>||M - W_L...W_1||_F</c>, or with lambda the gradient norm.</summary>
    public required double Residual { get; init; }

    /// <summary>The largest <see cref="Residual"/> a minimizer may have.</summary>
    public required double ResidualBound { get; init; }

    /// <summary>How <see cref="ResidualBound"/> is formed, in words.</summary>
    public required string ResidualBoundRule { get; init; }

    /// <summary>The minimizer test in words.</summary>
    public required string MinimizerTest { get; init; }

    /// <summary>lambda_max from a verified closed form, or why none applies.</summary>
    public required Quantity ClosedFormLambdaMax { get; init; }

    /// <summary>True when the closed form and the oracle agree within the oracle's tolerance; null without a closed form.</summary>
    public required bool? ClosedFormAgreesWithOracle { get; init; }

    /// <summary>How the oracle computed <see cref="OracleLambdaMax"/>.</summary>
    public required OracleMethod Oracle { get; init; }

    /// <summary>The largest eigenvalue of the oracle's Hessian at the point.</summary>
    public required double OracleLambdaMax { get; init; }

    /// <summary>The oracle's top eigenvector where Lanczos computed it (beyond the dense limit); null for the dense oracle.</summary>
    public IReadOnlyList<double>? TopEigenvector { get; init; }

    /// <summary>The largest stable GD step <c>2 / lambda_max</c> (infinite at lambda_max = 0), at minimizers only.</summary>
    public required Quantity MaxStableStep { get; init; }

    /// <summary>The least lambda_max over all minimizers of this target, where known.</summary>
    public required Quantity FlatValue { get; init; }

    /// <summary>True when the point is a minimizer whose lambda_max is the flat value; null where the flat value is unknown.</summary>
    public required bool? IsFlat { get; init; }

    /// <summary>EXACT eq. 35's lower bound on lambda_max at a minimizer.</summary>
    public required Quantity LowerBound { get; init; }

    /// <summary>EXACT eq. 34's upper bound on lambda_max at a minimizer.</summary>
    public required Quantity UpperBound { get; init; }

    /// <summary>Computes the report for a validated network.</summary>
    /// <exception cref="LanczosDidNotConvergeException">Above <see cref="DenseLimit"/> parameters, Lanczos did not converge.</exception>
    public static SharpnessReport Of(NetworkFile network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var point = network.ToFactorization();
        // The theory before the oracle (they are independent), each stage starting with the garbage of what came before it
        // returned to the system: the reader's buffers and the range checks' scaled copies before the theory, the theory's
        // Krylov basis and Grams before the oracle's N-vectors. Otherwise each stage's peak adds the uncollected garbage of the
        // last. Measured at N = 1e7 (same report byte for byte): oracle first 2.8 GB, theory first 3.7 GB, theory first with
        // the second collection 2.3 GB (2026-12-02); with both, see bench/README.md. A blocking collection costs
        // milliseconds on the small heaps of the claims' cases.
        ReturnGarbage();
        var theory = TheoryAt(point);
        ReturnGarbage();
        var oracle = OracleAt(point, network.Lambda);
        return new SharpnessReport
        {
            Widths = point.Widths,
            ParameterCount = point.ParameterCount,
            Lambda = network.Lambda,
            TargetGiven = network.Target is not null,
            Loss = theory.Loss,
            MinimumLoss = theory.MinimumLoss,
            IsMinimizer = theory.IsMinimizer,
            IsStationary = theory.IsStationary,
            Residual = theory.Residual,
            ResidualBound = theory.ResidualBound,
            ResidualBoundRule = theory.BoundRule,
            MinimizerTest = theory.Test,
            ClosedFormLambdaMax = theory.ClosedForm,
            ClosedFormAgreesWithOracle = theory.ClosedForm.Value is { } closed ? oracle.Agrees(closed) : null,
            Oracle = oracle.Method,
            OracleLambdaMax = oracle.LambdaMax,
            TopEigenvector = oracle.Eigenvector,
            MaxStableStep = theory.IsMinimizer
                ? StableStep(oracle.LambdaMax)
                : Quantity.None("not a minimizer: GD does not stay at this point, so linear stability (EXACT-STAB) does not apply"),
            FlatValue = theory.FlatValue,
            IsFlat = theory.FlatValue.Value is { } flat
                ? theory.IsMinimizer && Tolerance.Flatness.IsClose(oracle.LambdaMax, flat, Math.Max(oracle.Scale, flat))
                : null,
            LowerBound = theory.LowerBound,
            UpperBound = theory.UpperBound,
        };
    }

    /// <summary>A tolerance such as 1e-12 as people write it.</summary>
    public static string Exponent(double x) => x.ToString("0.##e-0", CultureInfo.InvariantCulture);

    // At a minimizer the Hessian is positive semidefinite, so a negative top eigenvalue can only be rounding of a zero one.
    private static Quantity StableStep(double lambdaMax)
    {
        var step = LinearStability.MaxStableStep(Math.Max(lambdaMax, 0));
        return double.IsPositiveInfinity(step)
            ? Quantity.Of(step, "EXACT-STAB: lambda_max = 0, so every step size is stable")
            : Quantity.Of(step, "EXACT-STAB (Definition 1, eq. 2-3): 2 / oracle lambda_max");
    }

    private static TheoryView Unregularized(Factorization point)
    {
        var rule = Tolerance.MinimizerResidual;
        var residual = point.ResidualNorm;
        var bound = $"{Exponent(rule.Relative)} (||M||_F + || |W_L|...|W_1| ||_F)";
        var test = $"||M - W_L...W_1||_F <= {bound} (EXACT eq. 19)";
        var flatValue = MulayoffMichaeli.FlatValue(point.Target, point.Depth);
        var view = new TheoryView
        {
            Loss = residual * residual,
            MinimumLoss = 0,
            IsMinimizer = point.IsMinimizer(rule),
            IsStationary = null,
            Residual = residual,
            ResidualBound = rule.Bound(point.ResidualScale),
            BoundRule = bound,
            Test = test,
            ClosedForm = Quantity.None("not a minimizer: Theorem 5 holds on Omega = {W_L...W_1 = M} only"),
            FlatValue = Quantity.Of(flatValue, "EXACT-MM (eq. 35): 2 L smax(M)^(2 (1 - 1/L)), least over the minimizers of M"),
            LowerBound = Quantity.None("not a minimizer: eq. 35 bounds lambda_max on Omega only"),
            UpperBound = Quantity.None("not a minimizer: eq. 34 bounds lambda_max on Omega only"),
        };
        if (!view.IsMinimizer)
        {
            return view;
        }

        var minimizer = Minimizer.Of(point, rule);
        return view with
        {
            ClosedForm = Quantity.Of(Theorem5.LambdaMax(minimizer), "EXACT-T5 (Theorem 5, eq. 22): 2 lambda_max(sum_i B_i^T B_i (x) A_i A_i^T)"),
            LowerBound = Quantity.Of(MulayoffMichaeli.LowerBound(minimizer), "EXACT-MM (eq. 35): 2 L smax(M)^(2 (1 - 1/L))"),
            UpperBound = Quantity.Of(Corollary10.UpperBound(minimizer), "EXACT-C10 (Corollary 10, eq. 34): 2 sum_k smax(A_k)^2 smax(B_k)^2"),
        };
    }

    private static TheoryView Regularized(Factorization point)
    {
        var lambda = point.Lambda!.Value;
        var rule = Tolerance.MinimizerResidual;
        var isMinimizer = RegularizedMinimum.IsGlobalMinimizer(point);
        var bound = $"{Exponent(rule.Relative)} sum_k (2 ||A_k||_F ||B_k||_F s + (2 lambda/L) ||W_k||_F), s = ||M||_F + || |W_L|...|W_1| ||_F";
        var test = $"||grad L||_F <= {bound}, and L(w) = the minimum loss (REG eq. 6 per singular value of M, s_j^2 for those beyond the least width) " +
            $"within {Exponent(Tolerance.GridSearch.Relative)} sum_j (s_j^2 + lambda s_j^(2/L)) over the singular values s_j of M (REG eq. 2)";
        var isScalar = RegularizedScalarSharpness.IsScalar(point) && point.Depth >= 2;
        var noBounds = "EXACT eq. 34-35 bound the unregularized loss; none is verified with lambda > 0";
        var view = new TheoryView
        {
            Loss = RegularizedLoss.Value(point),
            MinimumLoss = RegularizedMinimum.Value(point.Target, point.Widths, lambda),
            IsMinimizer = isMinimizer,
            IsStationary = RegularizedMinimum.IsStationary(point, rule),
            Residual = RegularizedMinimum.GradientNorm(point),
            ResidualBound = rule.Bound(RegularizedMinimum.GradientScale(point)),
            BoundRule = bound,
            Test = test,
            ClosedForm = Quantity.None(point.Depth < 2
                ? "depth 1: REG Theorem 3 and REGM-LMAX are stated for L >= 2"
                : "no verified closed form here: REGM-LMAX needs every width >= min(d_0, d_L)"),
            FlatValue = Quantity.None(point.Depth < 2
                ? "unknown: no verified closed form with lambda > 0 at depth 1"
                : "unknown: REGM-LMAX needs every width >= min(d_0, d_L)"),
            LowerBound = Quantity.None(noBounds),
            UpperBound = Quantity.None(noBounds),
        };
        if (!isScalar)
        {
            return RegularizedMatrix(point, view, isMinimizer);
        }

        view = view with
        {
            ClosedForm = Quantity.None("not a global minimizer: REG Theorem 3 holds at minimizers only"),
            FlatValue = Quantity.Of(
                RegularizedScalarSharpness.FlatValue(point.Target[0, 0], lambda, point.Depth),
                "REG-T3 (corrected at w = 0): least lambda_max over the global minimizers of REG eq. 6 (REG-T2)"),
        };
        if (!isMinimizer)
        {
            return view;
        }

        var collapsed = RegularizedScalarSharpness.MinimizerMagnitude(point) == 0;
        return view with
        {
            ClosedForm = Quantity.Of(
                RegularizedScalarSharpness.LambdaMax(point),
                collapsed
                    ? "REG-T3 corrected at the collapsed minimizer w = 0, where the printed eq. 17 fails"
                    : "REG-T3 (Theorem 3, eq. 18): max{2 L w^(2L-2) - 2 lambda, 0} + 4 lambda / L, w = |w_i|"),
        };
    }

    // Matrices (and depth 1): REGM-LMAX's closed form at a global minimizer and its flat value, where the derivation applies.
    private static TheoryView RegularizedMatrix(Factorization point, TheoryView view, bool isMinimizer)
    {
        if (!RegularizedMatrixSharpness.IsInDomain(point))
        {
            return view;
        }

        var lambda = point.Lambda!.Value;
        view = view with
        {
            ClosedForm = Quantity.None("not a global minimizer: REGM-LMAX holds at minimizers only"),
            FlatValue = Quantity.Of(
                RegularizedMatrixSharpness.FlatValue(point.Target, point.Widths, lambda),
                "REGM-LMAX: least lambda_max over the global minimizers (one spectrum off ABS-UNIQ's exceptional set, REGM-CONST)"),
        };
        return isMinimizer
            ? view with
            {
                ClosedForm = Quantity.Of(
                    RegularizedMatrixSharpness.LambdaMax(point),
                    "REGM-LMAX: max over singular values j of REG-T3's value and over pairs j < p of 2 S_L(a_j, a_p) + (2 lambda/L)(1 + S_(L-1)(a_j, a_p)/(a_j a_p)^(L-2)), a_j = rho_j^(1/L) (j up to the least width, a_p = 0 beyond it)"),
            }
            : view;
    }

    // The theory on a copy of the point, which goes when this returns: the partial products the formulas form and cache in
    // it (three 27 MB matrices at N = 1e7) would otherwise stay alive in the file's point through the oracle. The copy's
    // residual is computed again (four products, about 0.3 s at N = 1e7). WithTarget copies the layers once (Layers() and a
    // constructor would copy them twice).
    private static TheoryView TheoryAt(Factorization filePoint)
    {
        var point = filePoint.WithTarget(filePoint.Target);
        return point.Lambda is null ? Unregularized(point) : Regularized(point);
    }

    private static OracleView OracleAt(Factorization point, double lambda)
    {
        if (point.ParameterCount <= DenseLimit)
        {
            var hessian = Landscape(point, lambda).DenseHessian();
            return new OracleView(OracleMethod.Dense, DenseSpectrum.Eigenvalues(hessian)[^1], ScaledNorm.Frobenius(hessian), Tolerance.DenseOracle, null);
        }

        // Lanczos gives no Frobenius norm; at a minimizer the Hessian is positive semidefinite, so |lambda_max| is its spectral norm.
        var top = Lanczos.Largest(HessianOperatorAt(point, lambda));
        return new OracleView(OracleMethod.Lanczos, top.Eigenvalue, Math.Abs(top.Eigenvalue), Tolerance.LanczosOracle, top.Eigenvector);
    }

    private static void ReturnGarbage() => GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    private static LossLandscape Landscape(Factorization point, double lambda) => new(point.Layers(), point.Target, lambda);

    // The operator keeps the landscape's layers and not the landscape: its copy of the target (27 MB at N = 1e7) goes when
    // this returns, before Lanczos allocates its basis.
    private static HessianOperator HessianOperatorAt(Factorization point, double lambda) => Landscape(point, lambda).HessianOperator();

    private sealed record OracleView(OracleMethod Method, double LambdaMax, double Scale, Tolerance Tolerance, double[]? Eigenvector)
    {
        public bool Agrees(double formula) => Tolerance.IsClose(formula, LambdaMax, Math.Max(Scale, Math.Abs(formula)));
    }

    private sealed record TheoryView
    {
        public required double Loss { get; init; }

        public required double MinimumLoss { get; init; }

        public required bool IsMinimizer { get; init; }

        public required bool? IsStationary { get; init; }

        public required double Residual { get; init; }

        public required double ResidualBound { get; init; }

        public required string BoundRule { get; init; }

        public required string Test { get; init; }

        public required Quantity ClosedForm { get; init; }

        public required Quantity FlatValue { get; init; }

        public required Quantity LowerBound { get; init; }

        public required Quantity UpperBound { get; init; }
    }
}

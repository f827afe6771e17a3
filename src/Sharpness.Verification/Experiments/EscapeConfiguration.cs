// The escape experiments of EXACT Section 7 and Appendix D.2 (claims EXACT-ESC, EXACT-CONTOUR) as data: one
// configuration per figure, each with the widths, the start radius r and the closed form its caption names.
using System.Globalization;
using Sharpness.Theory;
using Sharpness.Theory.Constructions;

namespace Sharpness.Verification.Experiments;

/// <summary>Which closed form of lambda_max a figure's caption says it used.</summary>
public enum ClosedForm
{
    /// <summary>EXACT Corollary 6, eq. 25: depth 2, <c>2 (smax(L)^2 + smax(R)^2)</c> (Figures 1, 4, 5).</summary>
    Corollary6,

    /// <summary>EXACT Theorem 4, eq. 21: scalar ends, <c>2 sum_i smax(A_i)^2 smax(B_i)^2</c> (Figures 2, 3, 6, 7).</summary>
    Theorem4,

    /// <summary>EXACT Theorem 5, eq. 22: any other shape.</summary>
    Theorem5,
}

/// <summary>
/// One escape experiment: widths <c>d_0..d_L</c>, the distance <c>r</c> of GD's start from the minimizer (along the
/// top Hessian eigenvector), and the seed of the standard Gaussian layers; <c>M</c> is their product (Appendix D.2).
/// </summary>
/// <param name="Id">The figure it reproduces (<c>Fig1</c> .. <c>Fig7</c>), or a label for a generated shape.</param>
/// <param name="Figure">Where it comes from, in words.</param>
/// <param name="Widths">The widths <c>d_0, d_1, ..., d_L</c>; <c>W_i</c> is <c>d_i x d_(i-1)</c>.</param>
/// <param name="Radius">The start distance <c>r = ||w_0 - w*||</c> (absolute, as in the captions).</param>
/// <param name="Seed">Seed of the <see cref="Random"/> that draws the layers.</param>
/// <param name="Notes">Choices the paper leaves open, and how this configuration fills them.</param>
/// <remarks>EXACT Section 7, Figures 1-7, Appendix D.2 (claims EXACT-ESC, EXACT-CONTOUR).</remarks>
public sealed record EscapeConfiguration(string Id, string Figure, IReadOnlyList<int> Widths, double Radius, int Seed, string Notes) : Generators.IHasDepth
{
    /// <summary>The depth <c>L</c>.</summary>
    public int Depth => Widths.Count - 1;

    /// <summary>The number of parameters <c>N = sum_i d_i d_(i-1)</c> (EXACT eq. 16).</summary>
    public int ParameterCount => Enumerable.Range(1, Depth).Sum(i => Widths[i] * Widths[i - 1]);

    /// <summary>The closed form the paper uses for this shape: Corollary 6 at depth 2, Theorem 4 with scalar ends, else Theorem 5.</summary>
    public ClosedForm ClosedForm =>
        Depth == 2 ? ClosedForm.Corollary6 : Widths[0] == 1 && Widths[^1] == 1 ? ClosedForm.Theorem4 : ClosedForm.Theorem5;

    /// <summary>
    /// Figure 1: depth 2, <c>M = L R^T</c> with <c>L</c> 10x20 and <c>R</c> 20x20, so <c>W_1 = R^T</c> is 20x20 and
    /// <c>W_2 = L</c> is 10x20 (widths 20, 20, 10); <c>r = 1e-15</c>.
    /// </summary>
    public static EscapeConfiguration Fig1 { get; } = new(
        "Fig1", "EXACT Figure 1 (Section 7)", [20, 20, 10], 1e-15, 1,
        "L 10x20, R 20x20: W_1 = R^T (20x20), W_2 = L (10x20).");

    /// <summary>
    /// Figure 2: a 15-layer scalar chain, <c>r = 1e-12</c>. The paper gives no hidden widths for Figures 2 and 3;
    /// this takes them all 1 (a scalar factorization <c>m = w_15 ... w_1</c>, N = 15).
    /// </summary>
    public static EscapeConfiguration Fig2 { get; } = new(
        "Fig2", "EXACT Figure 2 (Section 7)", [.. Enumerable.Repeat(1, 16)], 1e-12, 2,
        "The paper gives no hidden widths for Figs 2-3: all widths are taken to be 1.");

    /// <summary>Figure 3: the chain of Figure 2 (same seed), started at <c>r = 1e-9</c>; the contour panels split <c>eta &gt;= 2/lambda_max</c> and <c>eta &lt; 2/lambda_max</c>.</summary>
    public static EscapeConfiguration Fig3 { get; } = new(
        "Fig3", "EXACT Figure 3 (Appendix D.2)", [.. Enumerable.Repeat(1, 16)], 1e-9, 2,
        "The chain of Fig2 (widths all 1, same seed) at r = 1e-9.");

    /// <summary>Figure 4: depth 2, <c>L</c> 10x30, <c>R</c> 20x30 (widths 20, 30, 10). The radius is not stated; <c>1e-15</c> as in Figure 1.</summary>
    public static EscapeConfiguration Fig4 { get; } = new(
        "Fig4", "EXACT Figure 4 (Appendix D.2)", [20, 30, 10], 1e-15, 4,
        "L 10x30, R 20x30. The caption states no radius: r = 1e-15 as in Fig 1.");

    /// <summary>Figure 5: depth 2, <c>L</c> 25x30, <c>R</c> 20x30 (widths 20, 30, 25). The radius is not stated; <c>1e-15</c> as in Figure 1.</summary>
    public static EscapeConfiguration Fig5 { get; } = new(
        "Fig5", "EXACT Figure 5 (Appendix D.2)", [20, 30, 25], 1e-15, 5,
        "L 25x30, R 20x30. The caption states no radius: r = 1e-15 as in Fig 1.");

    /// <summary>Figure 6: a 20-layer chain with scalar ends and the widths of Appendix D.2 (N = 2421), <c>r = 1e-9</c>.</summary>
    public static EscapeConfiguration Fig6 { get; } = new(
        "Fig6", "EXACT Figure 6 (Appendix D.2)", [1, 9, 4, 8, 24, 16, 17, 11, 21, 3, 22, 3, 3, 15, 3, 18, 17, 16, 5, 12, 1], 1e-9, 6,
        "Widths as printed in Appendix D.2 (N = 2421).");

    /// <summary>
    /// Figure 7: a 5-layer chain with scalar ends, <c>r = 1e-12</c>. Appendix D.2 prints the widths 1, 9, 4, 8, 1, which
    /// make 4 layers and N = 85, while the caption says 5 layers and the text N = 293. The widths 1, 9, 4, 8, 24, 1 (the
    /// first five widths of Figure 6, then 1) give both: 5 layers and N = 293. This configuration uses them;
    /// <see cref="Fig7AsPrinted"/> keeps the printed ones.
    /// </summary>
    public static EscapeConfiguration Fig7 { get; } = new(
        "Fig7", "EXACT Figure 7 (Appendix D.2)", [1, 9, 4, 8, 24, 1], 1e-12, 7,
        "Printed widths 1,9,4,8,1 give 4 layers and N = 85, not the caption's 5 layers and the text's N = 293; 1,9,4,8,24,1 gives both.");

    /// <summary>Figure 7 with the widths exactly as printed in Appendix D.2 (1, 9, 4, 8, 1: 4 layers, N = 85), <c>r = 1e-12</c>.</summary>
    public static EscapeConfiguration Fig7AsPrinted { get; } = new(
        "Fig7-printed", "EXACT Figure 7, widths as printed in Appendix D.2", [1, 9, 4, 8, 1], 1e-12, 7,
        "The printed widths 1,9,4,8,1: 4 layers and N = 85 (the text says N = 293).");

    /// <summary>Every figure's configuration, in the paper's order.</summary>
    public static IReadOnlyList<EscapeConfiguration> Paper { get; } = [Fig1, Fig2, Fig3, Fig4, Fig5, Fig6, Fig7, Fig7AsPrinted];

    /// <summary>The paper configuration with the given ID (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No such configuration.</exception>
    public static EscapeConfiguration Find(string id) =>
        Paper.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"No escape configuration '{id}'. Known: {string.Join(", ", Paper.Select(c => c.Id))}.", nameof(id));

    /// <summary>
    /// The same experiment on widths <c>ceil(d_i / factor)</c> (depth, scalar ends and feasibility kept): the paper's
    /// shapes at a size the property tests can afford.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="factor"/> is below 1.</exception>
    public EscapeConfiguration ScaledDown(int factor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1);
        IReadOnlyList<int> widths = [.. Widths.Select(d => (d + factor - 1) / factor)];
        return this with
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"{Id}/{factor}"),
            Figure = string.Create(CultureInfo.InvariantCulture, $"{Figure}, widths divided by {factor} (rounded up)"),
            Widths = widths,
        };
    }

    /// <summary>
    /// The minimizer: layers <c>W_i</c> (<c>d_i x d_(i-1)</c>) with independent standard Gaussian entries drawn from
    /// <c>Random(Seed)</c>, <c>W_1</c> first, and <c>M = W_L ... W_1</c> (Appendix D.2).
    /// </summary>
    /// <exception cref="ArgumentException">Infeasible widths (EXACT eq. 17).</exception>
    public Minimizer Build()
    {
        var random = new Random(Seed);
        return Minimizer.OfProduct(Enumerable.Range(1, Depth).Select(i => RandomMatrices.Gaussian(Widths[i], Widths[i - 1], random)));
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Id}: widths ({string.Join(",", Widths)}), N = {ParameterCount}, r = {Radius:G3}, seed {Seed}");
}

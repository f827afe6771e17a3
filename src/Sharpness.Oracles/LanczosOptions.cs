namespace Sharpness.Oracles;

/// <summary>Settings of <see cref="Lanczos"/>; the defaults suit any dimension (the basis is capped by <see cref="MaxBasisBytes"/>).</summary>
public sealed record LanczosOptions
{
    /// <summary>
    /// The largest Krylov basis kept before a thick restart; <c>null</c> (default) means <c>min(N, 20)</c>, lowered (to no less
    /// than 8) when 20 vectors of <c>N</c> doubles would exceed <see cref="MaxBasisBytes"/>. Clamped to <c>N</c>; at least 2 when
    /// <c>N &gt; 1</c>. 20 is ARPACK's default <c>ncv</c> for one eigenvalue and, measured on the benchmark's networks, the
    /// faster choice: at most 5% more products than 80 (55 instead of 54 at N = 1e5, 95 instead of 91 at N = 1e6), every
    /// sweep over the basis four times shorter and 60 fewer fresh vectors to touch (18.5 s instead of 27 s at N = 1e6;
    /// bench/README.md).
    /// </summary>
    public int? MaxKrylovDimension { get; init; }

    /// <summary>
    /// The memory the default Krylov dimension may take for its basis, in bytes (default 1 GiB: 20 vectors up to
    /// N = 6.7e6, 13 at N = 1e7, the floor of 8 vectors, 1.3 GB, at N = 2e7). Ignored when <see cref="MaxKrylovDimension"/> is set.
    /// </summary>
    public long MaxBasisBytes { get; init; } = 1L << 30;

    /// <summary>
    /// How many restarts are allowed before giving up with <see cref="LanczosDidNotConvergeException"/> (default 200: with
    /// the default dimension 20, each restart keeping 10, about 2000 products, the budget 50 restarts gave the former
    /// dimension 80).
    /// </summary>
    public int MaxRestarts { get; init; } = 200;

    /// <summary>
    /// Convergence threshold: stop when <c>||A v - theta v|| &lt;= RelativeTolerance * max(|theta|, s)</c>, where <c>s</c> is the
    /// largest Ritz value magnitude seen (an estimate of the spectral radius). Default <c>1e-11</c>.
    /// </summary>
    public double RelativeTolerance { get; init; } = 1e-11;

    /// <summary>Seed of the <see cref="System.Random"/> that draws the (normalized, uniform) start vector; default 12345.</summary>
    public int Seed { get; init; } = 12345;
}

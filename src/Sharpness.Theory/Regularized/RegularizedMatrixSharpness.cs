// REGM-LMAX and REGM-CONST: the whole Hessian spectrum, and lambda_max in closed form, at every minimizer of the
// regularized matrix loss (REG eq. 2), the open problem of REG l. 208; and the flat value, the least lambda_max over the
// global minimizers (they differ only on ABS-UNIQ's exceptional set).
using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Theory.Linear;

namespace Sharpness.Theory.Regularized;

/// <summary>
/// The Hessian spectrum and lambda_max of <c>L(w) = ||M - W_L...W_1||_F^2 + (lambda/L) sum_i ||W_i||_F^2</c> (REG eq. 2) at
/// its global minimizers, from the singular values <c>s_1 &gt;= ... &gt;= s_r</c> of M (<c>r = min(d_0, d_L)</c>), the common
/// singular values <c>a_j = rho_j^(1/L)</c> of the layers (<c>rho_j</c> a global minimizer of REG eq. 6 at <c>s_j</c>), lambda, L
/// and the widths. With <c>c = 2 lambda/L</c>, <c>e_j = s_j - a_j^L</c> and <c>S_n(a, b) = sum_(i=0)^(n-1) a^(2i) b^(2(n-1-i))</c>:
/// <code>
/// lambda_max = max( max_j  mu_j ,  max_(j &lt; p) mu_jp )
///   mu_j  = REG-T3 corrected at (s_j, a_j):  max{2 L a_j^(2L-2) - 2 lambda, 0} + 4 lambda/L  (a_j &gt; 0);
///           2 lambda/L (a_j = 0, L &gt;= 3);  lambda + 2 s_j (a_j = 0, L = 2)
///   mu_jp = 2 S_L(a_j, a_p) + c (1 + S_(L-1)(a_j, a_p) / (a_j a_p)^(L-2))   (a_j &gt;= a_p &gt; 0)
///           2 a_j^(2L-2) + c + 2 s_p a_j^(L-2)                              (a_j &gt; a_p = 0)
///           mu_j  (a_j = a_p = 0)
/// </code>
/// At a tie of singular values (<c>a_j = a_p = a &gt; 0</c>) <c>mu_jp = 2 L a^(2L-2) + 2 lambda</c>, above the scalar formula by
/// <c>4 lambda (1 - 1/L)</c>: the scalar formula per singular value is not lambda_max of a matrix.
/// </summary>
/// <remarks>
/// <para>REG l. 208 calls this closed form an open problem (claim REGM-LMAX); the derivation, for the domain
/// <c>lambda &gt; 0</c>, <c>L &gt;= 2</c>, first for every <c>d_i &gt;= r</c> (EXACT eq. 17: no bottleneck), then (step 6) at any
/// widths, follows.</para>
/// <para><b>1. Every minimizer, up to gauge.</b> By REG Theorem 1 a minimizer is balanced, <c>W_(i+1)^T W_(i+1) = W_i W_i^T</c>,
/// and its product <c>P = U diag(rho_j) V^T</c> solves REG eq. 6 per singular value (claims REG-T1, ABS-UNIQ). Balance gives,
/// layer by layer from the SVD of <c>W_1</c>, <c>W_i = Q_i diag(a) Q_(i-1)^T</c> with orthonormal <c>Q_i</c> (d_i x r); the
/// product fixes <c>Q_0 = V R</c>, <c>Q_L = U R</c> on the nonzero <c>a_j</c>, with R orthogonal and commuting with diag(a), which
/// the substitution <c>Q_i -&gt; Q_i R^T</c> removes. So two minimizers with the same <c>rho</c> differ by hidden orthogonal
/// gauges <c>W_i -&gt; O_i W_i O_(i-1)^T</c> (<c>O_0 = O_L = I</c>), isometries of parameter space that keep the loss; hence
/// <c>H -&gt; O H O^T</c> and the whole spectrum is the same (claim REGM-CONST). Off ABS-UNIQ's exceptional set <c>rho</c> is
/// unique, so the spectrum is constant over all minimizers. On it (<c>L &gt;= 3</c>, some <c>s_j = s*</c> with
/// <c>lambda = lambda_c(s*, L)</c>), the k singular values equal to <c>s*</c> each take <c>a = 0</c> or
/// <c>a* = ((L-2)/(L-1) s*)^(1/L)</c>; the spectrum depends on how many take <c>a*</c> (which ones is again a gauge), so there are
/// k + 1 spectra, and lambda_max may differ between them (<see cref="FlatValue"/> takes the least).</para>
/// <para><b>2. Blocks.</b> Complete the <c>Q_i</c> to orthogonal bases; in them every <c>W_i</c> is the rectangular diagonal
/// <c>D_i = diag(a)</c> and M is <c>diag(s)</c>. With a perturbation <c>E_i</c>, <c>A_k = D_L...D_(k+1)</c>, <c>B_k = D_(k-1)...D_1</c>,
/// the Hessian form is <c>2 ||sum_k A_k E_k B_k||_F^2 - 4 sum_(k&lt;l) &lt;diag(e), A_l E_l D_(l-1)...D_(k+1) E_k B_k&gt; + c ||E||^2</c>.
/// All factors are diagonal, so it couples entry <c>(j, p)</c> of every layer only with entry <c>(p, j)</c> of every layer: the
/// Hessian splits into blocks, one per unordered index pair (indices above r have <c>a = e = 0</c>, and <c>0^0 = 1</c>).</para>
/// <para><b>3. Diagonal <c>(j, j)</c>, j &lt;= r:</b> the variables <c>E_k[j, j]</c> see the scalar loss of REG eq. 1 with
/// <c>m = s_j</c>, <c>w = a_j</c>: REG Theorem 3's spectrum, corrected at <c>a_j = 0</c> (claim REG-T3), L eigenvalues.</para>
/// <para><b>4. Off-diagonal <c>(j, p)</c>, j, p &lt;= r:</b> 2L variables <c>x_k = E_k[j, p]</c>, <c>y_k = E_k[p, j]</c>, with
/// <c>u_k = a_j^(L-k) a_p^(k-1)</c>, <c>v_k = a_p^(L-k) a_j^(k-1)</c> (so <c>|u|^2 = |v|^2 = S_L</c>) and
/// <c>H = c I + [[2 u u^T, N], [N^T, 2 v v^T]]</c>, <c>N_mn = -2 e_j a_j^(L-m+n-1) a_p^(m-n-1)</c> (m &gt; n),
/// <c>-2 e_p a_p^(L-n+m-1) a_j^(n-m-1)</c> (m &lt; n), 0 (m = n). If <c>a_j &gt; 0</c>: a rotation of hidden layer k in the
/// (j, p) plane moves the point along its gauge orbit, where the loss is constant, so that direction <c>g_k = (x, y)</c> has
/// <c>H g_k = 0</c> (a minimum: H is semidefinite); <c>g_k</c> changes only layers k and k + 1, so the L - 1 of them are independent,
/// and they keep the product, so <c>u.x = v.y = 0</c>. Then <c>(x, -y)</c> is orthogonal to <c>[u; 0]</c> and <c>[0; v]</c> too, and
/// from <c>N y = -c x</c>, <c>N^T x = -c y</c>: <c>H (x, -y) = 2c (x, -y)</c>. These 2L - 2 eigenvectors (0 and <c>4 lambda/L</c>,
/// L - 1 times each) span the complement of <c>span{[u; 0], [0; v]}</c>, which is therefore invariant, with the 2 x 2 matrix
/// <c>[[2 S_L + c, beta], [beta, 2 S_L + c]]</c>, <c>beta = u^T N v / S_L</c>. Summing N's entries: when <c>a_p &gt; 0</c>, stationarity
/// <c>e_j a_j^(L-2) = e_p a_p^(L-2) = lambda/L</c> (REG eq. 21) makes <c>(N^T u)_n / v_n = -c q^(-L/2) sum_(k=1)^(L-1) q^k</c>,
/// <c>q = (a_p/a_j)^2</c>, for every n, so <c>|beta| = c sum_(k=1)^(L-1) (a_j/a_p)^(L-2k) = c S_(L-1)/(a_j a_p)^(L-2)</c>; when
/// <c>a_p = 0</c>, <c>u = a_j^(L-1) e_1</c>, <c>v = a_j^(L-1) e_L</c> and <c>|beta| = |N_1L| = 2 s_p a_j^(L-2)</c>. The block's top
/// eigenvalue is <c>mu_jp = 2 S_L + c + |beta|</c>. If <c>a_j = a_p = 0</c>, <c>u = v = 0</c> and N is zero for L &gt;= 3; for
/// L = 2 the pairs <c>(x_2, y_1)</c>, <c>(x_1, y_2)</c> give <c>lambda -+ 2 s_j</c>, <c>lambda -+ 2 s_p</c>: nothing above the
/// diagonal blocks.</para>
/// <para><b>5. <c>(j, p)</c> with j &lt;= r &lt; p</b> (hidden widths above r, or <c>d_0 != d_L</c>): only <c>k = 1</c> and
/// <c>k = L</c> reach M, and N couples <c>E_k[p, j]</c> with <c>E_(k+1)[j, p]</c> (p a hidden index of layer k): per such pair
/// <c>c -+ 2 e_j a_j^(L-2)</c>, that is 0 and <c>4 lambda/L</c> when <c>a_j &gt; 0</c>; <c>E_1[j, p]</c> (<c>p &lt;= d_0</c>) and
/// <c>E_L[p, j]</c> (<c>p &lt;= d_L</c>) give <c>2 a_j^(2L-2) + c</c>, which lies between <c>4 lambda/L</c> and REG-T3's top
/// eigenvalue (its excess over <c>4 lambda/L</c> is 1/L of theirs). <b>Both above r:</b> <c>c</c>. So the widths change the
/// multiplicities of the spectrum (<see cref="Eigenvalues(IReadOnlyList{double}, IReadOnlyList{double}, double, IReadOnlyList{int})"/>), never lambda_max.</para>
/// <para><b>6. Bottlenecks</b> (a hidden width below r, so <c>m = min_i d_i &lt; r</c>). The product has rank at most m, and
/// <c>||M - P||_F^2 &gt;= sum_(j&lt;=m) (s_j - rho_j)^2 + sum_(j&gt;m) s_j^2</c> for P of rank m (von Neumann), so the minimizers fit
/// the m largest singular values by REG eq. 6 and leave the rest unfitted: <c>a_p = 0</c>, <c>e_p = s_p</c> for <c>m &lt; p &lt;= r</c>
/// (<see cref="RegularizedMinimum.Value(Matrix{double}, IReadOnlyList{int}, double)"/>); a tie <c>s_m = s_(m+1)</c> picks which
/// one, again an isometry. Steps 1 and 2 carry over with <c>Q_i</c> of m columns. The blocks are the principal submatrices of
/// those of step 2 over the entries that exist (<c>E_k[j, p]</c> needs <c>j &lt;= d_k</c>, <c>p &lt;= d_(k-1)</c>). For
/// <c>j &lt;= m &lt; p</c>: <c>u = a_j^(L-1) e_1</c>, <c>v = a_j^(L-1) e_L</c> and N couples only <c>x_(n+1)</c> with <c>y_n</c>
/// (<c>-2 e_j a_j^(L-2)</c>, both present when <c>p &lt;= d_n</c>) and <c>x_1</c> with <c>y_L</c> (<c>-2 e_p a_j^(L-2)</c>, both present
/// when <c>p &lt;= r</c>): eigenvalues <c>c -+ 2 e_j a_j^(L-2)</c> per hidden layer n with <c>d_n &gt;= p</c> (0 and <c>4 lambda/L</c>
/// when <c>a_j &gt; 0</c>) and <c>2 a_j^(2L-2) + c -+ 2 s_p a_j^(L-2)</c>: step 5 with the residual <c>e_p = s_p</c>, which is
/// <c>mu_jp</c> at <c>a_p = 0</c>. For <c>m &lt; j, p</c> (and <c>j = p &gt; m</c>) every coupling carries a factor <c>0^(k)</c>,
/// <c>k &gt;= 1</c>, except at L = 2, where its entries <c>E_1[p, j]</c>, <c>E_2[j, p]</c> would need <c>p &lt;= d_1 = m</c>: only
/// <c>c</c>. So at a bottleneck lambda_max is the formula above over the fitted j and all <c>p &lt;= r</c>: an unfitted singular
/// value raises it through its pair with a fitted one (at <c>M = diag(3, 2.9)</c>, widths (2, 1, 2), <c>lambda = 1/2</c>:
/// <c>mu_1 = 11</c>, <c>mu_12 = 2 s_1 + 2 s_2 = 11.8</c>), while its own diagonal block is gone.</para>
/// <para>A check of every regime against the dense oracle is claim REGM-LMAX; the spectrum's constancy, claim REGM-CONST.</para>
/// </remarks>
public static class RegularizedMatrixSharpness
{
    /// <summary>
    /// lambda_max at the global minimizer with singular values <paramref name="singularValues"/> <c>s_j</c> of M (descending,
    /// <c>r = min(d_0, d_L)</c> of them) and layer singular values <paramref name="magnitudes"/> <c>a_j</c> of its m fitted
    /// indices (<c>m = r</c>, or at a bottleneck <c>m = min_i d_i &lt; r</c>): the largest of the diagonal blocks <c>mu_j</c>
    /// (<c>j &lt;= m</c>) and the pair blocks <c>mu_jp</c> (<c>j &lt;= m</c>, <c>j &lt; p &lt;= r</c>, <c>a_p = 0</c> beyond m) of the type summary.
    /// </summary>
    /// <remarks>REGM-LMAX, answering REG l. 208; derivation in the type remarks (steps 1-5, and 6 at a bottleneck). Domain:
    /// <c>a_j = |rho_j|^(1/L)</c> for global minimizers <c>rho_j</c> of REG eq. 6 at <c>s_j</c>, lambda &gt; 0, L &gt;= 2.</remarks>
    /// <exception cref="ArgumentException">No layer singular value, more of them than singular values, negative or non-finite entries.</exception>
    /// <exception cref="ArgumentOutOfRangeException">lambda not positive, or depth below 2.</exception>
    public static double LambdaMax(IReadOnlyList<double> singularValues, IReadOnlyList<double> magnitudes, double lambda, int depth)
    {
        Validate(singularValues, magnitudes, lambda, depth);
        var (r, m) = (singularValues.Count, magnitudes.Count);
        var diagonal = Enumerable.Range(0, m).Select(j => Theorem3.LambdaMax(singularValues[j], magnitudes[j], lambda, depth));
        var pairs = Enumerable.Range(0, m).SelectMany(j => Enumerable.Range(j + 1, r - j - 1)
            .Select(p => PairTop(singularValues[j], magnitudes[j], singularValues[p], p < m ? magnitudes[p] : 0, lambda, depth)));
        return diagonal.Concat(pairs).Max();
    }

    /// <summary>
    /// The top eigenvalue <c>mu_jp</c> of the block of index pair (j, p): <c>2 S_L(a, b) + c (1 + S_(L-1)(a, b)/(a b)^(L-2))</c>
    /// for <c>a = max(a_j, a_p) &gt;= b = min(a_j, a_p) &gt; 0</c>; <c>2 a^(2L-2) + c + 2 s a^(L-2)</c> when <c>b = 0 &lt; a</c>, with s
    /// the singular value of the collapsed one; REG-T3's corrected value at <c>a = b = 0</c> (then the pair adds nothing new).
    /// </summary>
    /// <remarks>REGM-LMAX, step 4 of the type remarks. Domain as for <see cref="LambdaMax(IReadOnlyList{double}, IReadOnlyList{double}, double, int)"/>.</remarks>
    /// <exception cref="ArgumentException">Negative or non-finite singular values.</exception>
    /// <exception cref="ArgumentOutOfRangeException">lambda not positive, or depth below 2.</exception>
    public static double PairLambdaMax(double sj, double aj, double sp, double ap, double lambda, int depth)
    {
        Validate([sj, sp], [aj, ap], lambda, depth);
        return PairTop(sj, aj, sp, ap, lambda, depth);
    }

    // S_L and the ratio sum are symmetric in (a_j, a_p), so no order is needed; with one partner collapsed, the other's a and
    // the collapsed one's s enter.
    private static double PairTop(double sj, double aj, double sp, double ap, double lambda, int depth)
    {
        var c = 2 * lambda / depth;
        if (aj == 0 && ap == 0)
        {
            return Theorem3.LambdaMax(Math.Max(sj, sp), 0, lambda, depth);
        }

        if (aj == 0 || ap == 0)
        {
            var (a, collapsed) = aj > 0 ? (aj, sp) : (ap, sj);
            return (2 * Math.Pow(a, (2 * depth) - 2)) + c + (2 * collapsed * Math.Pow(a, depth - 2));
        }

        return (2 * GeometricSum(depth, aj, ap)) + c + (c * RatioSum(depth, aj / ap));
    }

    /// <summary>
    /// The whole Hessian spectrum (ascending, N eigenvalues) at the global minimizer with singular values <c>s_j</c> (j &lt;= r) and
    /// layer singular values <c>a_j</c> (j &lt;= m = min(r, min_i d_i)), for widths <c>d_0..d_L</c>: the diagonal blocks j &lt;= m
    /// (REG-T3 corrected), per pair j &lt; p &lt;= m <c>0</c> and <c>4 lambda/L</c> (L - 1 times each) and <c>2 S_L + c -+ |beta|</c> (or,
    /// both collapsed, <c>lambda -+ 2 s_j</c>, <c>lambda -+ 2 s_p</c> for L = 2 and <c>c</c> 2L times for L &gt;= 3), per j &lt;= m and
    /// hidden index above m <c>c -+ 2 e_j a_j^(L-2)</c>, per j &lt;= m and unfitted p (m &lt; p &lt;= r)
    /// <c>2 a_j^(2L-2) + c -+ 2 s_p a_j^(L-2)</c>, per j &lt;= m and end index above r <c>2 a_j^(2L-2) + c</c>, and
    /// <c>c = 2 lambda/L</c> for the rest.
    /// </summary>
    /// <remarks>REGM-CONST and REGM-LMAX; derivation in the type remarks (step 6 at a bottleneck). Domain as for lambda_max.</remarks>
    /// <exception cref="ArgumentException">Widths that do not fit r and m, negative or non-finite entries.</exception>
    /// <exception cref="ArgumentOutOfRangeException">lambda not positive, or depth below 2.</exception>
    public static IReadOnlyList<double> Eigenvalues(IReadOnlyList<double> singularValues, IReadOnlyList<double> magnitudes, double lambda, IReadOnlyList<int> widths)
    {
        ArgumentNullException.ThrowIfNull(widths);
        var depth = widths.Count - 1;
        Validate(singularValues, magnitudes, lambda, depth);
        var (r, m) = (singularValues.Count, magnitudes.Count);
        if (r != Math.Min(widths[0], widths[^1]) || m != FittedCount(widths))
        {
            throw new ArgumentException(
                $"Widths ({string.Join(", ", widths)}) need r = min(d_0, d_L) = {Math.Min(widths[0], widths[^1])} singular values and m = min_i d_i = {FittedCount(widths)} layer singular values; got {r} and {m}.",
                nameof(widths));
        }

        var c = 2 * lambda / depth;
        var s = singularValues;
        var a = magnitudes;
        var spectrum = new List<double>();
        for (var j = 0; j < m; j++)
        {
            spectrum.AddRange(Theorem3.Eigenvalues(s[j], a[j], lambda, depth));
        }

        foreach (var (j, p) in Enumerable.Range(0, m).SelectMany(j => Enumerable.Range(j + 1, m - j - 1).Select(p => (j, p))))
        {
            spectrum.AddRange(PairEigenvalues(s[j], a[j], s[p], a[p], lambda, depth));
        }

        var hidden = Enumerable.Range(1, depth - 1).Sum(i => widths[i] - m);
        for (var j = 0; j < m; j++)
        {
            var coupling = 2 * (s[j] - Math.Pow(a[j], depth)) * Math.Pow(a[j], depth - 2);
            spectrum.AddRange(Enumerable.Repeat(c - coupling, hidden).Concat(Enumerable.Repeat(c + coupling, hidden)));
            var centre = (2 * Math.Pow(a[j], (2 * depth) - 2)) + c;
            for (var p = m; p < r; p++)
            {
                var residual = 2 * s[p] * Math.Pow(a[j], depth - 2);
                spectrum.AddRange([centre - residual, centre + residual]);
            }

            spectrum.AddRange(Enumerable.Repeat(centre, widths[0] - r + widths[^1] - r));
        }

        var n = Enumerable.Range(1, depth).Sum(i => widths[i] * widths[i - 1]);
        spectrum.AddRange(Enumerable.Repeat(c, n - spectrum.Count));
        return [.. spectrum.Order()];
    }

    /// <summary>
    /// The layer singular values <c>a_j = |rho_j|^(1/L)</c> (j &lt;= m = min(r, min_i d_i)) of the global minimizer the point is
    /// at: per fitted singular value <c>s_j</c> of its target, of the (one or two) global minimizers <c>rho</c> of REG eq. 6, the
    /// one whose root is nearest the point's own j-th layer singular value.
    /// </summary>
    /// <remarks>REG eq. 6 and Theorem 1 (claims REG-T1, ABS-UNIQ, REGM-LMAX): the certified values, not the point's own, as in
    /// <see cref="RegularizedScalarSharpness.MinimizerMagnitude"/>. Sorting both descending matches them: a larger <c>s_j</c> has a
    /// larger <c>rho_j</c>, and at the one tied value <c>s*</c> the nonzero choices come first.</remarks>
    /// <exception cref="ArgumentException">The point is not a global minimizer in the domain of <see cref="IsInDomain"/>.</exception>
    public static IReadOnlyList<double> Magnitudes(Factorization point)
    {
        RequireGlobalMinimizer(point);
        var depth = point.Depth;
        var lambda = point.Lambda!.Value;
        var s = SingularValues(point.TargetView).Take(FittedCount(point.Widths));
        var own = ScaledSvd.SingularValues(point.LayerView(1));
        return [.. s.Select((sj, j) => ScalarEndToEnd.GlobalMinimizers(sj, lambda, depth)
            .Select(rho => Math.Pow(Math.Abs(rho), 1.0 / depth))
            .MinBy(a => Math.Abs(a - own[j])))];
    }

    /// <summary>lambda_max at a global minimizer: the closed form at its target's singular values and <see cref="Magnitudes"/>.</summary>
    /// <remarks>REGM-LMAX (REG l. 208). Domain: <see cref="IsInDomain"/> and a global minimizer.</remarks>
    /// <exception cref="ArgumentException">The point is not a global minimizer in the domain.</exception>
    public static double LambdaMax(Factorization point)
    {
        var magnitudes = Magnitudes(point);
        return LambdaMax(SingularValues(point.TargetView), magnitudes, point.Lambda!.Value, point.Depth);
    }

    /// <summary>The whole Hessian spectrum at a global minimizer (ascending).</summary>
    /// <remarks>REGM-CONST, REGM-LMAX. Domain: <see cref="IsInDomain"/> and a global minimizer.</remarks>
    /// <exception cref="ArgumentException">The point is not a global minimizer in the domain.</exception>
    public static IReadOnlyList<double> Eigenvalues(Factorization point)
    {
        var magnitudes = Magnitudes(point);
        return Eigenvalues(SingularValues(point.TargetView), magnitudes, point.Lambda!.Value, point.Widths);
    }

    /// <summary>
    /// The layer singular values of the minimizer <see cref="RegularizedMatrixMinimizer.FromTarget"/> builds at
    /// <paramref name="widths"/> with <paramref name="tieChoice"/>: <c>|rho_j|^(1/L)</c> for the <c>m = min(r, min_i d_i)</c>
    /// largest singular values, the nonzero <c>rho_j</c> at a tie when bit j is set.
    /// </summary>
    /// <remarks>REG eq. 6 per fitted singular value (claims ABS-UNIQ, REGM-LMAX; type remarks, step 6).</remarks>
    /// <exception cref="ArgumentException">A non-finite target, or widths that do not fit it.</exception>
    /// <exception cref="ArgumentOutOfRangeException">lambda not positive, or depth below 2.</exception>
    public static IReadOnlyList<double> MagnitudesAt(Matrix<double> target, IReadOnlyList<int> widths, double lambda, int tieChoice)
    {
        Preconditions.RequireFinite(target, nameof(target), "The target M");
        Preconditions.RequirePositive(lambda, nameof(lambda));
        Preconditions.RequireWidthsOf(widths, target, nameof(widths));
        var depth = widths.Count - 1;
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 2, nameof(widths));
        return [.. SingularValues(target).Take(FittedCount(widths)).Select((s, j) =>
        {
            var minimizers = ScalarEndToEnd.GlobalMinimizers(s, lambda, depth);
            return Math.Pow(Math.Abs((tieChoice & (1 << j)) != 0 ? minimizers[^1] : minimizers[0]), 1.0 / depth);
        })];
    }

    /// <summary>The number <c>m = min_i d_i</c> of singular values a minimizer at these widths fits: <c>r = min(d_0, d_L)</c>
    /// without a bottleneck, the least hidden width at one.</summary>
    /// <remarks>REG eq. 2 (claim REGM-LMAX; type remarks, step 6).</remarks>
    /// <exception cref="ArgumentNullException">No widths.</exception>
    public static int FittedCount(IReadOnlyList<int> widths)
    {
        ArgumentNullException.ThrowIfNull(widths);
        return widths.Min();
    }

    /// <summary>
    /// The flat value: the least lambda_max over all global minimizers of M. Off ABS-UNIQ's exceptional set every minimizer has
    /// the same lambda_max; on it, over the k + 1 choices of how many of the singular values at the threshold keep their
    /// nonzero <c>rho</c>.
    /// </summary>
    /// <remarks>REGM-LMAX over the minimizers of REG eq. 6 (claims ABS-UNIQ, REGM-CONST); the REG notion of flatness (REG eq. 39:
    /// least lambda_max over the minimizers).</remarks>
    /// <exception cref="ArgumentException">A non-finite target, or widths that do not fit it.</exception>
    /// <exception cref="ArgumentOutOfRangeException">lambda not positive, or depth below 2.</exception>
    public static double FlatValue(Matrix<double> target, IReadOnlyList<int> widths, double lambda)
    {
        var low = MagnitudesAt(target, widths, lambda, 0);
        var high = MagnitudesAt(target, widths, lambda, -1);
        var s = SingularValues(target);
        var tied = Enumerable.Range(0, low.Count).Where(j => low[j] != high[j]).ToList();

        // Keeping the nonzero rho at the first k tied indices (descending) and 0 at the rest: which k of them is a gauge.
        double WithNonzero(int k) => LambdaMax(s, [.. low.Select((a, j) => tied.Take(k).Contains(j) ? high[j] : a)], lambda, widths.Count - 1);
        return Enumerable.Range(0, tied.Count + 1).Min(WithNonzero);
    }

    /// <summary>
    /// True when the point is in the domain of these results: regularized, with a target, and of depth L &gt;= 2 (at any widths,
    /// bottlenecks included).
    /// </summary>
    /// <remarks>REG eq. 2 (claim REGM-LMAX): the domain of the derivation in the type remarks.</remarks>
    public static bool IsInDomain(Factorization point)
    {
        ArgumentNullException.ThrowIfNull(point);
        return point.Lambda is not null && point.HasTarget && point.Depth >= 2;
    }

    /// <summary>The <c>r = min(d_0, d_L)</c> singular values <c>s_j</c> of the target, descending (computed scale-invariantly).</summary>
    /// <remarks>REG eq. 2 (claims REGM-LMAX, REGM-CONST): the <c>s_j</c> the closed forms take.</remarks>
    /// <exception cref="ArgumentException">A non-finite target.</exception>
    public static IReadOnlyList<double> SingularValues(Matrix<double> target) => ScaledSvd.OfTarget(target);

    // The eigenvalues of the block of pair (j, p) other than c = 2 lambda/L, step 4 of the type remarks (Eigenvalues pads with
    // c: both collapsed at L >= 3 the block is c I).
    private static IEnumerable<double> PairEigenvalues(double sj, double aj, double sp, double ap, double lambda, int depth)
    {
        var c = 2 * lambda / depth;
        if (aj == 0 && ap == 0)
        {
            return depth == 2 ? [lambda - (2 * sj), lambda + (2 * sj), lambda - (2 * sp), lambda + (2 * sp)] : [];
        }

        var top = PairTop(sj, aj, sp, ap, lambda, depth);
        var centre = (2 * GeometricSum(depth, aj, ap)) + c;
        return [.. Enumerable.Repeat(0.0, depth - 1), .. Enumerable.Repeat(2 * c, depth - 1), centre - (top - centre), top];
    }

    // S_(L-1)(a, b) / (a b)^(L-2) = sum_(k=1)^(L-1) (a/b)^(L-2k), in the scale-free ratio: c S_(L-1) overflowed at
    // targets of 1e140 (c near 1e210 and S_3 near 1e140, at L = 4), though the quotient is of size 1.
    private static double RatioSum(int depth, double ratio) =>
        Enumerable.Range(1, depth - 1).Sum(k => Math.Pow(ratio, depth - (2 * k)));

    // S_n(a, b) = sum_(i=0)^(n-1) a^(2i) b^(2(n-1-i)).
    private static double GeometricSum(int n, double a, double b) =>
        Enumerable.Range(0, n).Sum(i => Math.Pow(a, 2 * i) * Math.Pow(b, 2 * (n - 1 - i)));

    private static void Validate(IReadOnlyList<double> singularValues, IReadOnlyList<double> magnitudes, double lambda, int depth)
    {
        ArgumentNullException.ThrowIfNull(singularValues);
        ArgumentNullException.ThrowIfNull(magnitudes);
        Preconditions.RequirePositive(lambda, nameof(lambda));
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 2);
        if (magnitudes.Count < 1 || magnitudes.Count > singularValues.Count)
        {
            throw new ArgumentException($"{singularValues.Count} singular values but {magnitudes.Count} layer singular values: need 1 to {singularValues.Count} (fewer only at a bottleneck).", nameof(magnitudes));
        }

        foreach (var x in singularValues.Concat(magnitudes))
        {
            Preconditions.RequireFinite(x, nameof(singularValues));
            Preconditions.RequireNonNegative(x, nameof(singularValues));
        }
    }

    private static void RequireGlobalMinimizer(Factorization point)
    {
        ArgumentNullException.ThrowIfNull(point);
        if (!IsInDomain(point))
        {
            throw new ArgumentException(
                $"REGM-LMAX needs a regularized point (a target, lambda > 0) of depth L >= 2; got widths ({string.Join(", ", point.Widths)}), lambda {point.Lambda?.ToString(CultureInfo.InvariantCulture) ?? "none"}.",
                nameof(point));
        }

        RegularizedMinimum.RequireGlobalMinimizer(point, nameof(point));
    }
}

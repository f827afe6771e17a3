using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sharpness.Verification;

namespace Sharpness.Cli.Verify;

/// <summary>The <c>verify</c> report as JSON (<c>--json FILE</c>) and Markdown (<c>--markdown FILE</c>): the same content as the table.</summary>
internal static class ReportFormats
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Relative errors as text: two significant digits, exponent form; "n/a" where nothing numeric was compared.</summary>
    public static string Error(double? relativeError) => relativeError is double e ? e.ToString("0.0e+0", CultureInfo.InvariantCulture) : "n/a";

    /// <summary>A claim's worst relative error as text: "-" when it checked no case, "n/a" when its checks compare no number.</summary>
    public static string WorstError(ClaimReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Cases == 0 ? "-" : Error(report.WorstRelativeError);
    }

    /// <summary>A property's worst relative error as text, as <see cref="WorstError(ClaimReport)"/>.</summary>
    public static string WorstError(PropertyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Cases == 0 ? "-" : Error(report.WorstRelativeError);
    }

    /// <summary>How a property's run ended, in words.</summary>
    public static string Result(PropertyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Result switch
        {
            PropertyResult.Passed => report.Gaps.Count == 0 ? "passed" : "passed, incomplete",
            PropertyResult.Falsified => "new counterexample",
            _ => "suite error",
        };
    }

    /// <summary>A property's role in words.</summary>
    public static string Role(PropertyRole role) => role == PropertyRole.ExhibitsCounterexample ? "exhibits counterexample" : "checks claim";

    /// <summary>The report as one JSON object: settings, summary, and per claim its properties.</summary>
    public static string Json(VerificationRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var claims = new JsonArray();
        foreach (var report in run.Claims)
        {
            var properties = new JsonArray();
            foreach (var p in report.Properties)
            {
                var regimes = new JsonObject();
                foreach (var (regime, count) in p.Regimes.OrderBy(r => r.Key, StringComparer.Ordinal))
                {
                    regimes[regime] = count;
                }

                properties.Add(new JsonObject
                {
                    ["name"] = p.Property,
                    ["role"] = Role(p.Role),
                    ["requested"] = p.Requested,
                    ["cases"] = p.Cases,
                    ["checked"] = p.Checked,
                    ["vacuous"] = p.Vacuous,
                    ["passedOver"] = p.PassedOver,
                    ["exhibiting"] = p.Role == PropertyRole.ExhibitsCounterexample ? p.Exhibiting : null,
                    ["worstRelativeError"] = p.WorstRelativeError,
                    ["passed"] = p.Passed,
                    ["result"] = Result(p),
                    ["gaps"] = new JsonArray([.. p.Gaps.Select(g => JsonValue.Create(g.Text))]),
                    ["failure"] = p.Failure,
                    ["regimes"] = regimes,
                });
            }

            claims.Add(new JsonObject
            {
                ["id"] = report.Claim.Id,
                ["source"] = report.Claim.Source,
                ["statement"] = report.Claim.Statement,
                ["expectation"] = report.Claim.Expectation.ToString(),
                ["verdict"] = Verifier.Describe(report.Verdict),
                ["asExpected"] = report.IsAsExpected,
                ["failed"] = report.HasFailed,
                ["gaps"] = new JsonArray([.. report.Gaps.Select(g => JsonValue.Create(g))]),
                ["requested"] = report.Requested,
                ["cases"] = report.Cases,
                ["worstRelativeError"] = report.WorstRelativeError,
                ["finding"] = report.Claim.Finding,
                ["replay"] = run.ReplayCommand(report),
                ["certificate"] = run.Certificates.TryGetValue(report.Claim.Id, out var certificate)
                    ? new JsonObject { ["kind"] = run.CertificateWord(report), ["proven"] = certificate.Proven, ["evidence"] = certificate.Evidence }
                    : null,
                ["properties"] = properties,
            });
        }

        var root = new JsonObject
        {
            ["casesPerProperty"] = run.Settings.Cases,
            ["seed"] = run.Settings.Replay,
            ["maxDepth"] = run.Settings.MaxDepth,
            ["summary"] = new JsonObject
            {
                ["claims"] = run.Claims.Count,
                ["hold"] = run.Holding,
                ["knownCounterexamplesReproduced"] = run.KnownCounterexamples,
                ["incomplete"] = run.Incomplete,
                ["notRun"] = run.NotRun,
                ["newCounterexamples"] = run.NewCounterexamples,
                ["suiteErrors"] = run.SuiteErrors,
                ["certificatesProven"] = run.Certificates.Count - run.UnprovenCertificates,
                ["certificatesNotProven"] = run.UnprovenCertificates,
            },
            ["claims"] = claims,
        };
        return root.ToJsonString(Indented) + Environment.NewLine;
    }

    /// <summary>The report as Markdown: the table, then the findings and any failure.</summary>
    public static string Markdown(VerificationRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var text = new StringBuilder();
        var depth = run.Settings.MaxDepth is int d ? $", depth at most {d}" : string.Empty;
        text.AppendLine(CultureInfo.InvariantCulture, $"# Sharpness verify ({run.Settings.Cases} cases per property, seed {run.Settings.Replay}{depth})");
        text.AppendLine();
        text.AppendLine("| Claim | Source | Cases | Worst rel. error | Verdict | Certificate | Replay |");
        text.AppendLine("|---|---|---:|---:|---|---|---|");
        foreach (var report in run.Claims)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {report.Claim.Id} | {Cell(report.Claim.Source)} | {report.Cases} | {WorstError(report)} | {Cell(Verifier.Describe(report))} | {run.CertificateWord(report)} | `{run.ReplayCommand(report)}` |");
        }

        text.AppendLine();
        text.AppendLine(run.Summary);
        text.AppendLine();
        text.AppendLine("## Claims");
        foreach (var report in run.Claims)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"### {report.Claim.Id}: {Verifier.Describe(report.Verdict)}");
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"> {report.Claim.Statement}");
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"Finding: {report.Claim.Finding}");
            if (run.Certificates.TryGetValue(report.Claim.Id, out var certificate))
            {
                text.AppendLine();
                text.AppendLine(CultureInfo.InvariantCulture, $"Certificate ({run.CertificateWord(report)}): {certificate.Evidence}");
            }
            foreach (var gap in report.Gaps)
            {
                text.AppendLine();
                text.AppendLine(CultureInfo.InvariantCulture, $"Missing: {gap}");
            }

            text.AppendLine();
            text.AppendLine("| Property | Role | Checked | Vacuous | Passed over | Worst rel. error | Result | Regimes |");
            text.AppendLine("|---|---|---:|---:|---:|---:|---|---|");
            foreach (var p in report.Properties)
            {
                var regimes = string.Join("; ", p.Regimes.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key}: {r.Value}"));
                var result = p.Gaps.Count == 0 ? Result(p) : $"{Result(p)} ({string.Join("; ", p.Gaps)})";
                text.AppendLine(CultureInfo.InvariantCulture, $"| {p.Property} | {Role(p.Role)} | {p.Checked} | {p.Vacuous} | {p.PassedOver} | {WorstError(p)} | {Cell(result)} | {Cell(regimes)} |");
            }
        }

        var failures = run.Claims.SelectMany(r => r.Properties).Where(p => !p.Passed).ToList();
        if (failures.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("## Failures (new counterexamples and suite errors)");
            foreach (var failure in failures)
            {
                text.AppendLine();
                text.AppendLine("```");
                text.AppendLine(failure.Failure);
                text.AppendLine("```");
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// The verdict table as a booktabs LaTeX table (<c>\usepackage{booktabs}</c>) for a paper's appendix: claim, source,
    /// cases, worst relative error, verdict and certificate, the seed and case count in the caption and the closing line
    /// under it; every text cell escaped for LaTeX (<see cref="Latex(string)"/>).
    /// </summary>
    public static string Latex(VerificationRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var text = new StringBuilder();
        var depth = run.Settings.MaxDepth is int d ? string.Create(CultureInfo.InvariantCulture, $", depth at most {d}") : string.Empty;
        text.AppendLine(CultureInfo.InvariantCulture, $"% Written by sharpness verify; needs \\usepackage{{booktabs}}. Replay: sharpness verify --cases {run.Settings.Cases} --seed \"{run.Settings.Replay}\"");
        text.AppendLine("\\begin{table}[htbp]");
        text.AppendLine("\\centering");
        text.AppendLine("\\small");
        text.AppendLine(CultureInfo.InvariantCulture, $"\\caption{{Sharpness verify ({run.Settings.Cases} cases per property, seed {Latex(run.Settings.Replay)}{depth}).}}");
        text.AppendLine("\\label{tab:sharpness-verify}");
        text.AppendLine("\\begin{tabular}{llrlll}");
        text.AppendLine("\\toprule");
        text.AppendLine("Claim & Source & Cases & Worst rel.\\ error & Verdict & Certificate \\\\");
        text.AppendLine("\\midrule");
        foreach (var report in run.Claims)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{Latex(report.Claim.Id)} & {Latex(report.Claim.Source)} & {report.Cases} & {LatexError(WorstError(report))} & {Latex(Verifier.Describe(report))} & {Latex(run.CertificateWord(report))} \\\\");
        }

        text.AppendLine("\\bottomrule");
        text.AppendLine("\\end{tabular}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"\\smallskip{{\\footnotesize {Latex(run.Summary)}}}");
        text.AppendLine("\\end{table}");
        return text.ToString();
    }

    /// <summary>
    /// Text for a LaTeX text cell: the ten special characters escaped (<c>\ { } _ % &amp; # $ ~ ^</c>), <c>&lt;=</c> and
    /// <c>&gt;=</c> as math relations, other <c>&lt;</c> <c>&gt;</c> as text symbols (in OT1 they would print as other glyphs).
    /// </summary>
    public static string Latex(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (c is '<' or '>' && next == '=')
            {
                escaped.Append(c == '<' ? "$\\leq$" : "$\\geq$");
                i++;
                continue;
            }

            escaped.Append(c switch
            {
                '\\' => "\\textbackslash{}",
                '{' or '}' or '_' or '%' or '&' or '#' or '$' => $"\\{c}",
                '~' => "\\textasciitilde{}",
                '^' => "\\textasciicircum{}",
                '<' => "\\textless{}",
                '>' => "\\textgreater{}",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    // "1.3e-9" as $1.3 \times 10^{-9}$; "n/a" stays, "-" (no case checked) is an en dash.
    private static string LatexError(string error)
    {
        var parts = error.Split('e');
        return parts.Length == 2 && int.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent)
            ? string.Create(CultureInfo.InvariantCulture, $"${parts[0]} \\times 10^{{{exponent}}}$")
            : error == "-" ? "--" : Latex(error);
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}

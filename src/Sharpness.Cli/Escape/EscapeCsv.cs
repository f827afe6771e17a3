using System.Globalization;
using System.Text;
using Sharpness.Verification.Experiments;

namespace Sharpness.Cli.Escape;

/// <summary>The escape experiments as CSV: one trace per run, and one summary row per run (invariant culture, round-trip numbers).</summary>
internal static class EscapeCsv
{
    /// <summary>Header of a trace file: the quantities of the paper's panels (a), (b) and (c).</summary>
    public const string TraceHeader = "iteration,normalized_loss,normalized_distance,x_on_v1,y_on_vN";

    /// <summary>Header of the summary file.</summary>
    public const string SummaryHeader =
        "figure,widths,parameters,radius,closed_form,lambda_max_closed_form,lambda_max_oracle,oracle,relative_difference,step_multiple,eta,iterations,stop,outcome,max_normalized_distance,final_normalized_loss";

    /// <summary>
    /// One line per iterate <c>w_k</c>: <c>k</c>, <c>L(w_k)/||M||_F^2</c>, <c>||w_k - w*||/||w*||</c>, <c>&lt;w_k - w*, v_1&gt;</c>,
    /// <c>&lt;w_k - w*, v_N&gt;</c> (the last row of a diverged run holds <c>Infinity</c> and <c>NaN</c>).
    /// </summary>
    public static string Trace(DescentTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var text = new StringBuilder(TraceHeader).Append('\n');
        for (var k = 0; k < trace.NormalizedLoss.Count; k++)
        {
            text.Append(k.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(Number(trace.NormalizedLoss[k])).Append(',')
                .Append(Number(trace.NormalizedDistance[k])).Append(',')
                .Append(Number(trace.TopProjection[k])).Append(',')
                .Append(Number(trace.BottomProjection[k])).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>One row per run of every result, under <see cref="SummaryHeader"/>.</summary>
    public static string Summary(IReadOnlyList<EscapeResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var text = new StringBuilder(SummaryHeader).Append('\n');
        foreach (var result in results)
        {
            var c = result.Configuration;
            foreach (var run in result.Runs)
            {
                text.AppendJoin(',',
                    c.Id,
                    string.Join(' ', c.Widths.Select(d => d.ToString(CultureInfo.InvariantCulture))),
                    c.ParameterCount.ToString(CultureInfo.InvariantCulture),
                    Number(c.Radius),
                    c.ClosedForm.ToString(),
                    Number(result.ClosedFormLambdaMax),
                    Number(result.Minimum.LambdaMax),
                    result.Minimum.Method.ToString(),
                    Number(result.RelativeDifference),
                    Number(run.Multiple),
                    Number(run.Trace.Eta),
                    run.Trace.Iterations.ToString(CultureInfo.InvariantCulture),
                    run.Trace.Stop.ToString(),
                    run.Outcome.ToString(),
                    Number(run.Trace.MaxNormalizedDistance),
                    Number(run.Trace.FinalNormalizedLoss)).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Number(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}

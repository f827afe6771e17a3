using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Sharpness.Theory;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Sharpness.Cli.LambdaMax;

/// <summary>The two renderings of a <see cref="SharpnessReport"/>: a table for people and one JSON object for programs.</summary>
internal static class ReportRendering
{
    /// <summary>A double as the shortest text that reads back to the same value, in the invariant culture.</summary>
    public static string RoundTrip(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The table: quantity, value, and the claim ID or source (or why a quantity is absent).</summary>
    /// <param name="report">The report.</param>
    /// <param name="number">How numbers are written (<see cref="RoundTrip"/> in the verb; tests may round).</param>
    /// <param name="certification">With <c>--certify</c>, the proven enclosure and minimizer test.</param>
    public static Table Table(SharpnessReport report, Func<double, string> number, Certification? certification = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(number);
        var table = new Table().Border(TableBorder.Rounded).Title("Sharpness at the given point");
        table.AddColumns("Quantity", "Value", "Claim ID / source");
        void Row(string quantity, IRenderable value, string source) => table.AddRow(new Text(quantity), value, new Text(source));
        void Plain(string quantity, string value, string source) => Row(quantity, new Text(value), source);
        void Number(string quantity, Quantity q, Func<double, string>? special = null) =>
            Plain(quantity, q.Value is { } v ? (double.IsFinite(v) ? number(v) : special?.Invoke(v) ?? number(v)) : "none", q.Source);

        var regularized = report.Lambda > 0;
        Plain("Widths d_0, ..., d_L", string.Join(", ", report.Widths), "input");
        Plain("Parameters N", report.ParameterCount.ToString(CultureInfo.InvariantCulture), "EXACT eq. 16");
        Plain("lambda", number(report.Lambda), regularized ? "input (REG eq. 2)" : "input (0: unregularized)");
        Plain("Target M", report.TargetGiven ? "given" : "W_L...W_1", report.TargetGiven ? "input" : "no target in the file: the product");
        Plain("Loss", number(report.Loss), regularized ? "||M - W_L...W_1||_F^2 + (lambda/L) sum_i ||W_i||_F^2" : "||M - W_L...W_1||_F^2");
        Plain("Minimum loss", number(report.MinimumLoss), regularized ? "REG eq. 6 per singular value of M, s_j^2 for those beyond the least width" : "0 on Omega (EXACT eq. 19)");
        Row(
            "Minimizer",
            YesNo(report.IsMinimizer),
            regularized ? "stationary and at the minimum loss (REG eq. 2, 6)" : "residual within the allowed one: in Omega (EXACT eq. 19)");
        Plain(regularized ? "Residual ||grad L||_F" : "Residual ||M - W_L...W_1||_F", number(report.Residual), regularized ? "REG eq. 2" : "EXACT eq. 19");
        Plain("Allowed residual", number(report.ResidualBound), report.ResidualBoundRule);
        if (report.IsStationary is { } stationary)
        {
            Row("Stationary", YesNo(stationary), "residual within the allowed one");
        }

        Number("Closed-form lambda_max", report.ClosedFormLambdaMax);
        Plain(
            "Oracle lambda_max",
            number(report.OracleLambdaMax),
            report.Oracle == OracleMethod.Dense
                ? string.Create(CultureInfo.InvariantCulture, $"dense Hessian, every eigenvalue (N <= {SharpnessReport.DenseLimit})")
                : string.Create(CultureInfo.InvariantCulture, $"Lanczos on the Hessian-vector product (N > {SharpnessReport.DenseLimit})"));
        if (report.ClosedFormAgreesWithOracle is { } agrees)
        {
            Row(
                "Closed form = oracle",
                YesNo(agrees),
                report.Oracle == OracleMethod.Dense
                    ? string.Create(CultureInfo.InvariantCulture, $"within {SharpnessReport.Exponent(Tolerance.DenseOracle.Relative)} of the Hessian's Frobenius norm")
                    : string.Create(CultureInfo.InvariantCulture, $"within {SharpnessReport.Exponent(Tolerance.LanczosOracle.Relative)} of lambda_max"));
        }

        Number("Largest stable step 2 / lambda_max", report.MaxStableStep, _ => "infinite");
        Number("Flat value", report.FlatValue);
        if (report.IsFlat is { } flat)
        {
            Row(
                "Flat",
                YesNo(flat),
                report.IsMinimizer
                    ? string.Create(CultureInfo.InvariantCulture, $"oracle lambda_max = flat value within {SharpnessReport.Exponent(Tolerance.Flatness.Relative)} of max(||H||_F, flat value)")
                    : "not a minimizer");
        }
        else
        {
            Plain("Flat", "unknown", "the flat value is unknown");
        }

        Number("Lower bound", report.LowerBound);
        Number("Upper bound", report.UpperBound);
        if (certification is not null)
        {
            var enclosure = certification.LambdaMax;
            Plain(
                "Certified lambda_max",
                enclosure.HasUpperBound ? $"[{number(enclosure.Value.Lower)}, {number(enclosure.Value.Upper)}]" : $">= {number(enclosure.Value.Lower)} (upper end not certified)",
                string.Create(CultureInfo.InvariantCulture, $"proven enclosure of the exact Hessian's lambda_max ({enclosure.Method}), width {enclosure.RelativeWidth:G3} of ||H||_F") + (enclosure.WhyWide is { } why ? $"; wide: {why}" : string.Empty));
            Plain("Certified minimizer", certification.IsMinimizer is { } proven ? (proven ? "yes" : "no") : "undecided", certification.MinimizerReason);
            Plain(
                "Certified closed form",
                certification.ClosedForm is { } closed ? $"[{number(closed.Lower)}, {number(closed.Upper)}]" : "none",
                certification.ClosedFormVerdict);
        }

        return table;
    }

    /// <summary>One indented JSON object with every quantity; a number that does not apply (or is infinite) is null, and its
    /// <c>...Source</c> field says why.</summary>
    public static string Json(SharpnessReport report, Certification? certification = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var buffer = new MemoryStream();
        var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("widths");
            foreach (var d in report.Widths)
            {
                writer.WriteNumberValue(d);
            }

            writer.WriteEndArray();
            writer.WriteNumber("depth", report.Widths.Count - 1);
            writer.WriteNumber("parameterCount", report.ParameterCount);
            writer.WriteNumber("lambda", report.Lambda);
            writer.WriteBoolean("targetGiven", report.TargetGiven);
            writer.WriteNumber("loss", report.Loss);
            writer.WriteNumber("minimumLoss", report.MinimumLoss);
            writer.WriteBoolean("isMinimizer", report.IsMinimizer);
            writer.WriteNumber("residual", report.Residual);
            writer.WriteNumber("residualBound", report.ResidualBound);
            writer.WriteString("minimizerTest", report.MinimizerTest);
            WriteNullable(writer, "isStationary", report.IsStationary);
            WriteQuantity(writer, "closedFormLambdaMax", "closedFormSource", report.ClosedFormLambdaMax);
            WriteNullable(writer, "closedFormAgreesWithOracle", report.ClosedFormAgreesWithOracle);
            writer.WriteString("oracle", report.Oracle == OracleMethod.Dense ? "dense" : "lanczos");
            writer.WriteNumber("oracleLambdaMax", report.OracleLambdaMax);
            WriteQuantity(writer, "maxStableStep", "maxStableStepSource", report.MaxStableStep);

            // JSON has no infinity: this flag tells "every step is stable" (lambda_max = 0) from "no step applies" (not a minimizer).
            writer.WriteBoolean("maxStableStepUnbounded", report.MaxStableStep.Value is double step && double.IsPositiveInfinity(step));
            WriteQuantity(writer, "flatValue", "flatValueSource", report.FlatValue);
            WriteNullable(writer, "isFlat", report.IsFlat);
            writer.WriteStartObject("bounds");
            WriteQuantity(writer, "lower", "lowerSource", report.LowerBound);
            WriteQuantity(writer, "upper", "upperSource", report.UpperBound);
            writer.WriteEndObject();
            if (certification is not null)
            {
                WriteCertification(writer, certification);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteCertification(Utf8JsonWriter writer, Certification certification)
    {
        var enclosure = certification.LambdaMax;
        writer.WriteStartObject("certifiedLambdaMax");
        writer.WriteNumber("lower", enclosure.Value.Lower);
        if (enclosure.HasUpperBound)
        {
            writer.WriteNumber("upper", enclosure.Value.Upper);
            writer.WriteNumber("relativeWidth", enclosure.RelativeWidth);
        }
        else
        {
            writer.WriteNull("upper");
            writer.WriteNull("relativeWidth");
        }

        writer.WriteBoolean("upperCertified", enclosure.HasUpperBound);
        writer.WriteString("method", enclosure.Method.ToString());
        if (enclosure.WhyWide is { } why)
        {
            writer.WriteString("whyWide", why);
        }
        else
        {
            writer.WriteNull("whyWide");
        }

        writer.WriteEndObject();
        WriteNullable(writer, "certifiedMinimizer", certification.IsMinimizer);
        writer.WriteString("certifiedMinimizerReason", certification.MinimizerReason);
        if (certification.ClosedForm is { } closed)
        {
            writer.WriteStartObject("certifiedClosedForm");
            writer.WriteNumber("lower", closed.Lower);
            writer.WriteNumber("upper", closed.Upper);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("certifiedClosedForm");
        }

        writer.WriteString("certifiedClosedFormVerdict", certification.ClosedFormVerdict);
    }

    private static Text YesNo(bool value) => new(value ? "yes" : "no", new Style(value ? Color.Green : Color.Red));

    // JSON has no infinity: an infinite value (the stable step at lambda_max = 0) is written as null, its source says "every step".
    private static void WriteQuantity(Utf8JsonWriter writer, string name, string sourceName, Quantity quantity)
    {
        if (quantity.Value is { } value && double.IsFinite(value))
        {
            writer.WriteNumber(name, value);
        }
        else
        {
            writer.WriteNull(name);
        }

        writer.WriteString(sourceName, quantity.Source);
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, bool? value)
    {
        if (value is { } b)
        {
            writer.WriteBoolean(name, b);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}

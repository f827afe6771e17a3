using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Sharpness.Verification.Experiments;
using Spectre.Console;

namespace Sharpness.Cli.Escape;

/// <summary>
/// The <c>escape</c> verb (claims EXACT-ESC, EXACT-CONTOUR): reruns the escape experiments of EXACT Figures 1-7 with pure
/// full-batch GD, prints lambda_max (closed form and oracle) and each run's outcome, and writes the traces and panels.
/// </summary>
internal static class EscapeCommand
{
    /// <summary>The default output directory.</summary>
    public const string DefaultDirectory = "escape-output";

    /// <summary>The most steps per run: every iterate of every run is kept for the traces and panels (four doubles a step),
    /// so this bounds memory (about 150 MB for all figures) at 50 times the paper's 2000.</summary>
    public const int MaxIterations = 100_000;

    /// <summary>The smallest and largest step multiple: far below or above the threshold nothing new happens (a run stays
    /// or diverges within a step), and beyond these the step <c>multiple x 2/lambda_max</c> could round to zero or overflow.</summary>
    public const double SmallestStepMultiple = 1e-6;

    /// <inheritdoc cref="SmallestStepMultiple"/>
    public const double LargestStepMultiple = 1e6;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var outOption = new Option<string>("--out") { Description = "Directory for the CSV traces and PNG panels (created if missing; its parent must exist).", DefaultValueFactory = _ => DefaultDirectory };
        var figureOption = new Option<string[]>("--figure")
        {
            Description = $"Figures to rerun (default: all): {string.Join(", ", EscapeConfiguration.Paper.Select(c => c.Id))}.",
            AllowMultipleArgumentsPerToken = true,
        };
        var iterationsOption = new Option<int>("--iterations")
        {
            Description = "Gradient descent steps per run.",
            DefaultValueFactory = _ => EscapeOptions.DefaultIterations,
            CustomParser = result => Program.WholeNumber(result, 1, MaxIterations) ?? 0,
        };
        var stepsOption = new Option<double[]>("--steps")
        {
            Description = $"Step sizes as multiples of 2/lambda_max (default {string.Join(" ", EscapeOptions.DefaultStepMultiples.Select(m => m.ToString(CultureInfo.InvariantCulture)))}).",
            AllowMultipleArgumentsPerToken = true,
            CustomParser = Program.Numbers,
        };
        var escape = new Command("escape", "Rerun the escape experiments of Figures 1-7 (EXACT-ESC, EXACT-CONTOUR): GD from w* + r v_1 at steps around 2/lambda_max; write CSV traces and PNG panels.")
        {
            outOption,
            figureOption,
            iterationsOption,
            stepsOption,
        };
        escape.SetAction(parse => Run(
            parse.GetValue(outOption) ?? DefaultDirectory,
            parse.GetValue(figureOption) ?? [],
            parse.GetValue(iterationsOption),
            parse.GetValue(stepsOption) ?? [],
            Program.Console(output),
            error));
        return escape;
    }

    /// <summary>Checks the arguments and the output directory (before any computation), runs the experiments, then writes
    /// the files, then prints the table. Exit 0 when every run above and below the threshold did what EXACT-ESC predicts and
    /// every closed form agrees with the oracle, 1 otherwise, 2 on bad arguments (one line on <paramref name="error"/>, nothing
    /// on <paramref name="console"/>, nothing written).</summary>
    public static int Run(string directory, IReadOnlyList<string> figureIds, int iterations, IReadOnlyList<double> steps, IAnsiConsole console, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(error);
        IReadOnlyList<EscapeConfiguration> configurations;
        EscapeOptions options;
        try
        {
            configurations = figureIds.Count == 0 ? EscapeConfiguration.Paper : [.. figureIds.Select(Find).Distinct()];
            options = Options(iterations, steps);
            var unwritable = AtomicFile.ProblemWithDirectory("--out", directory, EscapeFigures.Names(configurations.Select(c => c.Id), options.StepMultiples));
            if (unwritable is not null)
            {
                throw new ArgumentException(unwritable);
            }
        }
        catch (ArgumentException ex)
        {
            error.WriteLine($"error: {ex.Message}");
            return 2;
        }

        var clock = Stopwatch.StartNew();
        var results = new List<EscapeResult>();
        if (!console.Profile.Capabilities.Interactive)
        {
            // Redirected output: no progress bar (Spectre's fallback prints at moments that depend on timing).
            results.AddRange(configurations.Select(configuration => EscapeExperiment.Run(configuration, options)));
        }
        else
        {
            console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(context =>
                {
                    var task = context.AddTask("escape", maxValue: configurations.Count * EscapeExperiment.Stages(options));
                    var progress = new StageProgress(stage =>
                    {
                        task.Description = Markup.Escape(stage);
                        task.Increment(1);
                    });
                    foreach (var configuration in configurations)
                    {
                        results.Add(EscapeExperiment.Run(configuration, options, progress: progress));
                    }

                    task.Value = task.MaxValue;
                });
        }

        var computed = clock.Elapsed;

        var written = EscapeFigures.Write(directory, results);
        console.Write(Table(results, options));
        var contradicted = results.SelectMany(r => r.Runs.Select(run => (r.Configuration.Id, Run: run))).Where(x => !AsPredicted(x.Run)).ToList();
        foreach (var (id, run) in contradicted)
        {
            console.MarkupLineInterpolated($"[red]{id}[/]: eta = {run.Multiple} x 2/lambda_max {run.Outcome.ToString().ToLowerInvariant()}, against EXACT-ESC.");
        }

        var disagreeing = results.Where(r => !r.ClosedFormAgreesWithOracle).ToList();
        foreach (var result in disagreeing)
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{result.Configuration.Id}[/]: the closed form {result.ClosedFormLambdaMax:R} differs from the oracle's {result.Minimum.LambdaMax:R} beyond its tolerance.");
        }

        console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"Escaped = the distance from w* grew {EscapeExperiment.EscapeGrowth:G}-fold; at exactly 2/lambda_max the paper predicts convergence. Computed in {computed.TotalSeconds:F1} s; wrote {written.Count} files to {Path.GetFullPath(directory)} in {(clock.Elapsed - computed).TotalSeconds:F1} s.");
        return contradicted.Count == 0 && disagreeing.Count == 0 ? 0 : 1;
    }

    /// <summary>Above the threshold EXACT-ESC predicts an escape (or worse), below it a stay; at the threshold itself nothing is checked here.</summary>
    public static bool AsPredicted(EscapeRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Multiple > 1 ? run.Outcome != EscapeOutcome.Stayed
            : run.Multiple < 1 ? run.Outcome == EscapeOutcome.Stayed
            : true;
    }

    // A figure named twice runs once (as a step size given twice does); the library's message names its parameter.
    private static EscapeConfiguration Find(string id) =>
        EscapeConfiguration.Paper.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"--figure: no escape configuration '{id}'; known: {string.Join(", ", EscapeConfiguration.Paper.Select(c => c.Id))}");

    private static EscapeOptions Options(int iterations, IReadOnlyList<double> steps)
    {
        if (iterations is < 1 or > MaxIterations)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"--iterations must be a whole number from 1 to {MaxIterations}, not {iterations}"));
        }

        var bad = steps.Where(m => !(m is >= SmallestStepMultiple and <= LargestStepMultiple)).ToList();
        if (bad.Count > 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"--steps must be multiples of 2/lambda_max from {SmallestStepMultiple:0e0} to {LargestStepMultiple:0e0}; got {string.Join(", ", bad.Select(m => m.ToString("R", CultureInfo.InvariantCulture)))}"));
        }

        var multiples = steps.Distinct().Order().ToList();
        var clash = multiples.GroupBy(m => EscapeFigures.TraceName(string.Empty, m), StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            // The trace file and the table column show a multiple to four digits; two that agree there would overwrite
            // each other's trace.
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"--steps {string.Join(" and ", clash.Select(m => m.ToString("R", CultureInfo.InvariantCulture)))} agree to four digits, so their traces would have the same file name"));
        }

        var options = new EscapeOptions { Iterations = iterations };
        return multiples.Count == 0 ? options : options with { StepMultiples = multiples };
    }

    private static Table Table(IReadOnlyList<EscapeResult> results, EscapeOptions options)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(string.Create(CultureInfo.InvariantCulture,
            $"Sharpness escape: GD from w* + r v_1, {options.Iterations} steps per run. Escaped? (max ||w_k - w*|| / ||w*||) at eta = multiple x 2/lambda_max"));
        table.AddColumns("Figure", "N", "lambda_max closed form", "lambda_max oracle", "rel. diff");
        foreach (var multiple in options.StepMultiples)
        {
            table.AddColumn(new TableColumn(string.Create(CultureInfo.InvariantCulture, $"x{multiple:G4}")).RightAligned());
        }

        foreach (var result in results)
        {
            var cells = new List<string>
            {
                Markup.Escape(result.Configuration.Id),
                result.Configuration.ParameterCount.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{result.ClosedFormLambdaMax:G8} ({Short(result.Configuration.ClosedForm)})")),
                Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{result.Minimum.LambdaMax:G8} ({result.Minimum.Method})")),
                result.RelativeDifference.ToString("0.0e+0", CultureInfo.InvariantCulture),
            };
            cells.AddRange(result.Runs.Select(Cell));
            table.AddRow([.. cells]);
        }

        return table;
    }

    private static string Short(ClosedForm form) => form switch
    {
        ClosedForm.Corollary6 => "C6",
        ClosedForm.Theorem4 => "T4",
        _ => "T5",
    };

    // "yes 4e-04" / "no 3e-10" / "diverged": green where EXACT-ESC predicts it, red where not, yellow at the threshold.
    private static string Cell(EscapeRun run)
    {
        var color = run.Multiple == 1 ? "yellow" : AsPredicted(run) ? "green" : "red";
        var text = run.Outcome switch
        {
            EscapeOutcome.Diverged => "diverged",
            EscapeOutcome.Escaped => "yes " + run.Trace.MaxNormalizedDistance.ToString("0e+00", CultureInfo.InvariantCulture),
            _ => "no " + run.Trace.MaxNormalizedDistance.ToString("0e+00", CultureInfo.InvariantCulture),
        };
        return $"[{color}]{text}[/]";
    }

    // Reports each finished stage at once, on the computing thread (Progress<T> would post to the thread pool and lag).
    private sealed class StageProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}

using System.CommandLine;
using Sharpness.Cli.Escape;
using Sharpness.Cli.Verify;
using Sharpness.Verification.Experiments;
using Spectre.Console;

namespace Sharpness.Cli.Appendix;

/// <summary>
/// The <c>appendix</c> verb: runs every claim (as <c>verify</c> does), draws the escape figures, and writes
/// <c>APPENDIX.md</c> with the figures beside it. Exit code as <c>verify</c>: 1 when a claim has a new counterexample or a suite error, else 0.
/// </summary>
internal static class AppendixCommand
{
    /// <summary>The appendix's file name inside its directory.</summary>
    public const string FileName = "APPENDIX.md";

    public static Command Create(TextWriter output, TextWriter error)
    {
        var outOption = new Option<string>("--out") { Description = "Directory for APPENDIX.md and its figures (created if missing; its parent must exist).", DefaultValueFactory = _ => "appendix" };
        var casesOption = VerifyCommand.CasesOption();
        var seedOption = VerifyCommand.SeedOption();
        var command = new Command("appendix", "Write APPENDIX.md: each claim with its code, its checks, this run's verdict and the figures.")
        {
            outOption,
            casesOption,
            seedOption,
        };
        command.SetAction(parse => Run(parse.GetValue(outOption)!, parse.GetValue(casesOption), parse.GetValue(seedOption), Program.Console(output), error));
        return command;
    }

    /// <summary>Runs the verb, writing progress and the summary to <paramref name="console"/> and a bad argument's one
    /// line to <paramref name="error"/>; returns the exit code. The directory (and its <c>figures</c> folder) is created
    /// if missing, its parent not; both are checked for obstacles and writability before the run.</summary>
    public static int Run(string directory, int? cases, string? seed, IAnsiConsole console, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(error);
        var path = Path.Combine(directory, FileName);
        var files = EscapeFigures.Names(EscapeConfiguration.Paper.Select(c => c.Id), new EscapeOptions().StepMultiples)
            .Select(name => Path.Combine(AppendixFigures.Folder, name))
            .Prepend(FileName);
        if (!VerifyCommand.TryResolve(new VerifyOptions([], cases, seed), out var settings, out var claims, out var problem))
        {
            error.WriteLine($"error: {problem}");
            return 2;
        }

        var unwritable = AtomicFile.ProblemWithDirectory("--out", directory, files);
        if (unwritable is not null)
        {
            error.WriteLine($"error: {unwritable}");
            return 2;
        }

        var run = VerifyCommand.Execute(settings, claims, console);
        AtomicFile.CreateDirectory(directory);
        var figures = AppendixFigures.Write(directory, console);
        AtomicFile.WriteAllText(path, AppendixDocument.Render(run, figures));
        console.WriteLine($"Wrote {path} ({run.Claims.Count} claims, {figures.Values.Sum(f => f.Count)} figures).");
        console.WriteLine(run.Summary);
        return run.Failed == 0 ? 0 : 1;
    }
}

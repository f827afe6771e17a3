using System.CommandLine;
using Sharpness.Oracles;
using Spectre.Console;

namespace Sharpness.Cli.LambdaMax;

/// <summary>
/// The <c>lambda-max FILE</c> verb: reads a user's layers (<see cref="NetworkFile"/>), computes the <see cref="SharpnessReport"/>
/// and prints it as a table or, with <c>--json</c>, as one JSON object. Exit codes: 0 a report was printed (minimizer or not),
/// 2 the file is missing, a directory, empty, unreadable or invalid (one line on stderr naming the place) or, as for every
/// verb, a usage error; 1 the oracle failed (Lanczos did not converge). Nothing is written to disk, and nothing to stdout
/// unless the whole report was computed.
/// </summary>
internal static class LambdaMaxCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var fileArgument = new Argument<string>("FILE") { Description = "JSON file {\"layers\": [W_1, ..., W_L], \"target\": M, \"lambda\": number}; target and lambda optional." };
        var jsonOption = new Option<bool>("--json") { Description = "Print one JSON object instead of the table." };
        var certifyOption = new Option<bool>("--certify")
        {
            Description = $"Also prove an enclosure of lambda_max of the exact Hessian and whether the point is a minimizer (dense, N <= {Certification.DenseLimit}).",
        };
        var command = new Command("lambda-max", "Sharpness (lambda_max) of your own layers: minimizer test, closed form, oracle, stable step, flat value, bounds.")
        {
            fileArgument,
            jsonOption,
            certifyOption,
        };
        command.SetAction(parse => Run(parse.GetValue(fileArgument)!, parse.GetValue(jsonOption), output, error, parse.GetValue(certifyOption)));
        return command;
    }

    public static int Run(string path, bool json, TextWriter stdout, TextWriter stderr, bool certify = false)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        SharpnessReport report;
        Certification? certification = null;
        try
        {
            var network = NetworkFile.Read(path);
            report = SharpnessReport.Of(network);
            if (certify)
            {
                certification = Certification.Of(network, report.TopEigenvector);
            }
        }
        catch (NetworkFileException ex)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return 2;
        }
        catch (LanczosDidNotConvergeException ex)
        {
            stderr.WriteLine($"error: the oracle failed: {ex.Message}");
            return 1;
        }

        if (json)
        {
            stdout.WriteLine(ReportRendering.Json(report, certification));
        }
        else
        {
            // Colour only on a terminal: a table redirected to a file should hold no escape codes.
            var terminal = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected;
            var console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(stdout),
                Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
                ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            });
            console.Write(ReportRendering.Table(report, ReportRendering.RoundTrip, certification));
        }

        return 0;
    }
}

using System.CommandLine;
using System.Globalization;
using Sharpness.Oracles;
using Spectre.Console;

namespace Sharpness.Cli.LambdaMax;

/// <summary>
/// The <c>lambda-max FILE [--target M.npy] [--lambda X]</c> verb: reads a user's layers (<see cref="NetworkFile"/>: JSON, .npz or
/// .safetensors; the options replace the file's target and lambda), computes the <see cref="SharpnessReport"/>
/// and prints it as a table or, with <c>--json</c>, as one JSON object. Exit codes: 0 a report was printed (minimizer or not),
/// 2 the file is missing, a directory, empty, unreadable or invalid (one line on stderr naming the place) or, as for every
/// verb, a usage error; 1 the oracle failed (Lanczos did not converge). Nothing is written to disk, and nothing to stdout
/// unless the whole report was computed.
/// </summary>
internal static class LambdaMaxCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var fileArgument = new Argument<string>("FILE")
        {
            Description = "The network, by extension: .safetensors (a state_dict of bias-free nn.Linear layers), .npz (arrays W1 ... WL, target, lambda) or JSON {\"layers\": [W_1, ..., W_L], \"target\": M, \"lambda\": number}; target and lambda optional.",
        };
        var targetOption = new Option<string?>("--target") { Description = "A .npy file with the target M (d_L x d_0), in place of the file's (default: the product W_L...W_1)." };
        var lambdaOption = new Option<string?>("--lambda") { Description = "The regularization lambda >= 0, in place of the file's (default 0)." };
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
            targetOption,
            lambdaOption,
        };
        command.SetAction(parse => Run(
            parse.GetValue(fileArgument)!,
            parse.GetValue(jsonOption),
            output,
            error,
            parse.GetValue(certifyOption),
            parse.GetValue(targetOption),
            parse.GetValue(lambdaOption)));
        return command;
    }

    public static int Run(string path, bool json, TextWriter stdout, TextWriter stderr, bool certify = false, string? targetPath = null, string? lambdaText = null)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        double? lambda = null;
        if (lambdaText is not null)
        {
            if (!double.TryParse(lambdaText, NumberStyles.Float, CultureInfo.InvariantCulture, out var given) || !double.IsFinite(given) || given < 0)
            {
                stderr.WriteLine($"error: --lambda must be a finite number >= 0, not '{lambdaText}'");
                return 2;
            }

            lambda = given;
        }

        SharpnessReport report;
        Certification? certification = null;
        try
        {
            var network = NetworkFile.Read(path, new NetworkOverrides(targetPath, lambda));
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
            // The verbs' one console: colour only on a terminal without NO_COLOR, so a table redirected to a file or a pipe
            // holds no escape codes.
            var terminal = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected;
            var console = Program.Console(stdout, terminal, Environment.GetEnvironmentVariable("NO_COLOR"));
            console.Write(ReportRendering.Table(report, ReportRendering.RoundTrip, certification));
        }

        return 0;
    }
}

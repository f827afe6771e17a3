using System.CommandLine;
using Sharpness.Cli.Verify;
using Spectre.Console;

// One file per verb; each builds its own Command (options, description, action).
var root = new RootCommand("Sharpness: executable checks of the sharpness theory of deep matrix factorization.")
{
    VerifyCommand.Create(),
    Sharpness.Cli.LambdaMax.LambdaMaxCommand.Create(),
    Sharpness.Cli.Escape.EscapeCommand.Create(),
    Sharpness.Cli.Appendix.AppendixCommand.Create(),
};
// A usage error (unknown option, missing FILE, a number that does not parse) is a bad argument like any other:
// one line per error and exit code 2, as every verb does for the arguments it checks itself.
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
    {
        await System.Console.Error.WriteLineAsync($"error: {error.Message}");
    }

    return 2;
}

return await parsed.InvokeAsync();

/// <summary>The command's entry point and what its verbs share.</summary>
internal static partial class Program
{
    /// <summary>The console the verbs write to: the terminal's, widened to 160 columns when output goes to a file or
    /// pipe (Spectre assumes 80 there, which wraps every table).</summary>
    public static IAnsiConsole Console()
    {
        var console = AnsiConsole.Console;
        if (System.Console.IsOutputRedirected)
        {
            console.Profile.Width = Math.Max(console.Profile.Width, 160);
        }

        return console;
    }
}

using System.CommandLine;
using Sharpness.Cli.Verify;
using Spectre.Console;

return await Program.InvokeAsync(args, System.Console.Error);

/// <summary>The command's entry point and what its verbs share.</summary>
internal static partial class Program
{
    /// <summary>The <c>sharpness</c> command: one file per verb, each building its own Command.</summary>
    public static RootCommand Root() => new("Sharpness: executable checks of the sharpness theory of deep matrix factorization.")
    {
        VerifyCommand.Create(),
        Sharpness.Cli.LambdaMax.LambdaMaxCommand.Create(),
        Sharpness.Cli.Escape.EscapeCommand.Create(),
        Sharpness.Cli.Appendix.AppendixCommand.Create(),
    };

    /// <summary>
    /// Parses and runs <paramref name="args"/>. A usage error (unknown option, missing FILE, a number that does not
    /// parse) is a bad argument like any other: one line per error on <paramref name="error"/> and exit code 2, as every
    /// verb does for the arguments it checks itself.
    /// </summary>
    public static async Task<int> InvokeAsync(string[] args, TextWriter error)
    {
        var parsed = Root().Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
            {
                await error.WriteLineAsync($"error: {problem.Message}");
            }

            return 2;
        }

        return await parsed.InvokeAsync();
    }

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

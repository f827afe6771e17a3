using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Sharpness.Cli;
using Sharpness.Cli.Verify;
using Spectre.Console;

return await Program.InvokeAsync(args, System.Console.Out, System.Console.Error);

/// <summary>The command's entry point and what its verbs share.</summary>
internal static partial class Program
{
    /// <summary>The <c>sharpness</c> command writing to the process's console.</summary>
    public static RootCommand Root() => Root(System.Console.Out, System.Console.Error);

    /// <summary>The <c>sharpness</c> command: one file per verb, each building its own Command, writing reports to
    /// <paramref name="output"/> and bad arguments to <paramref name="error"/>.</summary>
    public static RootCommand Root(TextWriter output, TextWriter error) => new("Sharpness: executable checks of the sharpness theory of deep matrix factorization.")
    {
        VerifyCommand.Create(output, error),
        Sharpness.Cli.LambdaMax.LambdaMaxCommand.Create(output, error),
        Sharpness.Cli.Escape.EscapeCommand.Create(output, error),
        Sharpness.Cli.Appendix.AppendixCommand.Create(output, error),
        Sharpness.Cli.Merge.MergeCommand.Create(output, error),
    };

    /// <summary>Parses and runs <paramref name="args"/> on the process's console.</summary>
    public static Task<int> InvokeAsync(string[] args, TextWriter error) => InvokeAsync(args, System.Console.Out, error);

    /// <summary>
    /// Parses and runs <paramref name="args"/>. A usage error (unknown verb or option, a missing value, a number that does
    /// not parse) is a bad argument like any other: exactly one line on <paramref name="error"/>, nothing on
    /// <paramref name="output"/>, exit code 2, as every verb does for the arguments it checks itself. A report file that
    /// cannot be written after all (its directory removed during the run) is one line and exit 2 too, never a stack trace.
    /// </summary>
    public static async Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var parsed = Root(output, error).Parse(args);
        if (parsed.Errors.Count > 0)
        {
            await error.WriteLineAsync($"error: {UsageError(parsed)}");
            return 2;
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"error: cannot write the output: {AtomicFile.OneLine(ex.Message)}");
            return 2;
        }
    }

    /// <summary>The console the verbs write to: <see cref="Console(TextWriter, bool, string?)"/> for the process's standard
    /// output, whether it is redirected and <c>NO_COLOR</c>.</summary>
    public static IAnsiConsole Console() =>
        Console(System.Console.Out, !System.Console.IsOutputRedirected, Environment.GetEnvironmentVariable("NO_COLOR"));

    /// <summary>
    /// The console over <paramref name="output"/>: on a <paramref name="terminal"/>, Spectre's own (colours, progress bars);
    /// with <c>NO_COLOR</c> set and not empty (no-color.org), a plain one as wide as the terminal (no escape code at all, so
    /// no progress bar either: it needs cursor movement); off a terminal (a file or pipe), a plain one of 200 columns
    /// (Spectre assumes 80 there, which wraps every table).
    /// </summary>
    internal static IAnsiConsole Console(TextWriter output, bool terminal, string? noColor)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!terminal)
        {
            return Plain(output, 200);
        }

        if (!string.IsNullOrEmpty(noColor))
        {
            return Plain(output, AnsiConsole.Console.Profile.Width);
        }

        return ReferenceEquals(output, System.Console.Out) ? AnsiConsole.Console : AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.Standard,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(output),
        });
    }

    /// <summary>The console over <paramref name="output"/>: <see cref="Console()"/> for the process's standard output,
    /// otherwise a plain one of 200 columns, as for a redirected run.</summary>
    public static IAnsiConsole Console(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return ReferenceEquals(output, System.Console.Out) ? Console() : Plain(output, 200);
    }

    /// <summary>A console with no colours, not interactive (so no progress bar), of a fixed width: redirected output and snapshots.</summary>
    internal static IAnsiConsole Plain(TextWriter output, int width)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = width;
        return console;
    }

    /// <summary>
    /// A whole-number option value in [<paramref name="minimum"/>, <paramref name="maximum"/>], or a parse error naming the
    /// option and the range (the parser's own message names a CLR type).
    /// </summary>
    public static int? WholeNumber(ArgumentResult result, int minimum, int maximum)
    {
        ArgumentNullException.ThrowIfNull(result);
        var name = OptionName(result);
        if (result.Tokens.Count != 1)
        {
            result.AddError($"{name} takes one whole number");
            return null;
        }

        var text = result.Tokens[0].Value;
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < minimum || value > maximum)
        {
            result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} must be a whole number from {minimum} to {maximum}, not '{text}'"));
            return null;
        }

        return (int)value;
    }

    /// <summary>Option values that are numbers (invariant culture; NaN and infinities parse and are the verb's to reject),
    /// or a parse error naming the option and the token.</summary>
    public static double[] Numbers(ArgumentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var values = new List<double>();
        foreach (var token in result.Tokens)
        {
            if (!double.TryParse(token.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                result.AddError($"{OptionName(result)} takes numbers, not '{token.Value}'");
                return [];
            }

            values.Add(value);
        }

        return [.. values];
    }

    private static string OptionName(ArgumentResult result) => result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;

    private static bool LooksLikeOption(string token) =>
        token.Length > 1 && token[0] == '-' && !double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    // One line, however many errors the parser found: at the root the unknown verb (the parser adds "Required command
    // was not provided" to it), in a verb the first error (fixing it shows the next).
    private static string UsageError(ParseResult parsed)
    {
        var verbs = string.Join(", ", parsed.RootCommandResult.Command.Subcommands.Select(c => c.Name));
        if (parsed.CommandResult.Command is RootCommand)
        {
            var first = parsed.UnmatchedTokens.Count > 0 ? parsed.UnmatchedTokens[0] : null;
            return first is null ? $"no verb given; the verbs are {verbs} (sharpness --help)"
                : first.StartsWith('-') ? $"unknown option '{first}'; the verbs are {verbs} (sharpness --help)"
                : $"unknown verb '{first}'; the verbs are {verbs} (sharpness --help)";
        }

        // An unknown option before a verb's argument is taken for the argument, so it is looked for among all tokens.
        var unmatched = parsed.Tokens.FirstOrDefault(t => t.Type == TokenType.Argument && LooksLikeOption(t.Value))?.Value
            ?? (parsed.UnmatchedTokens.Count > 0 ? parsed.UnmatchedTokens[0] : null);
        var verb = parsed.CommandResult.Command.Name;
        return unmatched is not null
            ? $"unknown {(unmatched.StartsWith('-') ? "option" : "argument")} '{unmatched}' for {verb} (sharpness {verb} --help)"
            : AtomicFile.OneLine(parsed.Errors[0].Message);
    }
}

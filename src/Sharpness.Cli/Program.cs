using System.CommandLine;
using Sharpness.Cli;

// One file per verb; each builds its own Command (options, description, action).
var root = new RootCommand("Sharpness: executable checks of the sharpness theory of deep matrix factorization.")
{
    VerifyCommand.Create(),
    Sharpness.Cli.Escape.EscapeCommand.Create(),
};
return root.Parse(args).Invoke();

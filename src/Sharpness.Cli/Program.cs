using System.CommandLine;
using Sharpness.Cli;

var claimOption = new Option<string[]>("--claim") { Description = "Claim IDs to verify (default: all), e.g. EXACT-T5.", AllowMultipleArgumentsPerToken = true };
var casesOption = new Option<int?>("--cases") { Description = "Cases per property (default: SHARPNESS_MAX_TEST or 200)." };
var seedOption = new Option<string?>("--seed") { Description = "Seed, or the (seed,gamma) pair a failure printed, to replay it." };

var verify = new Command("verify", "Run every claim's properties against the oracles and print the verdicts.")
{
    claimOption,
    casesOption,
    seedOption,
};
verify.SetAction(parse => VerifyCommand.Run(parse.GetValue(claimOption) ?? [], parse.GetValue(casesOption), parse.GetValue(seedOption)));

var root = new RootCommand("Sharpness: executable checks of the sharpness theory of deep matrix factorization.") { verify };
return root.Parse(args).Invoke();

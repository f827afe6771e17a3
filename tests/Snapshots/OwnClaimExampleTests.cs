using System.Diagnostics;
using Xunit;

namespace Sharpness.Tests.Snapshots;

/// <summary>
/// <c>examples/OwnClaim</c>, a researcher's conjecture in about 40 lines, builds with the suite (this project references
/// it, so a clean clone's <c>dotnet test</c> builds it) and runs: the conjecture holds on its cases and the runner
/// refutes its wrong variant with a replayable failure.
/// </summary>
public sealed class OwnClaimExampleTests
{
    [Fact]
    public async Task OwnClaim_Holds_AndItsMutantIsRefuted()
    {
        var start = new ProcessStartInfo(DeterminismTests.DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "OwnClaim.dll"));
        start.ArgumentList.Add("20");
        start.Environment.Remove("SHARPNESS_MAX_TEST");
        start.Environment.Remove("SHARPNESS_SEED");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);

        var text = await output;
        Assert.True(process.ExitCode == 0, $"OwnClaim exited {process.ExitCode}: {await error}{text}");
        Assert.Contains("OWN-BOUND, 20 cases from seed (20261123,11400714819323198485): holds", text, StringComparison.Ordinal);
        Assert.Contains("mutant HalvedBound: new counterexample", text, StringComparison.Ordinal);
        Assert.Contains("OWN-BOUND LambdaMaxBelowBound failed (replay with SHARPNESS_SEED=", text, StringComparison.Ordinal);
    }
}

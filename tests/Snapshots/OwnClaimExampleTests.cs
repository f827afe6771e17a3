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
        var (code, text, error) = await ChildProcess.Run("OwnClaim.dll", null, ["20"]);
        Assert.True(code == 0, $"OwnClaim exited {code}: {error}{text}");
        Assert.Contains("OWN-BOUND, 20 cases from seed (20261123,11400714819323198485): holds", text, StringComparison.Ordinal);
        Assert.Contains("mutant HalvedBound: new counterexample", text, StringComparison.Ordinal);
        Assert.Contains("OWN-BOUND LambdaMaxBelowBound failed (replay with SHARPNESS_SEED=", text, StringComparison.Ordinal);
    }
}

using Sharpness.Verification;
using Xunit;

namespace Sharpness.Tests.Properties;

/// <summary>The two assertions every claim test makes: a property holds, and a mutant is rejected.</summary>
internal static class ClaimAssert
{
    /// <summary>
    /// Runs the claim's property with the theory's formulas; fails with FsCheck's report (seed, case, evidence), when no
    /// case was checked, and, at the default run size or above, when the evidence is incomplete (a declared regime never
    /// reached, a counterexample never exhibited). Smaller runs, such as a mutation-testing run, only need a checked case.
    /// </summary>
    public static void Holds(string claimId, string propertyName)
    {
        var claim = Catalogue.Claim(claimId);
        var settings = RunSettings.FromEnvironment();
        var report = ClaimRunner.Run(claim, claim.Property(propertyName), settings);
        Assert.True(report.Passed, report.Failure);
        Assert.True(report.Checked > 0, $"{claimId} {propertyName} checked no case ({report.Vacuous} vacuous) from seed {settings.Replay}.");
        Assert.True(
            settings.Cases < RunSettings.DefaultCases || report.IsComplete,
            $"{claimId} {propertyName} passed on incomplete evidence in {settings.Cases} cases from seed {settings.Replay}: {string.Join("; ", report.Gaps)}.");
    }

    /// <summary>Runs every property of the claim with the mutant's formulas; passes only when some property fails.</summary>
    public static void Rejects(string claimId, string mutantName)
    {
        var claim = Catalogue.Claim(claimId);
        var mutant = claim.Mutant(mutantName);
        var formulas = mutant.Apply(Formulas.Theory);
        var settings = RunSettings.FromEnvironment();
        var rejected = claim.Properties.Any(p => !ClaimRunner.Run(claim, p, settings, formulas).Passed);
        Assert.True(rejected, $"{claimId}: no property rejects the mutant {mutantName} ({mutant.HowWrong}) in {settings.Cases} cases from seed {settings.Replay}.");
    }

    /// <summary>Runs one property of the claim with the mutant's formulas; passes only when that property fails.</summary>
    public static void PropertyRejects(string claimId, string propertyName, string mutantName)
    {
        var claim = Catalogue.Claim(claimId);
        var mutant = claim.Mutant(mutantName);
        var settings = RunSettings.FromEnvironment();
        var report = ClaimRunner.Run(claim, claim.Property(propertyName), settings, mutant.Apply(Formulas.Theory));
        Assert.False(report.Passed, $"{claimId} {propertyName} does not reject the mutant {mutantName} ({mutant.HowWrong}) in {settings.Cases} cases from seed {settings.Replay}.");
    }
}

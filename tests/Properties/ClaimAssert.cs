using Sharpness.Verification;
using Xunit;

namespace Sharpness.Tests.Properties;

/// <summary>The two assertions every claim test makes: a property holds, and a mutant is rejected.</summary>
internal static class ClaimAssert
{
    /// <summary>Runs the claim's property with the theory's formulas; fails with FsCheck's report (seed, case, evidence).</summary>
    public static void Holds(string claimId, string propertyName)
    {
        var claim = Catalogue.Claim(claimId);
        var report = ClaimRunner.Run(claim, claim.Property(propertyName), RunSettings.FromEnvironment());
        Assert.True(report.Passed, report.Failure);
        Assert.True(report.Cases > 0, $"{claimId} {propertyName} ran no case.");
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

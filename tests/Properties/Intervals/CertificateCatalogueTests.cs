using Sharpness.Verification;
using Sharpness.Verification.Certificates;
using Xunit;
using Xunit.Abstractions;

namespace Sharpness.Tests.Properties.Intervals;

[Trait("Category", "Intervals")]
public sealed class CertificateCatalogueTests(ITestOutputHelper output)
{
    public static TheoryData<string> CertifiedClaims => [.. CertificateCatalogue.All.Select(c => c.ClaimId)];

    [Theory]
    [MemberData(nameof(CertifiedClaims))]
    public void Certificate_IsProvenWithTheTheorysFormulas(string claimId)
    {
        var outcome = CertificateCatalogue.For(claimId)!.Run(Formulas.Theory);
        output.WriteLine(outcome.Evidence);
        Assert.True(outcome.Proven, outcome.Evidence);
    }

    [Theory]
    [MemberData(nameof(CertifiedClaims))]
    public void Certificate_RejectsEveryMutantOfItsClaim(string claimId)
    {
        var certificate = CertificateCatalogue.For(claimId)!;
        var claim = Catalogue.Claims.Single(c => c.Id == claimId);
        foreach (var mutant in claim.Mutants)
        {
            var outcome = certificate.Run(mutant.Apply(Formulas.Theory));
            output.WriteLine($"{mutant.Name}: {outcome.Evidence}");
            Assert.False(outcome.Proven, $"{claimId}'s certificate accepts the mutant {mutant.Name} ({mutant.HowWrong})");
        }
    }

    [Theory]
    [MemberData(nameof(SweptClaims))]
    public void Sweep_IsProvenAtRandomMinimizers_AndRejectsTheMutants(string claimId)
    {
        var outcome = CertificateCatalogue.Sweep(claimId, 20, 7, Formulas.Theory)!;
        output.WriteLine(outcome.Evidence);
        Assert.True(outcome.Proven, outcome.Evidence);
        foreach (var mutant in Catalogue.Claims.Single(c => c.Id == claimId).Mutants)
        {
            Assert.False(CertificateCatalogue.Sweep(claimId, 20, 7, mutant.Apply(Formulas.Theory))!.Proven, $"{claimId}'s sweep accepts {mutant.Name}");
        }
    }

    public static TheoryData<string> SweptClaims => [.. CertificateCatalogue.SweepClaims];

    [Fact]
    public void EveryCertificate_NamesACatalogueClaim() =>
        Assert.All(CertificateCatalogue.All, c => Assert.Contains(Catalogue.Claims, claim => claim.Id == c.ClaimId));
}

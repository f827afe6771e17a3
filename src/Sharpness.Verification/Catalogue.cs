using Sharpness.Verification.Claims.Exact;
using Sharpness.Verification.Claims.Printed;
using Sharpness.Verification.Claims.Reg;

namespace Sharpness.Verification;

/// <summary>Every claim of CLAIMS.md the suite checks, in the catalogue's order. Tests and the command both read this list.</summary>
public static class Catalogue
{
    /// <summary>All claims.</summary>
    public static IReadOnlyList<Claim> Claims { get; } =
    [
        ExactL2.Claim,
        ExactL3.Claim,
        ExactT4.Claim,
        ExactT5.Claim,
        ExactC6.Claim,
        ExactC7.Claim,
        ExactC8.Claim,
        ExactC10.Claim,
        ExactMm.Claim,
        ExactRank.Claim,
        ExactCe.Claim,
        ExactTrace.Claim,
        ExactScale.Claim,
        ExactStab.Claim,
        ExactEsc.Claim,
        ExactContour.Claim,
        RegT1.Claim,
        RegT2.Claim,
        RegT3.Claim,
        RegR4.Claim,
        RegIso.Claim,
        AbsUniq.Claim,
        AbsFrob.Claim,
        AbsTrace.Claim,
        AbsCollapse.Claim,
        RegmLmax.Claim,
        RegmConst.Claim,
        ExactSpec.Claim,
        GhoshBal.Claim,
        SinghRank.Claim,

        // Sub-claims: sentences the texts print that say more or less than the CLAIMS.md rewording (issue 13 item 1,
        // Printed/statements.tsv), checked as printed.
        ExactRankPrinted.Claim,
        ExactC7Printed.Claim,
        ExactC8Printed.Claim,
        ExactC10Printed.Claim,
        RegT2Printed.Claim,
        RegT3Printed.Claim,
        RegR4Printed.Claim,
    ];

    /// <summary>The claim with the given ID (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No such claim.</exception>
    public static Claim Claim(string id) =>
        Claims.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"No claim '{id}'. Known: {string.Join(", ", Claims.Select(c => c.Id))}.", nameof(id));
}

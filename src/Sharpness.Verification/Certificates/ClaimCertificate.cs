// Certificates of claims at fixed instances (issue 10, item 7): the Hessian's proven enclosure (oracle side, from the
// loss definition) or its exact binary-rational entries, set against the formulas, so that "holds here" or "fails here"
// is a proof for that instance rather than a comparison under a tolerance.
namespace Sharpness.Verification.Certificates;

/// <summary>The strongest kind of proof a claim's certificate gives.</summary>
public enum CertificateKind
{
    /// <summary>No certificate: the claim is checked by its properties only.</summary>
    None,

    /// <summary>Rigorous enclosures (interval arithmetic, proven eigenvalue bounds) that intersect, or are disjoint.</summary>
    Interval,

    /// <summary>Exact rational arithmetic: an identity, a zero, a rank, computed without rounding.</summary>
    Exact,
}

/// <summary>What a certificate showed, with the numbers behind it.</summary>
/// <param name="Proven">True when every step of the certificate was proven with the given formulas.</param>
/// <param name="Evidence">The statement proven, or the step that failed, with its enclosures.</param>
public sealed record CertificateOutcome(bool Proven, string Evidence);

/// <summary>
/// A claim's certificate: its kind, what it proves, and the check, which consults the formulas so that a mutant of the
/// claim (a plausible wrong formula) fails it: a certifier that accepts a wrong formula would be a defect.
/// </summary>
/// <param name="ClaimId">The claim of CLAIMS.md.</param>
/// <param name="Kind">Exact or interval.</param>
/// <param name="Statement">What is proven, at which instance.</param>
/// <param name="Check">Runs the certificate with the given formulas.</param>
public sealed record ClaimCertificate(string ClaimId, CertificateKind Kind, string Statement, Func<Formulas, CertificateOutcome> Check)
{
    /// <summary>Runs the check; an exception (a formula that throws on the instance) is a failed certificate.</summary>
    public CertificateOutcome Run(Formulas formulas)
    {
        try
        {
            return Check(formulas);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or ArithmeticException)
        {
            return new CertificateOutcome(false, $"{ex.GetType().Name}: {ex.Message}");
        }
    }
}

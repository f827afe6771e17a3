using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Sharpness.Verification;

namespace Sharpness.Cli.Appendix;

/// <summary>A documented member of the library: its short name and the first sentence of its summary.</summary>
internal sealed record DocumentedMember(string Name, string Summary);

/// <summary>
/// Where a claim lives in the code, read from the code itself so the appendix cannot drift: the formulas are the
/// members of <c>Sharpness.Theory</c> (and the experiments of <c>Sharpness.Verification.Experiments</c>) whose XML docs
/// name the claim ID, the check is the catalogue type that defines the claim, and the tests follow its name.
/// </summary>
internal static partial class ClaimCode
{
    private static readonly Lazy<IReadOnlyList<(string Member, string Text, string Summary)>> Documentation = new(Load);

    /// <summary>The documented members that cite <paramref name="claimId"/>, in source order.</summary>
    public static IReadOnlyList<DocumentedMember> Implementation(string claimId)
    {
        var mention = new Regex($@"\b{Regex.Escape(claimId)}(?![0-9A-Z])");
        return [.. Documentation.Value
            .Where(d => mention.IsMatch(d.Text))
            .Select(d => new DocumentedMember(d.Member, d.Summary))
            .DistinctBy(d => d.Name)];
    }

    /// <summary>The type that defines the claim in the catalogue, e.g. <c>Sharpness.Verification.Claims.Exact.ExactT5</c>.</summary>
    public static string DefiningType(Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var type = typeof(Catalogue).Assembly.GetTypes().FirstOrDefault(t =>
            t.GetProperty("Claim", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is Claim c && c.Id == claim.Id);
        return type?.FullName ?? "(not found)";
    }

    /// <summary>The source file of the defining type and of its xunit wrapper, by the layout's convention.</summary>
    public static (string Definition, string Tests) Files(Claim claim)
    {
        var type = DefiningType(claim);
        var parts = type.Split('.');
        var (folder, name) = parts.Length >= 2 ? (parts[^2], parts[^1]) : ("?", type);
        return ($"src/Sharpness.Verification/Claims/{folder}/{name}.cs", $"tests/Properties/{folder}/{name}Tests.cs");
    }

    private static List<(string, string, string)> Load()
    {
        var members = new List<(string, string, string)>();
        foreach (var (file, prefix) in new[] { ("Sharpness.Theory.xml", "Sharpness.Theory."), ("Sharpness.Verification.xml", "Sharpness.Verification.Experiments.") })
        {
            var path = Path.Combine(AppContext.BaseDirectory, file);
            if (!File.Exists(path))
            {
                continue;
            }

            foreach (var member in XDocument.Load(path).Descendants("member"))
            {
                var id = member.Attribute("name")?.Value ?? string.Empty;
                var name = ShortName(id, prefix);
                if (name is null)
                {
                    continue;
                }

                var summary = Whitespace().Replace(TextOf(member.Element("summary")), " ").Trim();
                var firstSentence = SentenceEnd().Split(summary, 2)[0].TrimEnd('.');
                members.Add((name, Whitespace().Replace(TextOf(member), " "), firstSentence));
            }
        }

        return members;
    }

    // "M:Sharpness.Theory.Exact.Theorem5.LambdaMax(Sharpness.Theory.Minimizer)" -> "Exact.Theorem5.LambdaMax".
    private static string? ShortName(string id, string prefix)
    {
        if (id.Length < 2 || !id[2..].StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var name = id[(2 + "Sharpness.".Length)..];
        var parenthesis = name.IndexOf('(', StringComparison.Ordinal);
        name = parenthesis >= 0 ? name[..parenthesis] : name;
        name = name.Replace("#ctor", "new", StringComparison.Ordinal);
        return name.StartsWith("Theory.", StringComparison.Ordinal) ? name["Theory.".Length..] : name;
    }

    // The text of a doc element, with <see cref="T:X.Y"/> and <paramref name="p"/> rendered as Y and p.
    private static string TextOf(XElement? element) => element is null ? string.Empty : string.Concat(element.Nodes().Select(node => node switch
    {
        XText text => text.Value,
        XElement { Name.LocalName: "see" or "seealso" } see => (see.Attribute("cref")?.Value ?? see.Attribute("langword")?.Value ?? string.Empty).Split('(')[0].Split('.')[^1],
        XElement { Name.LocalName: "paramref" or "typeparamref" } reference => reference.Attribute("name")?.Value ?? string.Empty,
        XElement inner => TextOf(inner),
        _ => string.Empty,
    }));

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // A full stop that ends a sentence: after a letter, digit or bracket and before a capital ("eq. 22" does not end one).
    [GeneratedRegex(@"(?<=[a-z0-9)\]])\.\s+(?=[A-Z])")]
    private static partial Regex SentenceEnd();
}

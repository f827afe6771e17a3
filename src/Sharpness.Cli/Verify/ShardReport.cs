using System.Globalization;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sharpness.Verification;
using Sharpness.Verification.Certificates;

namespace Sharpness.Cli.Verify;

/// <summary>The cases one shard ran of one property: each case's result, from which <c>merge</c> recomputes the report.</summary>
/// <param name="ClaimId">The claim.</param>
/// <param name="Property">The property's name.</param>
/// <param name="Cases">The cases this shard ran, by index, up to the first that failed.</param>
internal sealed record ShardProperty(string ClaimId, string Property, IReadOnlyList<CaseResult> Cases);

/// <summary>
/// What <c>verify --shard k/n --json FILE</c> writes: the run's settings and suite version, the claims of the whole run,
/// every case the shard ran with its result, and the certificates it ran. <c>merge</c> checks that a set of these cover
/// every case exactly once and recomputes the verdicts from the cases, so the merged report is the unsharded one.
/// </summary>
internal sealed record ShardReport(
    string SuiteVersion,
    Shard Shard,
    RunSettings Settings,
    int CertifyCases,
    IReadOnlyList<string> ClaimIds,
    IReadOnlyList<ShardProperty> Properties,
    IReadOnlyDictionary<string, CertificateOutcome> Certificates)
{
    /// <summary>The value of the file's <c>format</c> field, which marks it as a shard report.</summary>
    public const string Format = "sharpness-verify-shard/1";

    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The suite's version: the informational version of the verification library (with the commit it was built from).</summary>
    public static string CurrentSuiteVersion { get; } =
        typeof(Catalogue).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>The report as compact JSON (a shard of a full run holds thousands of cases).</summary>
    public string Json()
    {
        var properties = new JsonArray();
        foreach (var property in Properties)
        {
            var cases = new JsonArray();
            foreach (var c in property.Cases)
            {
                cases.Add(new JsonObject
                {
                    ["i"] = c.Index,
                    ["kind"] = c.Kind.ToString(),
                    ["holds"] = c.Holds,

                    // As text: a relative error can be infinite (a NaN difference), which JSON numbers cannot hold.
                    ["error"] = c.RelativeError is double e ? e.ToString("R", CultureInfo.InvariantCulture) : null,
                    ["regime"] = c.Regime,
                    ["reached"] = new JsonArray([.. c.Reached.Select(r => JsonValue.Create(r))]),
                    ["exhibits"] = c.Exhibits,
                    ["failure"] = c.Failure,
                });
            }

            properties.Add(new JsonObject { ["claim"] = property.ClaimId, ["property"] = property.Property, ["cases"] = cases });
        }

        var root = new JsonObject
        {
            ["format"] = Format,
            ["suiteVersion"] = SuiteVersion,
            ["shard"] = Shard.ToString(),
            ["seed"] = Settings.Replay,
            ["casesPerProperty"] = Settings.Cases,
            ["maxDepth"] = Settings.MaxDepth,
            ["certifyCases"] = CertifyCases,
            ["claims"] = new JsonArray([.. ClaimIds.Select(id => JsonValue.Create(id))]),
            ["certificates"] = new JsonArray([.. Certificates.Select(c => new JsonObject { ["claim"] = c.Key, ["proven"] = c.Value.Proven, ["evidence"] = c.Value.Evidence })]),
            ["properties"] = properties,
        };
        return root.ToJsonString(Compact) + Environment.NewLine;
    }

    /// <summary>Reads a shard report written by <see cref="Json"/>.</summary>
    /// <exception cref="FormatException">Text that is not a shard report, with what is wrong in a few words.</exception>
    public static ShardReport Parse(string text)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"not JSON ({AtomicFile.OneLine(ex.Message)})", ex);
        }

        if (root is not JsonObject o || o["format"] is not JsonValue format || !format.TryGetValue<string>(out var marked) || marked != Format)
        {
            throw new FormatException($"not a shard report (no \"format\": \"{Format}\"; write one with verify --shard k/n --json FILE)");
        }

        try
        {
            var shard = Shard.Parse(Text(o, "shard")!, null, _ => null);
            var (seed, gamma, size) = RunSettings.ParseReplay(Text(o, "seed"));
            var settings = new RunSettings(o["casesPerProperty"]!.GetValue<int>(), seed, gamma, o["maxDepth"]?.GetValue<int>()) { CaseSize = size };
            var claims = o["claims"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
            var certificates = new Dictionary<string, CertificateOutcome>();
            foreach (var c in o["certificates"]!.AsArray())
            {
                var id = Text(c!.AsObject(), "claim")!;
                if (!certificates.TryAdd(id, new CertificateOutcome(c["proven"]!.GetValue<bool>(), Text(c.AsObject(), "evidence")!)))
                {
                    throw new FormatException($"the certificate of {id} appears twice");
                }
            }

            var properties = o["properties"]!.AsArray().Select(p => new ShardProperty(
                Text(p!.AsObject(), "claim")!,
                Text(p.AsObject(), "property")!,
                [.. p["cases"]!.AsArray().Select(c => Case(c!.AsObject()))])).ToList();
            return new ShardReport(Text(o, "suiteVersion")!, shard, settings, o["certifyCases"]!.GetValue<int>(), claims, properties, certificates);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or NullReferenceException or KeyNotFoundException)
        {
            throw new FormatException($"a damaged shard report ({AtomicFile.OneLine(ex.Message)})", ex);
        }
    }

    private static CaseResult Case(JsonObject c)
    {
        var kind = Enum.Parse<OutcomeKind>(Text(c, "kind")!);
        var error = Text(c, "error", optional: true) is { } e ? double.Parse(e, NumberStyles.Float, CultureInfo.InvariantCulture) : (double?)null;
        return new CaseResult(
            c["i"]!.GetValue<int>(),
            kind,
            c["holds"]!.GetValue<bool>(),
            error,
            Text(c, "regime", optional: true),
            [.. c["reached"]!.AsArray().Select(r => r!.GetValue<int>())],
            c["exhibits"]!.GetValue<bool>(),
            Text(c, "failure", optional: true));
    }

    private static string? Text(JsonObject o, string name, bool optional = false) =>
        o[name] is JsonValue v && v.TryGetValue<string>(out var text) ? text
        : optional && o[name] is null ? null
        : throw new InvalidOperationException($"\"{name}\" is missing or not text");
}

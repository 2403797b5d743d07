using System.Collections.Frozen;
using System.Text.Json;
using System.Text.RegularExpressions;
using EventSync.Core.Catalog;

namespace EventSync.Core.Classification;

/// <summary>
/// The ordered classification rules, loaded from data and validated against the catalog. Rules are indexed
/// by status code, so that an error is tried only against the rules that can match its code, in file order.
/// </summary>
public sealed class ClassificationRules
{
    private const string ResourceName = "EventSync.Core.classification-rules.json";
    // Compiled backtracking patterns: as fast as NonBacktracking on the shipped rules and a fraction of its memory (whose
    // symbolic automata held over 60 MiB for these rules in a running worker). A match is bounded instead by the message
    // length the classifier looks at (ErrorNormalizer.MaxMatchedMessageLength) and by PatternTimeout.
    private const RegexOptions PatternOptions = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>
    /// How long one pattern may run on one message. The shipped rules take microseconds; a pattern that runs longer
    /// counts as not matching (see <see cref="ClassificationRule"/>), so a badly written rule cannot stall a worker.
    /// </summary>
    public static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    private readonly FrozenDictionary<string, ClassificationRule[]> _byCode;
    private readonly ClassificationRule[] _withoutCode;

    private ClassificationRules(IReadOnlyList<ClassificationRule> rules)
    {
        Rules = rules;
        foreach (var rule in rules)
        {
            rule.Prepare();
        }

        _withoutCode = rules.Where(r => r.Codes.Count == 0).ToArray();
        _byCode = rules
            .SelectMany(r => r.Codes)
            .Distinct(StringComparer.Ordinal)
            .ToFrozenDictionary(
                code => code,
                code => rules.Where(r => r.Codes.Count == 0 || r.Codes.Contains(code)).ToArray(),
                StringComparer.Ordinal);
    }

    internal IReadOnlyList<ClassificationRule> Rules { get; }

    public int Count => Rules.Count;

    public static ClassificationRules LoadEmbedded(ErrorCatalog catalog)
    {
        using var stream = typeof(ClassificationRules).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new ClassificationRulesException($"The embedded resource '{ResourceName}' is missing.");
        return Load(stream, catalog);
    }

    /// <summary>Reads and validates rules; throws <see cref="ClassificationRulesException"/> naming the bad rule.</summary>
    public static ClassificationRules Load(Stream json, ErrorCatalog catalog)
    {
        ClassificationRulesDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<ClassificationRulesDocument>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new ClassificationRulesException($"The classification rules are not valid JSON at {e.Path} (line {e.LineNumber + 1}): {e.Message}", e);
        }

        if (document?.Rules is not { Count: > 0 } entries)
        {
            throw new ClassificationRulesException("The classification rules need a non-empty 'rules' array.");
        }

        var rules = new List<ClassificationRule>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var rule = Compile(entries[i], $"rules[{i}] '{entries[i]?.Id}'", catalog);
            if (rules.Exists(r => r.Id == rule.Id))
            {
                throw new ClassificationRulesException($"rules[{i}] '{rule.Id}': the id is used twice.");
            }

            rules.Add(rule);
        }

        return new ClassificationRules(rules);
    }

    /// <summary>The rules an error with <paramref name="code"/> is tried against, in order.</summary>
    internal ReadOnlySpan<ClassificationRule> CandidatesFor(string code) =>
        _byCode.TryGetValue(code, out var rules) ? rules : _withoutCode;

    private static ClassificationRule Compile(ClassificationRuleEntry? entry, string name, ErrorCatalog catalog)
    {
        if (entry is null || string.IsNullOrWhiteSpace(entry.Id))
        {
            throw new ClassificationRulesException($"{name}: a rule needs an id.");
        }

        if (entry.ErrorType is null || !catalog.TryGet(entry.ErrorType, out _))
        {
            throw new ClassificationRulesException($"{name}: error type '{entry.ErrorType}' is not in the catalog.");
        }

        if (entry.Codes is not { Count: > 0 } && entry.Message is null && entry.Field is null)
        {
            throw new ClassificationRulesException($"{name}: a rule needs at least one of 'codes', 'message' or 'field'.");
        }

        if (!WireValues.TryParseSource(entry.Source, out var source))
        {
            throw new ClassificationRulesException($"{name}: source '{entry.Source}' is not salesforce or hubspot.");
        }

        if (!WireValues.TryParseDirection(entry.Direction, out var direction))
        {
            throw new ClassificationRulesException($"{name}: direction '{entry.Direction}' is not toSalesforce or toHubSpot.");
        }

        return new ClassificationRule(
            entry.Id,
            entry.ErrorType,
            source,
            direction,
            (entry.Codes ?? []).Select(c => StatusCodes.Normalize(c)).ToFrozenSet(StringComparer.Ordinal),
            (entry.ObjectTypes ?? []).ToFrozenSet(StringComparer.OrdinalIgnoreCase),
            Pattern(entry.Message, name, "message"),
            Pattern(entry.MessageNot, name, "messageNot"),
            Pattern(entry.Field, name, "field"));
    }

    private static Regex? Pattern(string? pattern, string name, string property)
    {
        if (pattern is null)
        {
            return null;
        }

        try
        {
            return new Regex(pattern, PatternOptions, PatternTimeout);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            throw new ClassificationRulesException($"{name}: '{property}' is not a usable regular expression: {e.Message}", e);
        }
    }
}

namespace EventSync.Core.Classification;

/// <summary>
/// Why an error was classified as it was: the rule that decided, the status code it decided on (the reported one, an
/// inner code found in the message, or HubSpot's category), the words of the message that its pattern matched, the
/// fields its field pattern matched, and the rules that came near.
/// </summary>
public sealed record ClassificationExplanation(
    string RuleId,
    string ErrorType,
    string? Code,
    string? Words,
    IReadOnlyList<string> Fields,
    IReadOnlyList<NearRule> NearRules);

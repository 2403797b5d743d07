namespace EventSync.Core.Classification;

/// <summary>One rule of <c>classification-rules.json</c> as written; every condition it names must hold.</summary>
internal sealed class ClassificationRuleEntry
{
    public string? Id { get; set; }

    public string? ErrorType { get; set; }

    /// <summary>Why the rule exists; for people reading the data.</summary>
    public string? Description { get; set; }

    public string? Source { get; set; }

    public string? Direction { get; set; }

    public List<string>? Codes { get; set; }

    /// <summary>A regular expression that must match the message (case-insensitive, culture-invariant).</summary>
    public string? Message { get; set; }

    /// <summary>A regular expression that must not match the message.</summary>
    public string? MessageNot { get; set; }

    /// <summary>A regular expression that must match one of the error's field names.</summary>
    public string? Field { get; set; }

    public List<string>? ObjectTypes { get; set; }
}

namespace EventSync.Core.Classification;

/// <summary>
/// What one reported error is: its catalog type, whether it is retried automatically, the rule that
/// decided it (so that a decision can be explained) and a fingerprint that groups the same problem.
/// </summary>
public sealed record ErrorClassification(
    string Category,
    string ErrorType,
    bool Retryable,
    string RuleId,
    string Fingerprint,
    string? StatusCode,
    string? Message,
    IReadOnlyList<string> Fields);

namespace EventSync.Cli.Classify;

/// <summary>One output line of <c>classify</c>: the first error's classification, then every error's.</summary>
internal sealed record ClassifiedLine(
    string EventId,
    string Category,
    string ErrorType,
    bool Retryable,
    string RuleId,
    string Fingerprint,
    IReadOnlyList<ClassifiedError> Errors);

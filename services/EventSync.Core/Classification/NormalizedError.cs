namespace EventSync.Core.Classification;

/// <summary>A reported error in one shape, whatever shape it came in: what the rules look at.</summary>
internal readonly record struct NormalizedError(
    FailureContext Context,
    string Code,
    string Message,
    string MatchText,
    IReadOnlyList<string> Fields);

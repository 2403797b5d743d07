namespace EventSync.Core.Classification;

/// <summary>The classification of every error of one failure event, in the order they were reported.</summary>
public sealed record FailureClassification(string EventId, IReadOnlyList<ErrorClassification> Errors)
{
    /// <summary>The first error's classification: the one that names the event.</summary>
    public ErrorClassification Primary => Errors[0];
}

namespace EventSync.Api.Queries;

/// <summary>The query string of the error list and the export, bound as text and validated by <see cref="ErrorFilterReader"/>.</summary>
internal sealed class ErrorFilterParameters
{
    public string? ErrorType { get; init; }

    public string? Category { get; init; }

    public string? State { get; init; }

    public string? ObjectType { get; init; }

    public string? From { get; init; }

    public string? To { get; init; }

    public string? Q { get; init; }

    /// <summary>One group of the unknown errors (the fingerprint the sync-health page's groups name).</summary>
    public string? Fingerprint { get; init; }

    /// <summary>Errors assigned to this person; <c>none</c> for errors assigned to nobody.</summary>
    public string? Assignee { get; init; }

    public string? Lang { get; init; }
}

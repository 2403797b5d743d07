namespace EventSync.Contracts;

/// <summary>Published by the classifier once a reported failure is classified and stored.</summary>
public sealed record SyncErrorClassified
{
    public required string ErrorId { get; init; }

    public required string EventId { get; init; }

    public required string TenantId { get; init; }

    public string? EngineId { get; init; }

    public string? ObjectType { get; init; }

    public string? HubSpotId { get; init; }

    public string? SalesforceId { get; init; }

    public required string Category { get; init; }

    public required string ErrorType { get; init; }

    public bool Retryable { get; init; }

    public required string RuleId { get; init; }

    public ErrorOccurrence Occurrence { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }
}

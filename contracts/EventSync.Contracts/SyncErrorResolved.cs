namespace EventSync.Contracts;

/// <summary>
/// Published by the classifier, through its outbox, for each error a sync of its record resolved: the notification worker
/// tells the webhooks that subscribed to <c>error.resolved</c>.
/// </summary>
public sealed record SyncErrorResolved
{
    public required string ErrorId { get; init; }

    public required string TenantId { get; init; }

    public string? EngineId { get; init; }

    public string? ObjectType { get; init; }

    public string? HubSpotId { get; init; }

    public string? SalesforceId { get; init; }

    public required string Category { get; init; }

    public required string ErrorType { get; init; }

    /// <summary>When the record synced.</summary>
    public required DateTimeOffset ResolvedAt { get; init; }
}

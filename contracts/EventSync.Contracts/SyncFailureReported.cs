using System.Text.Json.Serialization;

namespace EventSync.Contracts;

/// <summary>
/// Published by a sync engine when a record failed to sync. <see cref="EventId"/> is the idempotency key:
/// the same event delivered twice counts once.
/// </summary>
public sealed record SyncFailureReported
{
    [JsonRequired] public required string EventId { get; init; }

    [JsonRequired] public required string TenantId { get; init; }

    /// <summary>Which engine to ask for a resync; optional.</summary>
    public string? EngineId { get; init; }

    /// <summary>Who rejected the record: <c>salesforce</c> or <c>hubspot</c>.</summary>
    public string? Source { get; init; }

    /// <summary><c>toSalesforce</c> or <c>toHubSpot</c>.</summary>
    public string? Direction { get; init; }

    /// <summary>contact, lead, company, account, deal, opportunity, task, ...</summary>
    public string? ObjectType { get; init; }

    public string? HubSpotId { get; init; }

    public string? SalesforceId { get; init; }

    [JsonRequired] public required IReadOnlyList<ReportedError> Errors { get; init; }

    /// <summary>When the engine saw the failure; the time of receipt when absent.</summary>
    public DateTimeOffset? OccurredAt { get; init; }
}

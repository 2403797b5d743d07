using System.Text.Json.Serialization;

namespace EventSync.Contracts;

/// <summary>Published by a sync engine when a record synced; it resolves that record's open errors.</summary>
public sealed record RecordSynced
{
    [JsonRequired] public required string EventId { get; init; }

    [JsonRequired] public required string TenantId { get; init; }

    [JsonRequired] public required string ObjectType { get; init; }

    public string? HubSpotId { get; init; }

    public string? SalesforceId { get; init; }

    /// <summary>When the record synced; the time of receipt when absent.</summary>
    public DateTimeOffset? SyncedAt { get; init; }
}

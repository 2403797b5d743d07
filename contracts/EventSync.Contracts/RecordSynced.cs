using System.Text.Json.Serialization;

namespace EventSync.Contracts;

/// <summary>Published by a sync engine when a record synced; it resolves that record's open errors.</summary>
public sealed record RecordSynced
{
    [JsonRequired] public required string EventId { get; init; }

    [JsonRequired] public required string TenantId { get; init; }

    [JsonConverter(typeof(LenientStringJsonConverter))]
    [JsonRequired] public required string ObjectType { get; init; }

    [JsonConverter(typeof(LenientStringJsonConverter))]
    public string? HubSpotId { get; init; }

    [JsonConverter(typeof(LenientStringJsonConverter))]
    public string? SalesforceId { get; init; }

    /// <summary>When the record synced; the time of receipt when absent.</summary>
    [JsonConverter(typeof(LenientTimestampJsonConverter))]
    public DateTimeOffset? SyncedAt { get; init; }
}

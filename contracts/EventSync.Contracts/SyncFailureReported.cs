using System.Text.Json.Serialization;

namespace EventSync.Contracts;

/// <summary>
/// Published by a sync engine when a record failed to sync. <see cref="EventId"/> is the idempotency key:
/// the same event delivered twice counts once. Ids travel as strings: unlike the record ids and codes, which engines
/// often send as numbers, <see cref="EventId"/> and <see cref="TenantId"/> sent as numbers are refused.
/// </summary>
public sealed record SyncFailureReported
{
    [JsonRequired] public required string EventId { get; init; }

    [JsonRequired] public required string TenantId { get; init; }

    /// <summary>Which engine to ask for a resync; optional.</summary>
    [JsonConverter(typeof(LenientStringJsonConverter))]
    public string? EngineId { get; init; }

    /// <summary>Who rejected the record: <c>salesforce</c> or <c>hubspot</c>.</summary>
    [JsonConverter(typeof(LenientStringJsonConverter))]
    public string? Source { get; init; }

    /// <summary><c>toSalesforce</c> or <c>toHubSpot</c>.</summary>
    [JsonConverter(typeof(LenientStringJsonConverter))]
    public string? Direction { get; init; }

    /// <summary>contact, lead, company, account, deal, opportunity, task, ...</summary>
    [JsonConverter(typeof(LenientStringJsonConverter))]
    public string? ObjectType { get; init; }

    [JsonConverter(typeof(LenientStringJsonConverter))]
    public string? HubSpotId { get; init; }

    [JsonConverter(typeof(LenientStringJsonConverter))]
    public string? SalesforceId { get; init; }

    [JsonRequired] public required IReadOnlyList<ReportedError> Errors { get; init; }

    /// <summary>When the engine saw the failure; the time of receipt when absent.</summary>
    [JsonConverter(typeof(LenientTimestampJsonConverter))]
    public DateTimeOffset? OccurredAt { get; init; }
}

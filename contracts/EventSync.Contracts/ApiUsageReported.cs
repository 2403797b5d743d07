using System.Text.Json.Serialization;

namespace EventSync.Contracts;

/// <summary>Published by a sync engine with the tenant's Salesforce API usage.</summary>
public sealed record ApiUsageReported
{
    [JsonRequired] public required string TenantId { get; init; }

    /// <summary>Salesforce API calls made in the last 24 hours.</summary>
    [JsonRequired] public required long CallsLast24h { get; init; }

    /// <summary>The org's daily Salesforce API request limit.</summary>
    [JsonRequired] public required long SalesforceDailyLimit { get; init; }

    /// <summary>When the figures were read; the time of receipt when absent.</summary>
    [JsonConverter(typeof(LenientTimestampJsonConverter))]
    public DateTimeOffset? ReportedAt { get; init; }
}

using System.Text.Json.Serialization;

namespace EventSync.Contracts;

/// <summary>
/// Published by the API each time an admin sets or clears a tenant's allocation of Salesforce API calls to HubSpot's sync,
/// as plain JSON on the durable fanout exchange <c>eventsync.api-allocation</c>: engines throttle their Salesforce calls to it.
/// The same change may arrive twice (at least once); the newest <see cref="ChangedAt"/> wins.
/// </summary>
public sealed record ApiAllocationChanged
{
    /// <summary>The most characters of <see cref="ChangedBy"/> (a key's name is at most 64, <c>tenant:{tenantId}</c> at most 71).</summary>
    public const int MaxChangedByLength = 128;

    [JsonRequired] public required string TenantId { get; init; }

    /// <summary>Salesforce API calls a day HubSpot's sync may use; null when no allocation is set (no limit but Salesforce's own).</summary>
    [JsonRequired]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required long? AllocatedToHubSpot { get; init; }

    /// <summary>The org's daily Salesforce API limit as last reported by an engine; null while none reported it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public long? SalesforceDailyLimit { get; init; }

    [JsonRequired] public required DateTimeOffset ChangedAt { get; init; }

    /// <summary>Who changed it: the name of the API key (at most <see cref="MaxChangedByLength"/> characters).</summary>
    [JsonRequired] public required string ChangedBy { get; init; }
}

using EventSync.Core.Usage;

namespace EventSync.Storage.MongoDb.Documents;

/// <summary>One per tenant, keyed by the tenant id; <see cref="AllocatedToHubSpot"/> belongs to operators and is never written by reports.</summary>
internal sealed class ApiUsageDocument
{
    public string TenantId { get; set; } = "";

    public long UsedLast24h { get; set; }

    public long SalesforceLimit { get; set; }

    public long? AllocatedToHubSpot { get; set; }

    public DateTimeOffset? ReportedAt { get; set; }

    // An operator may set the allocation before any engine reported figures: there is no ApiUsage then, only an ApiAllocation.
    public ApiUsage? ToApiUsage() =>
        ReportedAt is { } reportedAt ? new(TenantId, UsedLast24h, SalesforceLimit, AllocatedToHubSpot, reportedAt) : null;

    public ApiAllocation ToApiAllocation() => new(TenantId, AllocatedToHubSpot, UsedLast24h, SalesforceLimit, ReportedAt);
}

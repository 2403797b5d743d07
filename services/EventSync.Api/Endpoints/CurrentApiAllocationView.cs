using EventSync.Core.Usage;

namespace EventSync.Api.Endpoints;

/// <summary>
/// The answer of <c>GET /api/tenants/{tenantId}/api-allocation</c>: the allocation (null: none) and the figures an engine
/// last reported, each null while none was reported.
/// </summary>
internal sealed record CurrentApiAllocationView(long? AllocatedToHubSpot, long? SalesforceDailyLimit, long? UsedLast24h, DateTimeOffset? ReportedAt)
{
    public static CurrentApiAllocationView Of(ApiAllocation? stored) => stored switch
    {
        null => new(null, null, null, null),
        { ReportedAt: null } => new(stored.AllocatedToHubSpot, null, null, null),
        _ => new(stored.AllocatedToHubSpot, stored.SalesforceLimit, stored.UsedLast24h, stored.ReportedAt),
    };
}

using EventSync.Storage.MongoDb.Documents;
using MongoDB.Driver;

namespace EventSync.Storage.MongoDb.Queries;

/// <summary>The filters and updates of <c>api_usage</c>: one document per tenant, <c>_id</c> = tenant id.</summary>
internal static class ApiUsageQueries
{
    private static readonly FilterDefinitionBuilder<ApiUsageDocument> Filter = Builders<ApiUsageDocument>.Filter;

    public static FilterDefinition<ApiUsageDocument> ByTenant(string tenantId) => Filter.Eq(d => d.TenantId, tenantId);

    /// <summary>
    /// The tenant's document only while it holds older figures (or none). With an upsert, a newer or equal stored
    /// report makes the insert collide on <c>_id</c>: the report is older and is dropped.
    /// </summary>
    public static FilterDefinition<ApiUsageDocument> HoldingOlderThan(string tenantId, DateTimeOffset reportedAt) =>
        ByTenant(tenantId) & (Filter.Lt(d => d.ReportedAt, reportedAt) | Filter.Eq(d => d.ReportedAt, null));

    /// <summary>Sets the reported figures only: <c>allocatedToHubSpot</c> belongs to operators.</summary>
    public static UpdateDefinition<ApiUsageDocument> Report(long usedLast24h, long salesforceLimit, DateTimeOffset reportedAt) =>
        Builders<ApiUsageDocument>.Update
            .Set(d => d.UsedLast24h, usedLast24h)
            .Set(d => d.SalesforceLimit, salesforceLimit)
            .Set(d => d.ReportedAt, reportedAt);

    /// <summary>
    /// Sets the operator's allocation only; a tenant's first document (upserted) starts with zero figures and no report
    /// time, so that the first report, whatever its time, fills them in.
    /// </summary>
    public static UpdateDefinition<ApiUsageDocument> Allocate(long? allocatedToHubSpot) =>
        Builders<ApiUsageDocument>.Update
            .Set(d => d.AllocatedToHubSpot, allocatedToHubSpot)
            .SetOnInsert(d => d.UsedLast24h, 0L)
            .SetOnInsert(d => d.SalesforceLimit, 0L);
}

using EventSync.Core.Usage;

namespace EventSync.Storage.Sqlite;

/// <summary>
/// The reported API figures and the operator's allocation, one row per tenant in <c>api_usage</c>: reports never touch the
/// allocation, the allocation never touches the reports.
/// </summary>
public sealed class SqliteApiUsageStore(SqliteStoreContext context) : IApiUsageStore
{
    // The newest report wins: an older one than the stored one changes nothing.
    private const string SaveReport = """
        INSERT INTO api_usage (tenant_id, used_last_24h, salesforce_limit, allocated_to_hubspot, reported_at) VALUES (@tenant, @used, @limit, NULL, @reportedAt)
        ON CONFLICT DO UPDATE SET used_last_24h = excluded.used_last_24h, salesforce_limit = excluded.salesforce_limit, reported_at = excluded.reported_at
        WHERE reported_at IS NULL OR reported_at <= excluded.reported_at
        """;

    private const string SaveAllocation = """
        INSERT INTO api_usage (tenant_id, used_last_24h, salesforce_limit, allocated_to_hubspot, reported_at) VALUES (@tenant, 0, 0, @allocated, NULL)
        ON CONFLICT DO UPDATE SET allocated_to_hubspot = excluded.allocated_to_hubspot
        RETURNING used_last_24h, salesforce_limit, reported_at
        """;

    private const string Select = "SELECT used_last_24h, salesforce_limit, allocated_to_hubspot, reported_at FROM api_usage WHERE tenant_id = @tenant";

    public Task SaveUsageAsync(string tenantId, long usedLast24h, long salesforceLimit, DateTimeOffset reportedAt, CancellationToken cancellationToken) =>
        context.WriteAsync(
            session => session.Command(SaveReport)
                .With("@tenant", tenantId)
                .With("@used", usedLast24h)
                .With("@limit", salesforceLimit)
                .With("@reportedAt", reportedAt.UtcTicks)
                .ExecuteNonQuery(),
            cancellationToken);

    public Task<ApiUsage?> GetUsageAsync(string tenantId, CancellationToken cancellationToken) =>
        context.ReadAsync(
            session => session.Command(Select).With("@tenant", tenantId).ReadFirst(r => r.IsDBNull(3)
                ? null
                : new ApiUsage(tenantId, r.GetInt64(0), r.GetInt64(1), r.NullableInt64(2), SqliteInstants.FromTicks(r.GetInt64(3)))),
            cancellationToken);

    public Task<ApiAllocation?> GetAllocationAsync(string tenantId, CancellationToken cancellationToken) =>
        context.ReadAsync(
            session => session.Command(Select).With("@tenant", tenantId).ReadFirst(r =>
                new ApiAllocation(tenantId, r.NullableInt64(2), r.GetInt64(0), r.GetInt64(1), SqliteInstants.FromTicks(r.NullableInt64(3)))),
            cancellationToken);

    public Task<ApiAllocation> SetAllocationAsync(string tenantId, long? allocatedToHubSpot, CancellationToken cancellationToken) =>
        context.WriteAsync(
            session => session.Command(SaveAllocation)
                .With("@tenant", tenantId)
                .With("@allocated", allocatedToHubSpot)
                .ReadFirst(r => new ApiAllocation(tenantId, allocatedToHubSpot, r.GetInt64(0), r.GetInt64(1), SqliteInstants.FromTicks(r.NullableInt64(2))))!,
            cancellationToken);
}

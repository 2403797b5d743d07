using EventSync.Core.Resync;
using EventSync.Storage.Sqlite.Rows;

namespace EventSync.Storage.Sqlite;

/// <summary>
/// EventSync's own resync spends per tenant in <c>api_budgets</c>, read with the tenant's <c>api_usage</c>. A reservation
/// reads and writes inside one transaction that holds the file's write lock: reservations of every process on the file
/// together never pass the cap.
/// </summary>
public sealed class SqliteApiBudgetStore(SqliteStoreContext context) : IApiBudgetStore
{
    private const string SelectUsage = "SELECT used_last_24h, salesforce_limit, allocated_to_hubspot, reported_at FROM api_usage WHERE tenant_id = @tenant";

    private const string SelectSpends = "SELECT spends FROM api_budgets WHERE tenant_id = @tenant";

    private const string SaveSpends = """
        INSERT INTO api_budgets (tenant_id, spends) VALUES (@tenant, @spends)
        ON CONFLICT DO UPDATE SET spends = excluded.spends
        """;

    public Task<BudgetReservation> TryReserveAsync(string tenantId, long calls, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(calls);
        return context.WriteAsync(
            session =>
            {
                var budget = Read(session, tenantId, now);
                if (!budget.Fits(calls))
                {
                    return new BudgetReservation(false, budget);
                }

                var spent = budget.Spend(calls);
                Save(session, spent);
                return new BudgetReservation(true, spent);
            },
            cancellationToken);
    }

    public Task ReleaseAsync(string tenantId, long calls, DateTimeOffset spentAt, DateTimeOffset now, CancellationToken cancellationToken) =>
        context.WriteAsync(
            session =>
            {
                Save(session, Read(session, tenantId, now).Release(calls, spentAt));
                return true;
            },
            cancellationToken);

    public Task<ApiBudget> GetBudgetAsync(string tenantId, DateTimeOffset now, CancellationToken cancellationToken) =>
        context.ReadAsync(session => Read(session, tenantId, now), cancellationToken);

    private static ApiBudget Read(SqliteSession session, string tenantId, DateTimeOffset now)
    {
        var usage = session.Command(SelectUsage).With("@tenant", tenantId)
            .ReadFirst(r => (Used: r.GetInt64(0), Limit: r.GetInt64(1), Allocated: r.NullableInt64(2), ReportedAt: SqliteInstants.FromTicks(r.NullableInt64(3))));
        var spends = session.Command(SelectSpends).With("@tenant", tenantId).ReadFirst(r => r.GetString(0));
        return ApiBudget.Of(
            tenantId,
            usage.Allocated,
            usage.ReportedAt is null ? null : usage.Limit,
            usage.Used,
            usage.ReportedAt,
            spends is null ? [] : SqliteJson.Read<List<BudgetSpend>>(spends, "A resync budget"),
            now);
    }

    private static void Save(SqliteSession session, ApiBudget budget) =>
        session.Command(SaveSpends).With("@tenant", budget.TenantId).With("@spends", SqliteJson.Write(budget.Spends)).ExecuteNonQuery();
}

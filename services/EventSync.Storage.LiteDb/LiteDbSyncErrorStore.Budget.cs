using EventSync.Core.Resync;
using EventSync.Storage.LiteDb.Documents;
using LiteDB;

namespace EventSync.Storage.LiteDb;

// IApiBudgetStore: the tenant's spends in resync_budgets, read with its api_usage figures; a reservation is a read and a
// write inside the write lock, so two reservations never both take the last room.
public sealed partial class LiteDbSyncErrorStore : IApiBudgetStore
{
    private const string BudgetsCollection = "resync_budgets";

    private ILiteCollection<BudgetDocument> Budgets => _database.GetCollection<BudgetDocument>(BudgetsCollection);

    public Task<BudgetReservation> TryReserveAsync(string tenantId, long calls, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(calls);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_writeLock)
        {
            return Task.FromResult(InTransaction(() =>
            {
                var budget = ReadBudget(tenantId, now);
                if (!budget.Fits(calls))
                {
                    return new BudgetReservation(false, budget);
                }

                var spent = budget.Spend(calls);
                Budgets.Upsert(ResyncDocumentMapping.ToDocument(tenantId, spent.Spends));
                return new BudgetReservation(true, spent);
            }));
        }
    }

    public Task ReleaseAsync(string tenantId, long calls, DateTimeOffset spentAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_writeLock)
        {
            InTransaction(() => Budgets.Upsert(ResyncDocumentMapping.ToDocument(tenantId, ReadBudget(tenantId, now).Release(calls, spentAt).Spends)));
        }

        return Task.CompletedTask;
    }

    public Task<ApiBudget> GetBudgetAsync(string tenantId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(ReadBudget(tenantId, now));
    }

    private ApiBudget ReadBudget(string tenantId, DateTimeOffset now)
    {
        var usage = _usage.FindById(tenantId);
        var spends = ResyncDocumentMapping.ToSpends(Budgets.FindById(tenantId));
        return ApiBudget.Of(
            tenantId,
            usage?.AllocatedToHubSpot,
            usage?.SalesforceLimit,
            usage?.UsedLast24h ?? 0,
            SyncErrorDocumentMapping.ToInstant(usage?.ReportedAtUtcTicks),
            spends,
            now);
    }
}

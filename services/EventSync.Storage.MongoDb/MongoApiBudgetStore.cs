using EventSync.Core.Resync;
using EventSync.Storage.MongoDb.Documents;
using EventSync.Storage.MongoDb.Queries;
using MongoDB.Driver;

namespace EventSync.Storage.MongoDb;

/// <summary>
/// The resync budgets: a reservation reads the tenant's <c>api_usage</c> figures and its budget document, decides, and
/// writes the budget back guarded by the version it read (an insert of a first budget collides instead): of two workers
/// racing for the last room, one write wins and the other re-reads and sees the room gone.
/// </summary>
public sealed class MongoApiBudgetStore(MongoStoreContext context) : IApiBudgetStore
{
    /// <summary>How often a reservation is retried while other writers keep winning.</summary>
    public const int MaxBudgetAttempts = 20;

    private static readonly ReplaceOptions UpsertBudget = new() { IsUpsert = true };

    public Task<BudgetReservation> TryReserveAsync(string tenantId, long calls, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(calls);
        return MongoStoreContext.RetryAsync(
            $"The budget of {tenantId} could not be reserved",
            MaxBudgetAttempts,
            async () =>
            {
                var (budget, version) = await ReadAsync(tenantId, now, cancellationToken);
                if (!budget.Fits(calls))
                {
                    return (true, new BudgetReservation(false, budget));
                }

                var spent = budget.Spend(calls);
                return (await TryWriteAsync(tenantId, spent, version, cancellationToken), new BudgetReservation(true, spent));
            },
            cancellationToken);
    }

    public Task ReleaseAsync(string tenantId, long calls, DateTimeOffset spentAt, DateTimeOffset now, CancellationToken cancellationToken) =>
        MongoStoreContext.RetryAsync(
            $"The budget of {tenantId} could not be released",
            MaxBudgetAttempts,
            async () =>
            {
                var (budget, version) = await ReadAsync(tenantId, now, cancellationToken);
                return (await TryWriteAsync(tenantId, budget.Release(calls, spentAt), version, cancellationToken), true);
            },
            cancellationToken);

    public async Task<ApiBudget> GetBudgetAsync(string tenantId, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await ReadAsync(tenantId, now, cancellationToken)).Budget;

    private async Task<(ApiBudget Budget, long Version)> ReadAsync(string tenantId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var usage = await context.Usage.Find(ApiUsageQueries.ByTenant(tenantId)).FirstOrDefaultAsync(cancellationToken);
        var stored = await context.Budgets.Find(ResyncQueries.BudgetOf(tenantId)).FirstOrDefaultAsync(cancellationToken);
        var spends = stored?.Spends.Select(s => new BudgetSpend(s.Minute, s.Calls)).ToList() ?? [];
        var budget = ApiBudget.Of(tenantId, usage?.AllocatedToHubSpot, usage?.SalesforceLimit, usage?.UsedLast24h ?? 0, usage?.ReportedAt, spends, now);
        return (budget, stored?.Version ?? 0);
    }

    private async Task<bool> TryWriteAsync(string tenantId, ApiBudget budget, long readVersion, CancellationToken cancellationToken)
    {
        var document = new BudgetDocument
        {
            Id = tenantId,
            Spends = [.. budget.Spends.Select(s => new BudgetSpendDocument { Minute = s.Minute, Calls = s.Calls })],
            Version = readVersion + 1,
        };
        try
        {
            var result = await context.Budgets.ReplaceOneAsync(ResyncQueries.BudgetAsRead(tenantId, readVersion), document, UpsertBudget, cancellationToken);
            return result.ModifiedCount == 1 || result.UpsertedId is not null;
        }
        catch (MongoWriteException e) when (e.WriteError?.Category == ServerErrorCategory.DuplicateKey)
        {
            return false;
        }
    }
}

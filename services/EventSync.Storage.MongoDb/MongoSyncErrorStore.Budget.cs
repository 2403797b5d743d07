using EventSync.Core.Resync;
using EventSync.Storage.MongoDb.Documents;
using EventSync.Storage.MongoDb.Queries;
using MongoDB.Driver;

namespace EventSync.Storage.MongoDb;

// IApiBudgetStore: a reservation reads the tenant's api_usage figures and its budget document, decides, and writes the
// budget back guarded by the version it read (an insert of a first budget collides instead): of two workers racing for
// the last room, one write wins and the other re-reads and sees the room gone.
public sealed partial class MongoSyncErrorStore : IApiBudgetStore
{
    /// <summary>How often a reservation is retried while other writers keep winning.</summary>
    public const int MaxBudgetAttempts = 20;

    private static readonly ReplaceOptions UpsertBudget = new() { IsUpsert = true };

    private IMongoCollection<BudgetDocument> Budgets => _database.GetCollection<BudgetDocument>(MongoCollectionNames.ResyncBudgets);

    public async Task<BudgetReservation> TryReserveAsync(string tenantId, long calls, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(calls);
        for (var attempt = 1; attempt <= MaxBudgetAttempts; attempt++)
        {
            if (attempt > 1)
            {
                await Task.Delay(RetryDelay(attempt), cancellationToken);
            }

            var (budget, version) = await ReadBudgetAsync(tenantId, now, cancellationToken);
            if (!budget.Fits(calls))
            {
                return new BudgetReservation(false, budget);
            }

            var spent = budget.Spend(calls);
            if (await TryWriteBudgetAsync(tenantId, spent, version, cancellationToken))
            {
                return new BudgetReservation(true, spent);
            }
        }

        throw new InvalidOperationException($"The budget of {tenantId} could not be reserved: other writers changed it {MaxBudgetAttempts} times in a row.");
    }

    public async Task ReleaseAsync(string tenantId, long calls, DateTimeOffset spentAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxBudgetAttempts; attempt++)
        {
            if (attempt > 1)
            {
                await Task.Delay(RetryDelay(attempt), cancellationToken);
            }

            var (budget, version) = await ReadBudgetAsync(tenantId, now, cancellationToken);
            if (await TryWriteBudgetAsync(tenantId, budget.Release(calls, spentAt), version, cancellationToken))
            {
                return;
            }
        }

        throw new InvalidOperationException($"The budget of {tenantId} could not be released: other writers changed it {MaxBudgetAttempts} times in a row.");
    }

    public async Task<ApiBudget> GetBudgetAsync(string tenantId, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await ReadBudgetAsync(tenantId, now, cancellationToken)).Budget;

    private async Task<(ApiBudget Budget, long Version)> ReadBudgetAsync(string tenantId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var usage = await _usage.Find(ApiUsageQueries.ByTenant(tenantId)).FirstOrDefaultAsync(cancellationToken);
        var stored = await Budgets.Find(ResyncQueries.BudgetOf(tenantId)).FirstOrDefaultAsync(cancellationToken);
        var spends = stored?.Spends.Select(s => new BudgetSpend(s.Minute, s.Calls)).ToList() ?? [];
        var budget = ApiBudget.Of(tenantId, usage?.AllocatedToHubSpot, usage?.SalesforceLimit, usage?.UsedLast24h ?? 0, usage?.ReportedAt, spends, now);
        return (budget, stored?.Version ?? 0);
    }

    private async Task<bool> TryWriteBudgetAsync(string tenantId, ApiBudget budget, long readVersion, CancellationToken cancellationToken)
    {
        var document = new BudgetDocument
        {
            Id = tenantId,
            Spends = [.. budget.Spends.Select(s => new BudgetSpendDocument { Minute = s.Minute, Calls = s.Calls })],
            Version = readVersion + 1,
        };
        try
        {
            var result = await Budgets.ReplaceOneAsync(ResyncQueries.BudgetAsRead(tenantId, readVersion), document, UpsertBudget, cancellationToken);
            return result.ModifiedCount == 1 || result.UpsertedId is not null;
        }
        catch (MongoWriteException e) when (e.WriteError?.Category == ServerErrorCategory.DuplicateKey)
        {
            return false;
        }
    }
}

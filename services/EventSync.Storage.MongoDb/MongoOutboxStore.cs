using EventSync.Core.Storage;
using EventSync.Storage.MongoDb.Documents;
using EventSync.Storage.MongoDb.Queries;
using MongoDB.Driver;

namespace EventSync.Storage.MongoDb;

/// <summary>
/// The messages waiting in the <c>outbox</c> arrays of <c>sync_errors</c>, written by the same document write as the
/// change they announce (no multi-document transaction needed). A claim leases whole documents, oldest message first,
/// each with one conditional update, so two dispatchers never hold the same document at once; messages leave a document
/// by their id only, so a message queued meanwhile is never taken with them.
/// </summary>
public sealed class MongoOutboxStore(MongoStoreContext context) : IOutboxStore
{
    private static readonly FindOneAndUpdateOptions<SyncErrorDocument> ReturnLeased = new() { ReturnDocument = ReturnDocument.After };

    public async Task<IReadOnlyList<OutboxMessage>> ClaimAsync(DateTimeOffset now, TimeSpan lease, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var candidates = await context.Errors.Find(OutboxQueries.Claimable(now))
            .Sort(OutboxQueries.OldestFirst)
            .Limit(limit)
            .Project(d => d.Id)
            .ToListAsync(cancellationToken);
        var claimed = new List<OutboxEntryDocument>();
        foreach (var errorId in candidates)
        {
            // Another dispatcher may have leased it since it was read: then the filter matches nothing.
            var leased = await context.Errors.FindOneAndUpdateAsync(
                OutboxQueries.ClaimableById(errorId, now), OutboxQueries.Lease(now + lease), ReturnLeased, cancellationToken);
            claimed.AddRange(leased?.Outbox ?? []);
            if (claimed.Count >= limit)
            {
                break;
            }
        }

        // Documents oldest first, and in each its messages in the order they were written.
        return [.. claimed.Select(e => e.ToMessage())];
    }

    public async Task RemoveAsync(IReadOnlyCollection<Guid> messageIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        if (messageIds.Count == 0)
        {
            return;
        }

        var ids = messageIds.Select(OutboxEntryDocument.IdOf).ToList();
        await context.Errors.UpdateManyAsync(OutboxQueries.Holding(ids), OutboxQueries.Remove(ids), cancellationToken: cancellationToken);
    }

    public async Task ReleaseAsync(IReadOnlyCollection<Guid> messageIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        if (messageIds.Count == 0)
        {
            return;
        }

        await context.Errors.UpdateManyAsync(
            OutboxQueries.Holding(messageIds.Select(OutboxEntryDocument.IdOf)), OutboxQueries.EndLease(), cancellationToken: cancellationToken);
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        var total = await context.Errors.Aggregate(OutboxQueries.CountWaiting(), cancellationToken: cancellationToken).FirstOrDefaultAsync(cancellationToken);
        return total is null ? 0 : total["count"].ToInt64();
    }
}

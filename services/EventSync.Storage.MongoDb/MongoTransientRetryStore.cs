using EventSync.Core.Resync;
using EventSync.Core.Storage;
using EventSync.Storage.MongoDb.Documents;
using EventSync.Storage.MongoDb.Queries;
using MongoDB.Driver;

namespace EventSync.Storage.MongoDb;

/// <summary>Per transient error the failures counted (an event once), and surfacing one as an ordinary open error.</summary>
public sealed class MongoTransientRetryStore(MongoStoreContext context) : ITransientRetryStore
{
    private static readonly FindOneAndUpdateOptions<SyncErrorDocument> ReturnChanged = new() { ReturnDocument = ReturnDocument.After };

    public async Task<int> CountFailureAsync(string tenantId, string errorId, string eventId, CancellationToken cancellationToken)
    {
        var options = new FindOneAndUpdateOptions<TransientRetryDocument> { IsUpsert = true, ReturnDocument = ReturnDocument.After };
        try
        {
            var counted = await context.Retries.FindOneAndUpdateAsync(
                ResyncQueries.RetryNotCounting(tenantId, errorId, eventId), ResyncQueries.CountFailure(eventId), options, cancellationToken);
            return counted.Failures;
        }
        catch (MongoCommandException e) when (e.Code == MongoStoreContext.DuplicateKeyCode)
        {
            // The event was counted already (a redelivery): the filter missed and the upsert collided with the stored count.
            var stored = await context.Retries.Find(ResyncQueries.RetriesOf(tenantId, [errorId])).FirstOrDefaultAsync(cancellationToken);
            return stored?.Failures ?? 0;
        }
    }

    public Task ResetAsync(string tenantId, IReadOnlyCollection<string> errorIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(errorIds);
        return errorIds.Count == 0 ? Task.CompletedTask : context.Retries.DeleteManyAsync(ResyncQueries.RetriesOf(tenantId, errorIds), cancellationToken);
    }

    public async Task<SyncError?> SurfaceAsync(string tenantId, string errorId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var surfaced = await context.Errors.FindOneAndUpdateAsync(ResyncQueries.NotSurfaced(tenantId, errorId), ResyncQueries.Surface(at), ReturnChanged, cancellationToken);
        if (surfaced is null)
        {
            var document = await context.Errors.Find(SyncErrorQueries.ByTenantAndId(tenantId, errorId)).FirstOrDefaultAsync(cancellationToken);
            return document?.ToSyncError();
        }

        // The filter held SurfacedAt null: that, one version lower, is the state before (Core's transition).
        var after = surfaced.ToSyncError();
        await MongoErrorCards.CountAsync(context, ErrorCardDelta.Between(after with { SurfacedAt = null, Version = after.Version - 1 }, after), cancellationToken);
        return after;
    }
}

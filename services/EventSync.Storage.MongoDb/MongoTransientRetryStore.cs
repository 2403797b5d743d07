using EventSync.Core.Errors;
using EventSync.Core.Resync;
using EventSync.Core.Storage;
using EventSync.Storage.MongoDb.Documents;
using EventSync.Storage.MongoDb.Queries;
using MongoDB.Driver;

namespace EventSync.Storage.MongoDb;

/// <summary>Per transient error the failures counted (an event once), and surfacing one as an ordinary open error.</summary>
public sealed class MongoTransientRetryStore(MongoStoreContext context) : ITransientRetryStore
{
    private const int MaxSurfaceAttempts = 10;

    private static readonly FindOneAndUpdateOptions<SyncErrorDocument> ReturnChanged = new() { ReturnDocument = ReturnDocument.After };
    private static readonly FindOneAndUpdateOptions<TransientRetryDocument> UpsertReturningCount = new() { IsUpsert = true, ReturnDocument = ReturnDocument.After };
    private static readonly FindOneAndUpdateOptions<TransientRetryDocument> ReturnCount = new() { ReturnDocument = ReturnDocument.After };

    public async Task<int> CountFailureAsync(string tenantId, string errorId, string eventId, CancellationToken cancellationToken)
    {
        var filter = ResyncQueries.RetryNotCounting(tenantId, errorId, eventId);
        try
        {
            var counted = await context.Retries.FindOneAndUpdateAsync(filter, ResyncQueries.CountFailure(eventId), UpsertReturningCount, cancellationToken);
            return counted.Failures;
        }
        catch (MongoCommandException e) when (e.Code == MongoStoreContext.DuplicateKeyCode)
        {
            // Either the event was counted already (a redelivery), or another first failure of the error inserted the
            // document between this filter missing and this insert: now that it exists, the update alone tells which.
            var counted = await context.Retries.FindOneAndUpdateAsync(filter, ResyncQueries.CountFailure(eventId), ReturnCount, cancellationToken);
            if (counted is not null)
            {
                return counted.Failures;
            }

            var stored = await context.Retries.Find(ResyncQueries.RetriesOf(tenantId, [errorId])).FirstOrDefaultAsync(cancellationToken);
            return stored?.Failures ?? 0;
        }
    }

    public Task ResetAsync(string tenantId, IReadOnlyCollection<string> errorIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(errorIds);
        return errorIds.Count == 0 ? Task.CompletedTask : context.Retries.DeleteManyAsync(ResyncQueries.RetriesOf(tenantId, errorIds), cancellationToken);
    }

    public async Task<SyncError?> SurfaceAsync(string tenantId, string errorId, DateTimeOffset at, Func<SyncError, OutboxMessage> announce, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(announce);
        var surfaced = await context.AtomicallyAsync(
            $"Error {errorId} of {tenantId} could not be surfaced",
            MaxSurfaceAttempts,
            async (session, ct) =>
            {
                // Read first in the transaction: the announcement goes into the same update as the surfacing.
                var before = await context.Errors.Find(session, ResyncQueries.NotSurfaced(tenantId, errorId)).FirstOrDefaultAsync(ct);
                if (before?.ToSyncError() is not { } unsurfaced || SyncErrorTransitions.Surface(unsurfaced, at) is not { } expected)
                {
                    return null;
                }

                var document = await context.Errors.FindOneAndUpdateAsync(
                    session, ResyncQueries.NotSurfaced(tenantId, errorId), ResyncQueries.Surface(at, announce(expected)), ReturnChanged, ct);
                if (document?.ToSyncError() is not { } after)
                {
                    return null;
                }

                // The filter held SurfacedAt null: that, one version lower, is the state before (Core's transition).
                await MongoErrorCards.CountAsync(context, session, ErrorCardDelta.Between(after with { SurfacedAt = null, Version = after.Version - 1 }, after), ct);
                return after;
            },
            cancellationToken);
        if (surfaced is not null)
        {
            return surfaced;
        }

        var stored = await context.Errors.Find(SyncErrorQueries.ByTenantAndId(tenantId, errorId)).FirstOrDefaultAsync(cancellationToken);
        return stored?.ToSyncError();
    }
}

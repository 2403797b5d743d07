using EventSync.Core.Resync;
using EventSync.Core.Storage;
using EventSync.Storage.MongoDb.Documents;
using EventSync.Storage.MongoDb.Queries;
using MongoDB.Driver;

namespace EventSync.Storage.MongoDb;

// IResyncRequestStore and ITransientRetryStore: a request is one document with its parts inside; a change is read, applied
// and written back guarded by the version that was read (re-read and re-applied when another writer won), so two
// workers never both move a part from waiting to sent.
public sealed partial class MongoSyncErrorStore : IResyncRequestStore, ITransientRetryStore
{
    /// <summary>How often a change to one request is re-read and re-applied while other writers keep winning.</summary>
    public const int MaxRequestUpdateAttempts = 20;

    private IMongoCollection<ResyncRequestDocument> Requests => _database.GetCollection<ResyncRequestDocument>(MongoCollectionNames.ResyncRequests);

    private IMongoCollection<TransientRetryDocument> Retries => _database.GetCollection<TransientRetryDocument>(MongoCollectionNames.TransientRetries);

    public async Task<bool> AddRequestAsync(ResyncRequestRecord request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            await Requests.InsertOneAsync(ResyncRequestDocument.From(request), cancellationToken: cancellationToken);
            return true;
        }
        catch (MongoWriteException e) when (e.WriteError?.Category == ServerErrorCategory.DuplicateKey)
        {
            return false;
        }
    }

    public async Task<ResyncRequestRecord?> GetRequestAsync(string tenantId, string requestId, CancellationToken cancellationToken)
    {
        var document = await Requests.Find(ResyncQueries.ByTenantAndId(tenantId, requestId)).FirstOrDefaultAsync(cancellationToken);
        return document?.ToRecord();
    }

    public async Task<ResyncRequestRecord?> UpdateRequestAsync(
        string tenantId, string requestId, Func<ResyncRequestRecord, ResyncRequestRecord?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; attempt <= MaxRequestUpdateAttempts; attempt++)
        {
            if (attempt > 1)
            {
                await Task.Delay(RetryDelay(attempt), cancellationToken);
            }

            var document = await Requests.Find(ResyncQueries.ByTenantAndId(tenantId, requestId)).FirstOrDefaultAsync(cancellationToken);
            if (document is null)
            {
                return null;
            }

            var current = document.ToRecord();
            if (change(current) is not { } changed)
            {
                return null;
            }

            changed = changed with { Version = current.Version + 1 };
            var result = await Requests.ReplaceOneAsync(ResyncQueries.AsRead(requestId, current.Version), ResyncRequestDocument.From(changed), cancellationToken: cancellationToken);
            if (result.ModifiedCount == 1)
            {
                return changed;
            }
        }

        throw new InvalidOperationException($"Resync request {requestId} could not be changed: other writers changed it {MaxRequestUpdateAttempts} times in a row.");
    }

    public async Task<IReadOnlyList<ResyncRequestRecord>> ListWaitingAsync(string tenantId, CancellationToken cancellationToken)
    {
        var documents = await Requests.Find(ResyncQueries.Waiting(tenantId)).Sort(ResyncQueries.WaitingOrder).ToListAsync(cancellationToken);
        return [.. documents.Select(d => d.ToRecord())];
    }

    public async Task<IReadOnlyList<string>> ListTenantsWaitingAsync(CancellationToken cancellationToken)
    {
        using var cursor = await Requests.DistinctAsync(d => d.TenantId, ResyncQueries.AnyWaiting(), cancellationToken: cancellationToken);
        var tenants = await cursor.ToListAsync(cancellationToken);
        return [.. tenants.Order(StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<ResyncRequestRecord>> ListSentForRecordAsync(
        string tenantId, string objectType, string? hubSpotId, string? salesforceId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(hubSpotId) && string.IsNullOrWhiteSpace(salesforceId))
        {
            return [];
        }

        var documents = await Requests.Find(ResyncQueries.SentForRecord(tenantId, objectType, hubSpotId, salesforceId)).ToListAsync(cancellationToken);
        return [.. documents.Select(d => d.ToRecord())];
    }

    public async Task<IReadOnlyList<ResyncRequestRecord>> ListSentForErrorAsync(string tenantId, string errorId, CancellationToken cancellationToken)
    {
        var documents = await Requests.Find(ResyncQueries.SentForError(tenantId, errorId)).ToListAsync(cancellationToken);
        return [.. documents.Select(d => d.ToRecord())];
    }

    public async Task<int> CountFailureAsync(string tenantId, string errorId, string eventId, CancellationToken cancellationToken)
    {
        var options = new FindOneAndUpdateOptions<TransientRetryDocument> { IsUpsert = true, ReturnDocument = ReturnDocument.After };
        try
        {
            var counted = await Retries.FindOneAndUpdateAsync(
                ResyncQueries.RetryNotCounting(tenantId, errorId, eventId), ResyncQueries.CountFailure(eventId), options, cancellationToken);
            return counted.Failures;
        }
        catch (MongoCommandException e) when (e.Code == DuplicateKeyCode)
        {
            // The event was counted already (a redelivery): the filter missed and the upsert collided with the stored count.
            var stored = await Retries.Find(ResyncQueries.RetriesOf(tenantId, [errorId])).FirstOrDefaultAsync(cancellationToken);
            return stored?.Failures ?? 0;
        }
    }

    public Task ResetAsync(string tenantId, IReadOnlyCollection<string> errorIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(errorIds);
        return errorIds.Count == 0 ? Task.CompletedTask : Retries.DeleteManyAsync(ResyncQueries.RetriesOf(tenantId, errorIds), cancellationToken);
    }

    public async Task<SyncError?> SurfaceAsync(string tenantId, string errorId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var surfaced = await _errors.FindOneAndUpdateAsync(ResyncQueries.NotSurfaced(tenantId, errorId), ResyncQueries.Surface(at), ReturnChanged, cancellationToken);
        if (surfaced is null)
        {
            return await GetAsync(tenantId, errorId, cancellationToken);
        }

        // The filter held SurfacedAt null: that, one version lower, is the state before.
        var after = surfaced.ToSyncError();
        await CountOnCardsAsync(ErrorCardDelta.Between(after with { SurfacedAt = null, Version = after.Version - 1 }, after), cancellationToken);
        return after;
    }

    private async Task InitializeResyncAsync(CancellationToken cancellationToken)
    {
        await Requests.Indexes.CreateManyAsync(ResyncQueries.Indexes(), cancellationToken);
    }
}

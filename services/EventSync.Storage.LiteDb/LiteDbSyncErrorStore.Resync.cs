using EventSync.Core.Resync;
using EventSync.Core.Storage;
using EventSync.Storage.LiteDb.Documents;
using LiteDB;

namespace EventSync.Storage.LiteDb;

// IResyncRequestStore and ITransientRetryStore: requests in resync_requests (read and written whole under the write lock,
// so a change is atomic), transient failure counts in transient_retries.
public sealed partial class LiteDbSyncErrorStore : IResyncRequestStore, ITransientRetryStore
{
    private const string RequestsCollection = "resync_requests";
    private const string RetriesCollection = "transient_retries";
    private const int RecentRetryEventLimit = 32;

    private ILiteCollection<ResyncRequestDocument> Requests => _database.GetCollection<ResyncRequestDocument>(RequestsCollection);

    private ILiteCollection<TransientRetryDocument> Retries => _database.GetCollection<TransientRetryDocument>(RetriesCollection);

    public Task<bool> AddRequestAsync(ResyncRequestRecord request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_writeLock)
        {
            return Task.FromResult(InTransaction(() =>
                Requests.FindById(request.RequestId) is null && Requests.Insert(ResyncDocumentMapping.ToDocument(request)) is not null));
        }
    }

    public Task<ResyncRequestRecord?> GetRequestAsync(string tenantId, string requestId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var document = Requests.FindById(requestId);
        return Task.FromResult(document is not null && string.Equals(document.TenantId, tenantId, StringComparison.Ordinal)
            ? ResyncDocumentMapping.ToRecord(document)
            : null);
    }

    public Task<ResyncRequestRecord?> UpdateRequestAsync(
        string tenantId, string requestId, Func<ResyncRequestRecord, ResyncRequestRecord?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_writeLock)
        {
            return Task.FromResult(InTransaction(() =>
            {
                var document = Requests.FindById(requestId);
                if (document is null || !string.Equals(document.TenantId, tenantId, StringComparison.Ordinal))
                {
                    return null;
                }

                var current = ResyncDocumentMapping.ToRecord(document);
                if (change(current) is not { } changed)
                {
                    return null;
                }

                changed = changed with { Version = current.Version + 1 };
                Requests.Update(ResyncDocumentMapping.ToDocument(changed));
                return changed;
            }));
        }
    }

    public Task<IReadOnlyList<ResyncRequestRecord>> ListWaitingAsync(string tenantId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var prefix = ResyncDocumentMapping.WaitingKeyPrefix(tenantId);
        var waiting = Requests.Query()
            .Where(Filters.Between("waitingKey", prefix, prefix + SyncErrorDocumentMapping.KeyRangeEnd))
            .OrderBy(d => d.WaitingKey)
            .ToEnumerable()
            .Select(ResyncDocumentMapping.ToRecord)
            .ToList();
        return Task.FromResult<IReadOnlyList<ResyncRequestRecord>>(waiting);
    }

    public Task<IReadOnlyList<string>> ListTenantsWaitingAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var tenants = Requests.Find(Filters.GreaterThan("waitingKey", ""))
            .Select(d => d.TenantId)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return Task.FromResult<IReadOnlyList<string>>(tenants);
    }

    public Task<IReadOnlyList<ResyncRequestRecord>> ListSentForRecordAsync(
        string tenantId, string objectType, string? hubSpotId, string? salesforceId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var type = SyncErrorKeys.ObjectType(objectType);
        var keys = new[] { hubSpotId, salesforceId }
            .Where(id => !string.IsNullOrWhiteSpace(id))
            .Select(id => SyncErrorDocumentMapping.RecordIdKey(tenantId, type, id!.Trim()));
        var requests = keys
            .SelectMany(key => Requests.Find(BsonExpression.Create("$.sentRecordKeys[*] ANY = @0", new BsonValue(key))))
            .DistinctBy(d => d.Id, StringComparer.Ordinal)
            .Select(ResyncDocumentMapping.ToRecord)
            .ToList();
        return Task.FromResult<IReadOnlyList<ResyncRequestRecord>>(requests);
    }

    public Task<IReadOnlyList<ResyncRequestRecord>> ListSentForErrorAsync(string tenantId, string errorId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var key = ResyncDocumentMapping.ErrorKey(tenantId, errorId);
        var requests = Requests.Find(BsonExpression.Create("$.sentErrorKeys[*] ANY = @0", new BsonValue(key)))
            .Select(ResyncDocumentMapping.ToRecord)
            .ToList();
        return Task.FromResult<IReadOnlyList<ResyncRequestRecord>>(requests);
    }

    public Task<int> CountFailureAsync(string tenantId, string errorId, string eventId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_writeLock)
        {
            return Task.FromResult(InTransaction(() =>
            {
                var document = Retries.FindById(errorId) ?? new TransientRetryDocument { ErrorId = errorId, TenantId = tenantId };
                if (document.RecentEventIds.Contains(eventId, StringComparer.Ordinal))
                {
                    return document.Failures;
                }

                document.Failures++;
                document.RecentEventIds.Add(eventId);
                if (document.RecentEventIds.Count > RecentRetryEventLimit)
                {
                    document.RecentEventIds.RemoveAt(0);
                }

                Retries.Upsert(document);
                return document.Failures;
            }));
        }
    }

    public Task ResetAsync(string tenantId, IReadOnlyCollection<string> errorIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(errorIds);
        cancellationToken.ThrowIfCancellationRequested();
        if (errorIds.Count == 0)
        {
            return Task.CompletedTask;
        }

        lock (_writeLock)
        {
            InTransaction(() => Retries.DeleteMany(BsonExpression.Create(
                "_id IN @0 AND tenantId = @1", new BsonArray(errorIds.Select(id => new BsonValue(id))), tenantId)));
        }

        return Task.CompletedTask;
    }

    public Task<SyncError?> SurfaceAsync(string tenantId, string errorId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_writeLock)
        {
            return Task.FromResult(InTransaction(() =>
            {
                var document = _errors.FindById(errorId);
                if (document is null || !string.Equals(document.TenantId, tenantId, StringComparison.Ordinal))
                {
                    return null;
                }

                var error = SyncErrorDocumentMapping.ToError(document);
                if (error.SurfacedAt is not null)
                {
                    return error;
                }

                var surfaced = error with { SurfacedAt = at, Version = error.Version + 1 };
                _errors.Update(SyncErrorDocumentMapping.ToDocument(surfaced));
                CountOnCards(ErrorCardDelta.Between(error, surfaced));
                return surfaced;
            }));
        }
    }

    private void InitializeResync()
    {
        Requests.EnsureIndex(d => d.WaitingKey);
        Requests.EnsureIndex("sentRecordKeys", "$.sentRecordKeys[*]");
        Requests.EnsureIndex("sentErrorKeys", "$.sentErrorKeys[*]");
    }
}

using EventSync.Core.Resync;
using EventSync.Storage.MongoDb.Documents;
using EventSync.Storage.MongoDb.Queries;
using MongoDB.Driver;

namespace EventSync.Storage.MongoDb;

/// <summary>
/// Resync requests, one document each with its parts inside: a change is read, applied and written back guarded by the
/// version that was read (re-read and re-applied when another writer won), so two workers never both move a part from
/// waiting to sent.
/// </summary>
public sealed class MongoResyncRequestStore(MongoStoreContext context) : IResyncRequestStore
{
    /// <summary>How often a change to one request is re-read and re-applied while other writers keep winning.</summary>
    public const int MaxRequestUpdateAttempts = 20;

    public async Task<bool> AddRequestAsync(ResyncRequestRecord request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            await context.Requests.InsertOneAsync(ResyncRequestDocument.From(request), cancellationToken: cancellationToken);
            return true;
        }
        catch (MongoWriteException e) when (e.WriteError?.Category == ServerErrorCategory.DuplicateKey)
        {
            return false;
        }
    }

    public async Task<ResyncRequestRecord?> GetRequestAsync(string tenantId, string requestId, CancellationToken cancellationToken)
    {
        var document = await context.Requests.Find(ResyncQueries.ByTenantAndId(tenantId, requestId)).FirstOrDefaultAsync(cancellationToken);
        return document?.ToRecord();
    }

    public async Task<IReadOnlyList<ResyncRequestRecord>> GetRequestsAsync(string tenantId, IReadOnlyCollection<string> requestIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requestIds);
        var documents = await context.Requests.Find(ResyncQueries.ByTenantAndIds(tenantId, requestIds.Distinct(StringComparer.Ordinal))).ToListAsync(cancellationToken);
        return [.. documents.Select(d => d.ToRecord())];
    }

    public Task<ResyncRequestRecord?> UpdateRequestAsync(
        string tenantId, string requestId, Func<ResyncRequestRecord, ResyncRequestRecord?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return MongoStoreContext.RetryAsync(
            $"Resync request {requestId} could not be changed",
            MaxRequestUpdateAttempts,
            async () =>
            {
                var document = await context.Requests.Find(ResyncQueries.ByTenantAndId(tenantId, requestId)).FirstOrDefaultAsync(cancellationToken);
                if (document?.ToRecord() is not { } current || change(current) is not { } changed)
                {
                    return (true, (ResyncRequestRecord?)null);
                }

                changed = changed with { Version = current.Version + 1 };
                var result = await context.Requests.ReplaceOneAsync(
                    ResyncQueries.AsRead(requestId, current.Version), ResyncRequestDocument.From(changed), cancellationToken: cancellationToken);
                return (result.ModifiedCount == 1, changed);
            },
            cancellationToken);
    }

    public async Task<IReadOnlyList<ResyncRequestRecord>> ListWaitingAsync(string tenantId, CancellationToken cancellationToken)
    {
        var documents = await context.Requests.Find(ResyncQueries.Waiting(tenantId)).Sort(ResyncQueries.WaitingOrder).ToListAsync(cancellationToken);
        return [.. documents.Select(d => d.ToRecord())];
    }

    public async Task<ResyncRequestPage> ListRecentAsync(string tenantId, ResyncRequestPageCursor? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var documents = await context.Requests.Find(ResyncQueries.Recent(tenantId, after))
            .Sort(ResyncQueries.RecentOrder)
            .Limit(limit + 1)
            .ToListAsync(cancellationToken);
        return ResyncRequestPage.Of([.. documents.Select(d => d.ToRecord())], limit);
    }

    public async Task<IReadOnlyList<string>> ListTenantsWaitingAsync(CancellationToken cancellationToken)
    {
        using var cursor = await context.Requests.DistinctAsync(d => d.TenantId, ResyncQueries.AnyWaiting(), cancellationToken: cancellationToken);
        var tenants = await cursor.ToListAsync(cancellationToken);
        return [.. tenants.Order(StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<ResyncRequestRecord>> ListSentForRecordAsync(
        string tenantId, string objectType, string? hubSpotId, string? salesforceId, CancellationToken cancellationToken)
    {
        if (ResyncQueries.SentForRecord(tenantId, objectType, hubSpotId, salesforceId) is not { } filter)
        {
            return [];
        }

        var documents = await context.Requests.Find(filter).ToListAsync(cancellationToken);
        return [.. documents.Select(d => d.ToRecord())];
    }

    public async Task<IReadOnlyList<ResyncRequestRecord>> ListSentForErrorAsync(string tenantId, string errorId, CancellationToken cancellationToken)
    {
        var documents = await context.Requests.Find(ResyncQueries.SentForError(tenantId, errorId)).ToListAsync(cancellationToken);
        return [.. documents.Select(d => d.ToRecord())];
    }
}

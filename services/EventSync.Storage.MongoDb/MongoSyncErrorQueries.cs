using System.Runtime.CompilerServices;
using EventSync.Core.Errors;
using EventSync.Storage.MongoDb.Documents;
using EventSync.Storage.MongoDb.Queries;
using MongoDB.Driver;

namespace EventSync.Storage.MongoDb;

/// <summary>Pages, exports and lookups of <c>sync_errors</c>: keyset pages on (tenant, last seen, id). Reads only.</summary>
public sealed class MongoSyncErrorQueries(MongoStoreContext context) : ISyncErrorQueries
{
    /// <summary>The largest page <see cref="ListAsync"/> returns.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>How many errors <see cref="StreamAsync"/> reads per query.</summary>
    public const int StreamChunkSize = 500;

    public async Task<ErrorPage> ListAsync(ErrorQuery query, ErrorPageCursor? after, int limit, CancellationToken cancellationToken)
    {
        ValidateQuery(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxPageSize);

        // One more than asked for tells whether a next page exists without a count.
        var documents = await ReadPageAsync(query, after, limit + 1, cancellationToken);
        var errors = documents.Take(limit).Select(d => d.ToSyncError()).ToList();
        var next = documents.Count > limit ? new ErrorPageCursor(errors[^1].LastSeen, errors[^1].Id) : null;
        return new ErrorPage(errors, next);
    }

    public IAsyncEnumerable<SyncError> StreamAsync(ErrorQuery query, CancellationToken cancellationToken)
    {
        ValidateQuery(query);
        return StreamChunksAsync(query, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, long>> CountAssignedAsync(string tenantId, CancellationToken cancellationToken)
    {
        var counts = await context.Errors.Aggregate()
            .Match(SyncErrorQueries.AssignedCurrent(tenantId))
            .Group(d => d.ErrorType, g => new { ErrorType = g.Key, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        return counts.ToDictionary(c => c.ErrorType, c => c.Count, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<SyncError>> GetManyAsync(string tenantId, IReadOnlyCollection<string> errorIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(errorIds);
        if (errorIds.Count == 0)
        {
            return [];
        }

        var documents = await context.Errors.Find(SyncErrorQueries.ByTenantAndIds(tenantId, errorIds.Distinct(StringComparer.Ordinal))).ToListAsync(cancellationToken);
        return [.. documents.Select(d => d.ToSyncError())];
    }

    internal static void ValidateQuery(ErrorQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrWhiteSpace(query.TenantId, nameof(query));
    }

    // Keyset pages rather than one long cursor: an export written to a slow client never holds a server cursor open
    // long enough to time out, and each page is a short indexed query.
    private async IAsyncEnumerable<SyncError> StreamChunksAsync(ErrorQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ErrorPageCursor? after = null;
        while (true)
        {
            var documents = await ReadPageAsync(query, after, StreamChunkSize, cancellationToken);
            foreach (var document in documents)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return document.ToSyncError();
            }

            if (documents.Count < StreamChunkSize)
            {
                yield break;
            }

            after = new ErrorPageCursor(documents[^1].LastSeen, documents[^1].Id);
        }
    }

    // After a cursor, two queries with tight index bounds (the cursor's instant, then what is older), the second only when
    // the first did not fill the page: each reads from the cursor on, so an export stays linear.
    private async Task<List<SyncErrorDocument>> ReadPageAsync(ErrorQuery query, ErrorPageCursor? after, int count, CancellationToken cancellationToken)
    {
        if (after is null)
        {
            return await ReadAsync(SyncErrorQueries.Matching(query), count, cancellationToken);
        }

        var page = await ReadAsync(SyncErrorQueries.SameInstantAfter(query, after), count, cancellationToken);
        if (page.Count < count)
        {
            page.AddRange(await ReadAsync(SyncErrorQueries.Older(query, after), count - page.Count, cancellationToken));
        }

        return page;
    }

    private Task<List<SyncErrorDocument>> ReadAsync(FilterDefinition<SyncErrorDocument> filter, int count, CancellationToken cancellationToken) =>
        context.Errors.Find(filter).Sort(SyncErrorQueries.ListOrder).Limit(count).ToListAsync(cancellationToken);
}

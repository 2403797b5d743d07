using System.Runtime.CompilerServices;
using EventSync.Core.Storage;
using EventSync.Storage.LiteDb.Documents;
using LiteDB;

namespace EventSync.Storage.LiteDb;

// ISyncErrorQueries: pages and exports read the tenant+last-seen index newest first, a bounded chunk at a time.
public sealed partial class LiteDbSyncErrorStore
{
    public const int MaxPageSize = 1000;

    private const int StreamChunkSize = 500;

    public Task<ErrorPage> ListAsync(ErrorQuery query, ErrorPageCursor? after, int limit, CancellationToken cancellationToken)
    {
        ValidateQuery(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxPageSize);
        cancellationToken.ThrowIfCancellationRequested();

        // One more than asked tells whether there is a next page.
        var errors = ReadPage(query, after, limit + 1);
        var hasMore = errors.Count > limit;
        if (hasMore)
        {
            errors.RemoveRange(limit, errors.Count - limit);
        }

        return Task.FromResult(new ErrorPage(errors, hasMore ? CursorOf(errors[^1]) : null));
    }

    public IAsyncEnumerable<SyncError> StreamAsync(ErrorQuery query, CancellationToken cancellationToken)
    {
        ValidateQuery(query);
        return StreamChunksAsync(query, cancellationToken);
    }

    public Task<IReadOnlyList<SyncError>> GetManyAsync(string tenantId, IReadOnlyCollection<string> errorIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(errorIds);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IReadOnlyList<SyncError>>(OfTenant(tenantId, errorIds));
    }

    public Task<IReadOnlyList<SyncError>> MarkResyncPendingAsync(string tenantId, IReadOnlyCollection<string> errorIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(errorIds);
        cancellationToken.ThrowIfCancellationRequested();
        if (errorIds.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<SyncError>>([]);
        }

        lock (_writeLock)
        {
            return Task.FromResult<IReadOnlyList<SyncError>>(InTransaction(() =>
            {
                // Only open errors move: a pending one already waits for its resync, a resolved one needs none.
                var open = OfTenant(tenantId, errorIds).Where(e => e.State == SyncErrorState.Open).ToList();
                var pending = open.Select(e => e with { State = SyncErrorState.ResyncPending, Version = e.Version + 1 }).ToList();
                if (pending.Count > 0)
                {
                    _errors.Update(pending.Select(SyncErrorDocumentMapping.ToDocument));
                    CountOnCards(open.Zip(pending).SelectMany(p => ErrorCardDelta.Between(p.First, p.Second)));
                }

                return pending;
            }));
        }
    }

    private async IAsyncEnumerable<SyncError> StreamChunksAsync(ErrorQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ErrorPageCursor? after = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Each chunk is its own read: LiteDB binds a read to its thread, and the consumer may resume on another.
            var chunk = ReadPage(query, after, StreamChunkSize);
            foreach (var error in chunk)
            {
                yield return error;
            }

            if (chunk.Count < StreamChunkSize)
            {
                yield break;
            }

            after = CursorOf(chunk[^1]);
            await Task.Yield();
        }
    }

    // The first `count` matches after the cursor, in list order.
    private List<SyncError> ReadPage(ErrorQuery query, ErrorPageCursor? after, int count)
    {
        if (ErrorQueryFilter.PagingRange(query, after) is not var (lower, upper))
        {
            return [];
        }

        // The index orders by last seen only: read on to the end of the last needed instant, then order ties by id.
        var matches = new List<SyncError>(count);
        long? lastNeededTicks = null;
        var documents = _errors.Query()
            .Where(Filters.Between("pagingKey", lower, upper))
            .OrderByDescending(d => d.PagingKey)
            .ToEnumerable();
        foreach (var document in documents)
        {
            if (document.LastSeenUtcTicks < lastNeededTicks)
            {
                break;
            }

            if (ErrorQueryFilter.Matches(document, query, after))
            {
                matches.Add(SyncErrorDocumentMapping.ToError(document));
                if (matches.Count == count)
                {
                    lastNeededTicks = document.LastSeenUtcTicks;
                }
            }
        }

        matches.Sort(ErrorQueryFilter.Compare);
        if (matches.Count > count)
        {
            matches.RemoveRange(count, matches.Count - count);
        }

        return matches;
    }

    // In the order asked, each id once.
    private List<SyncError> OfTenant(string tenantId, IEnumerable<string> errorIds)
    {
        var ids = errorIds.Distinct(StringComparer.Ordinal).ToList();
        var loaded = Load(ids);
        return [.. ids
            .Select(id => loaded.GetValueOrDefault(id))
            .OfType<SyncError>()
            .Where(e => string.Equals(e.TenantId, tenantId, StringComparison.Ordinal))];
    }

    private static ErrorPageCursor CursorOf(SyncError error) => new(error.LastSeen, error.Id);

    private static void ValidateQuery(ErrorQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrWhiteSpace(query.TenantId, nameof(query));
    }
}

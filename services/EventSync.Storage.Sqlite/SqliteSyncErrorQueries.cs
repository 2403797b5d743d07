using System.Runtime.CompilerServices;
using EventSync.Core.Errors;
using EventSync.Storage.Sqlite.Rows;

namespace EventSync.Storage.Sqlite;

/// <summary>
/// Pages and exports of <c>sync_errors</c> on the index (tenant, last seen desc, id): a true keyset, so the page after
/// 400,000 errors seen at the same instant starts where the last one ended instead of skipping rows.
/// </summary>
public sealed class SqliteSyncErrorQueries(SqliteStoreContext context) : ISyncErrorQueries
{
    public const int MaxPageSize = 1000;

    private const int StreamChunkSize = 500;

    private const string AssignedPerType = """
        SELECT error_type, count(*) FROM sync_errors WHERE tenant_id = @tenant AND assignee IS NOT NULL AND state < 2 GROUP BY error_type
        """;

    public Task<ErrorPage> ListAsync(ErrorQuery query, ErrorPageCursor? after, int limit, CancellationToken cancellationToken)
    {
        ErrorQuerySql.Validate(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxPageSize);
        return context.ReadAsync(
            session =>
            {
                // One more than asked tells whether there is a next page.
                var errors = ReadPage(session, query, after, limit + 1);
                var hasMore = errors.Count > limit;
                if (hasMore)
                {
                    errors.RemoveRange(limit, errors.Count - limit);
                }

                return new ErrorPage(errors, hasMore ? CursorOf(errors[^1]) : null);
            },
            cancellationToken);
    }

    public IAsyncEnumerable<SyncError> StreamAsync(ErrorQuery query, CancellationToken cancellationToken)
    {
        ErrorQuerySql.Validate(query);
        return StreamChunksAsync(query, cancellationToken);
    }

    public Task<IReadOnlyDictionary<string, long>> CountAssignedAsync(string tenantId, CancellationToken cancellationToken) =>
        context.ReadAsync<IReadOnlyDictionary<string, long>>(
            session => session.Command(AssignedPerType).With("@tenant", tenantId).ReadAll(r => (Type: r.GetString(0), Count: r.GetInt64(1)))
                .ToDictionary(c => c.Type, c => c.Count, StringComparer.Ordinal),
            cancellationToken);

    public Task<IReadOnlyList<SyncError>> GetManyAsync(string tenantId, IReadOnlyCollection<string> errorIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(errorIds);
        return context.ReadAsync<IReadOnlyList<SyncError>>(session => SyncErrorRows.OfTenant(session, tenantId, errorIds), cancellationToken);
    }

    private async IAsyncEnumerable<SyncError> StreamChunksAsync(ErrorQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ErrorPageCursor? after = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Each chunk is its own read: no read stays open while the caller works.
            var chunk = context.Read(session => ReadPage(session, query, after, StreamChunkSize));
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

    // The errors seen at the cursor's instant after its id, then the older ones: two index ranges, no row skipped.
    private static List<SyncError> ReadPage(SqliteSession session, ErrorQuery query, ErrorPageCursor? after, int count)
    {
        var conditions = ErrorQuerySql.Conditions(query);
        if (after is null)
        {
            return Read(session, $"SELECT body FROM sync_errors WHERE {conditions} ORDER BY last_seen DESC, id LIMIT @limit", query, after, count);
        }

        var page = Read(session, $"SELECT body FROM sync_errors WHERE {conditions} AND last_seen = @lastSeen AND id > @id ORDER BY id LIMIT @limit", query, after, count);
        if (page.Count < count)
        {
            page.AddRange(Read(session, $"SELECT body FROM sync_errors WHERE {conditions} AND last_seen < @lastSeen ORDER BY last_seen DESC, id LIMIT @limit", query, after, count - page.Count));
        }

        return page;
    }

    private static List<SyncError> Read(SqliteSession session, string sql, ErrorQuery query, ErrorPageCursor? after, int count)
    {
        var command = ErrorQuerySql.Bind(session.Command(sql), query).With("@limit", count);
        if (after is not null)
        {
            command.With("@lastSeen", after.LastSeen.UtcTicks).With("@id", after.Id);
        }

        return command.ReadAll(r => SyncErrorRows.Read(r.GetString(0)));
    }

    private static ErrorPageCursor CursorOf(SyncError error) => new(error.LastSeen, error.Id);
}

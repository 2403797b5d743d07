using EventSync.Core.Errors;
using EventSync.Core.Resync;
using EventSync.Storage.Sqlite.Rows;

namespace EventSync.Storage.Sqlite;

/// <summary>
/// Resync requests in <c>resync_requests</c>, each whole as JSON, with the columns of its due-time index and the sent
/// parts' records and errors in <c>resync_sent_records</c> and <c>resync_sent_errors</c>. A change reads and writes the
/// request in one transaction that holds the file's write lock: two workers never both claim a part.
/// </summary>
public sealed class SqliteResyncRequestStore(SqliteStoreContext context) : IResyncRequestStore
{
    private const string Insert = """
        INSERT INTO resync_requests (id, tenant_id, requested_at, not_before, waiting, body) VALUES (@id, @tenant, @requestedAt, @notBefore, @waiting, @body)
        ON CONFLICT DO NOTHING
        """;

    private const string Update = "UPDATE resync_requests SET not_before = @notBefore, waiting = @waiting, body = @body WHERE id = @id";

    private const string SelectById = "SELECT tenant_id, body FROM resync_requests WHERE id = @id";

    private const string SelectByIds = "SELECT body FROM resync_requests WHERE id IN (SELECT value FROM json_each(@ids)) AND tenant_id = @tenant";

    private const string SelectWaiting = "SELECT body FROM resync_requests WHERE tenant_id = @tenant AND waiting = 1 ORDER BY not_before, id";

    private const string SelectRecent = "SELECT body FROM resync_requests WHERE tenant_id = @tenant ORDER BY requested_at DESC, id DESC LIMIT @limit";

    private const string SelectRecentAfter = """
        SELECT body FROM resync_requests WHERE tenant_id = @tenant AND (requested_at, id) < (@requestedAt, @id)
        ORDER BY requested_at DESC, id DESC LIMIT @limit
        """;

    private const string SelectTenantsWaiting = "SELECT DISTINCT tenant_id FROM resync_requests WHERE waiting = 1 ORDER BY tenant_id";

    private const string SelectSentForRecord = """
        SELECT r.body FROM resync_requests r WHERE r.id IN (
            SELECT request_id FROM resync_sent_records WHERE tenant_id = @tenant AND object_type = @objectType AND record_id IN (@hubSpotId, @salesforceId))
        """;

    private const string SelectSentForError = """
        SELECT r.body FROM resync_requests r WHERE r.id IN (SELECT request_id FROM resync_sent_errors WHERE tenant_id = @tenant AND error_id = @errorId)
        """;

    private const string DeleteSentRecords = "DELETE FROM resync_sent_records WHERE request_id = @id";

    private const string DeleteSentErrors = "DELETE FROM resync_sent_errors WHERE request_id = @id";

    private const string InsertSentRecord = """
        INSERT OR IGNORE INTO resync_sent_records (tenant_id, object_type, record_id, request_id) VALUES (@tenant, @objectType, @recordId, @id)
        """;

    private const string InsertSentError = "INSERT OR IGNORE INTO resync_sent_errors (tenant_id, error_id, request_id) VALUES (@tenant, @errorId, @id)";

    public Task<bool> AddRequestAsync(ResyncRequestRecord request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return context.WriteAsync(
            session =>
            {
                var added = Bind(session.Command(Insert), request)
                    .With("@tenant", request.TenantId)
                    .With("@requestedAt", request.RequestedAt.UtcTicks)
                    .ExecuteNonQuery() == 1;
                if (added)
                {
                    IndexSentParts(session, request);
                }

                return added;
            },
            cancellationToken);
    }

    public Task<ResyncRequestRecord?> GetRequestAsync(string tenantId, string requestId, CancellationToken cancellationToken) =>
        context.ReadAsync(session => Find(session, tenantId, requestId), cancellationToken);

    public Task<IReadOnlyList<ResyncRequestRecord>> GetRequestsAsync(string tenantId, IReadOnlyCollection<string> requestIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requestIds);
        return context.ReadAsync<IReadOnlyList<ResyncRequestRecord>>(
            session => session.Command(SelectByIds)
                .With("@ids", SqliteJson.Write(requestIds.Distinct(StringComparer.Ordinal).ToList()))
                .With("@tenant", tenantId)
                .ReadAll(r => Read(r.GetString(0))),
            cancellationToken);
    }

    public Task<ResyncRequestRecord?> UpdateRequestAsync(
        string tenantId, string requestId, Func<ResyncRequestRecord, ResyncRequestRecord?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return context.WriteAsync(
            session =>
            {
                if (Find(session, tenantId, requestId) is not { } current || change(current) is not { } changed)
                {
                    return null;
                }

                changed = changed with { Version = current.Version + 1 };
                Bind(session.Command(Update), changed).ExecuteNonQuery();
                IndexSentParts(session, changed);
                return changed;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<ResyncRequestRecord>> ListWaitingAsync(string tenantId, CancellationToken cancellationToken) =>
        context.ReadAsync<IReadOnlyList<ResyncRequestRecord>>(
            session => session.Command(SelectWaiting).With("@tenant", tenantId).ReadAll(r => Read(r.GetString(0))),
            cancellationToken);

    public Task<ResyncRequestPage> ListRecentAsync(string tenantId, ResyncRequestPageCursor? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return context.ReadAsync(
            session =>
            {
                var command = after is null
                    ? session.Command(SelectRecent)
                    : session.Command(SelectRecentAfter).With("@requestedAt", after.RequestedAt.UtcTicks).With("@id", after.RequestId);
                var requests = command.With("@tenant", tenantId).With("@limit", limit + 1).ReadAll(r => Read(r.GetString(0)));
                return ResyncRequestPage.Of(requests, limit);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<string>> ListTenantsWaitingAsync(CancellationToken cancellationToken) =>
        context.ReadAsync<IReadOnlyList<string>>(
            session => [.. session.Command(SelectTenantsWaiting).ReadAll(r => r.GetString(0)).Order(StringComparer.Ordinal)],
            cancellationToken);

    public Task<IReadOnlyList<ResyncRequestRecord>> ListSentForRecordAsync(
        string tenantId, string objectType, string? hubSpotId, string? salesforceId, CancellationToken cancellationToken) =>
        context.ReadAsync<IReadOnlyList<ResyncRequestRecord>>(
            session => session.Command(SelectSentForRecord)
                .With("@tenant", tenantId)
                .With("@objectType", SyncErrorKeys.ObjectType(objectType))
                .With("@hubSpotId", Trimmed(hubSpotId))
                .With("@salesforceId", Trimmed(salesforceId))
                .ReadAll(r => Read(r.GetString(0))),
            cancellationToken);

    public Task<IReadOnlyList<ResyncRequestRecord>> ListSentForErrorAsync(string tenantId, string errorId, CancellationToken cancellationToken) =>
        context.ReadAsync<IReadOnlyList<ResyncRequestRecord>>(
            session => session.Command(SelectSentForError).With("@tenant", tenantId).With("@errorId", errorId).ReadAll(r => Read(r.GetString(0))),
            cancellationToken);

    private static ResyncRequestRecord? Find(SqliteSession session, string tenantId, string requestId)
    {
        var row = session.Command(SelectById).With("@id", requestId).ReadFirst(r => (Tenant: r.GetString(0), Body: r.GetString(1)));
        return row.Body is not null && string.Equals(row.Tenant, tenantId, StringComparison.Ordinal) ? Read(row.Body) : null;
    }

    private static Microsoft.Data.Sqlite.SqliteCommand Bind(Microsoft.Data.Sqlite.SqliteCommand command, ResyncRequestRecord request) =>
        command.With("@id", request.RequestId)
            .With("@notBefore", request.NotBefore.UtcTicks)
            .With("@waiting", request.IsWaiting ? 1 : 0)
            .With("@body", SqliteJson.Write(request));

    // The sent parts' records (by either id) and errors, rewritten with the request: what RecordSynced and failures look up.
    private static void IndexSentParts(SqliteSession session, ResyncRequestRecord request)
    {
        session.Command(DeleteSentRecords).With("@id", request.RequestId).ExecuteNonQuery();
        session.Command(DeleteSentErrors).With("@id", request.RequestId).ExecuteNonQuery();
        foreach (var part in request.Parts.Where(p => p.State == ResyncPartState.Sent))
        {
            foreach (var recordId in new[] { part.HubSpotId, part.SalesforceId }.OfType<string>())
            {
                session.Command(InsertSentRecord)
                    .With("@tenant", request.TenantId)
                    .With("@objectType", part.ObjectType)
                    .With("@recordId", recordId)
                    .With("@id", request.RequestId)
                    .ExecuteNonQuery();
            }

            foreach (var errorId in part.ErrorIds)
            {
                session.Command(InsertSentError).With("@tenant", request.TenantId).With("@errorId", errorId).With("@id", request.RequestId).ExecuteNonQuery();
            }
        }
    }

    private static ResyncRequestRecord Read(string body) => SqliteJson.Read<ResyncRequestRecord>(body, "A resync request");

    private static string? Trimmed(string? id) => string.IsNullOrWhiteSpace(id) ? null : id.Trim();
}

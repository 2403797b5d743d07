using EventSync.Core.Errors;
using EventSync.Core.Resync;
using EventSync.Core.Storage;
using EventSync.Storage.Sqlite.Rows;

namespace EventSync.Storage.Sqlite;

/// <summary>Per transient error the failures counted and the last event ids counted (a redelivery counts once), in <c>transient_retries</c>.</summary>
public sealed class SqliteTransientRetryStore(SqliteStoreContext context) : ITransientRetryStore
{
    private const int RecentEventLimit = 32;

    private const string Select = "SELECT failures, recent_event_ids FROM transient_retries WHERE error_id = @errorId";

    private const string Save = """
        INSERT INTO transient_retries (error_id, tenant_id, failures, recent_event_ids) VALUES (@errorId, @tenant, @failures, @recent)
        ON CONFLICT DO UPDATE SET failures = excluded.failures, recent_event_ids = excluded.recent_event_ids
        """;

    private const string Delete = "DELETE FROM transient_retries WHERE error_id = @errorId AND tenant_id = @tenant";

    public Task<int> CountFailureAsync(string tenantId, string errorId, string eventId, CancellationToken cancellationToken) =>
        context.WriteAsync(
            session =>
            {
                var stored = session.Command(Select).With("@errorId", errorId)
                    .ReadFirst(r => (Failures: r.GetInt32(0), Recent: SqliteJson.Read<List<string>>(r.GetString(1), "Transient retries")));
                var recent = stored.Recent ?? [];
                if (recent.Contains(eventId, StringComparer.Ordinal))
                {
                    return stored.Failures;
                }

                recent.Add(eventId);
                if (recent.Count > RecentEventLimit)
                {
                    recent.RemoveAt(0);
                }

                var failures = stored.Failures + 1;
                session.Command(Save)
                    .With("@errorId", errorId)
                    .With("@tenant", tenantId)
                    .With("@failures", failures)
                    .With("@recent", SqliteJson.Write(recent))
                    .ExecuteNonQuery();
                return failures;
            },
            cancellationToken);

    public Task ResetAsync(string tenantId, IReadOnlyCollection<string> errorIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(errorIds);
        return errorIds.Count == 0
            ? Task.CompletedTask
            : context.WriteAsync(session => errorIds.Sum(id => session.Command(Delete).With("@errorId", id).With("@tenant", tenantId).ExecuteNonQuery()), cancellationToken);
    }

    public Task<SyncError?> SurfaceAsync(string tenantId, string errorId, DateTimeOffset at, Func<SyncError, OutboxMessage> announce, CancellationToken cancellationToken) =>
        context.WriteAsync(
            session =>
            {
                if (SyncErrorRows.Find(session, errorId) is not { } error || !string.Equals(error.TenantId, tenantId, StringComparison.Ordinal))
                {
                    return null;
                }

                if (SyncErrorTransitions.Surface(error, at) is not { } surfaced)
                {
                    return error;
                }

                SyncErrorRows.Write(session, [(error, surfaced)]);
                OutboxRows.Queue(session, [announce(surfaced)]);
                return surfaced;
            },
            cancellationToken);
}

using EventSync.Core.Views;
using EventSync.Storage.Sqlite.Rows;

namespace EventSync.Storage.Sqlite;

/// <summary>Temporary views in <c>views</c>; expired ones are deleted by their expiry index on every save.</summary>
public sealed class SqliteViewStore(SqliteStoreContext context) : IViewStore
{
    private const string DeleteExpired = "DELETE FROM views WHERE expires_at <= @now";

    private const string Save = """
        INSERT INTO views (id, tenant_id, expires_at, body) VALUES (@id, @tenant, @expiresAt, @body)
        ON CONFLICT DO UPDATE SET tenant_id = excluded.tenant_id, expires_at = excluded.expires_at, body = excluded.body
        """;

    private const string Select = "SELECT body FROM views WHERE id = @id AND tenant_id = @tenant AND expires_at > @now";

    public Task SaveAsync(AffectedRecordsView view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(view);
        return context.WriteAsync(
            session =>
            {
                session.Command(DeleteExpired).With("@now", view.CreatedAt.UtcTicks).ExecuteNonQuery();
                return session.Command(Save)
                    .With("@id", view.Id)
                    .With("@tenant", view.TenantId)
                    .With("@expiresAt", view.ExpiresAt.UtcTicks)
                    .With("@body", SqliteJson.Write(view))
                    .ExecuteNonQuery();
            },
            cancellationToken);
    }

    // An expired view reads as none; the next save deletes it (a read never writes).
    public Task<AffectedRecordsView?> GetAsync(string tenantId, string viewId, DateTimeOffset now, CancellationToken cancellationToken) =>
        context.ReadAsync(
            session => session.Command(Select)
                .With("@id", viewId)
                .With("@tenant", tenantId)
                .With("@now", now.UtcTicks)
                .ReadFirst(r => SqliteJson.Read<AffectedRecordsView>(r.GetString(0), "A view")),
            cancellationToken);
}

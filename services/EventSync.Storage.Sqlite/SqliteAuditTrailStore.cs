using EventSync.Core.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace EventSync.Storage.Sqlite;

/// <summary>
/// The audit trail in <c>audit_entries</c>, one row per entry. Each append also removes up to <see cref="PruneBatch"/>
/// entries (of any tenant) older than the retention before the appended entry's time: entries are appended far more
/// slowly than that, so the trail stays within its retention without a job of its own.
/// </summary>
public sealed class SqliteAuditTrailStore(SqliteStoreContext context, IOptions<AuditTrailOptions> options) : IAuditTrailStore
{
    public const int PruneBatch = 100;

    private const string Insert = """
        INSERT INTO audit_entries (id, tenant_id, at, principal, action, subject, before_value, after_value)
        VALUES (@id, @tenant, @at, @principal, @action, @subject, @before, @after)
        ON CONFLICT DO NOTHING
        """;

    private const string Prune = """
        DELETE FROM audit_entries WHERE rowid IN (SELECT rowid FROM audit_entries WHERE at < @cutoff ORDER BY at LIMIT @batch)
        """;

    private const string Select = "SELECT id, tenant_id, at, principal, action, subject, before_value, after_value FROM audit_entries WHERE tenant_id = @tenant";

    public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var cutoff = entry.At - options.Value.Retention;
        return context.WriteAsync(
            session =>
            {
                session.Command(Insert)
                    .With("@id", entry.Id)
                    .With("@tenant", entry.TenantId)
                    .With("@at", entry.At.UtcTicks)
                    .With("@principal", entry.Principal)
                    .With("@action", entry.Action)
                    .With("@subject", AuditJson.ToText(entry.Subject))
                    .With("@before", AuditJson.ToText(entry.Before))
                    .With("@after", AuditJson.ToText(entry.After))
                    .ExecuteNonQuery();
                return session.Command(Prune).With("@cutoff", cutoff.UtcTicks).With("@batch", PruneBatch).ExecuteNonQuery();
            },
            cancellationToken);
    }

    public Task<AuditPage> ListAsync(AuditQuery query, AuditPageCursor? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var sql = Select
            + (query.Action is null ? "" : " AND action = @action")
            + (query.Principal is null ? "" : " AND principal = @principal")
            + (after is null ? "" : " AND (at, id) < (@at, @id)")
            + " ORDER BY at DESC, id DESC LIMIT @limit";
        return context.ReadAsync(
            session =>
            {
                var command = session.Command(sql).With("@tenant", query.TenantId).With("@limit", limit + 1);
                if (query.Action is { } action)
                {
                    command.With("@action", action);
                }

                if (query.Principal is { } principal)
                {
                    command.With("@principal", principal);
                }

                if (after is not null)
                {
                    command.With("@at", after.At.UtcTicks).With("@id", after.EntryId);
                }

                return AuditPage.Of(command.ReadAll(Read), limit);
            },
            cancellationToken);
    }

    private static AuditEntry Read(SqliteDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        SqliteInstants.FromTicks(r.GetInt64(2)),
        r.GetString(3),
        r.GetString(4),
        AuditJson.FromText(r.NullableString(5)),
        AuditJson.FromText(r.NullableString(6)),
        AuditJson.FromText(r.NullableString(7)));
}

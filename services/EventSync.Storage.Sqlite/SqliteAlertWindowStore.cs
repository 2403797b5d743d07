using EventSync.Core.Notifications;
using EventSync.Storage.Sqlite.Rows;

namespace EventSync.Storage.Sqlite;

/// <summary>
/// Immediate alerts gathered per tenant in <c>alert_windows</c>: at most one collecting window per tenant (a unique partial
/// index), claimed with a token and a lease once it closed, deleted once its email went out.
/// </summary>
public sealed class SqliteAlertWindowStore(SqliteStoreContext context) : IAlertWindowStore
{
    private const string SelectOpen = "SELECT body FROM alert_windows WHERE tenant_id = @tenant AND sending = 0";

    private const string Insert = """
        INSERT INTO alert_windows (id, tenant_id, sending, opened_at, closes_at, token, lease_until, body)
        VALUES (@id, @tenant, 0, @openedAt, @closesAt, NULL, NULL, @body)
        """;

    private const string UpdateBody = "UPDATE alert_windows SET body = @body WHERE id = @id";

    private const string SelectDue = """
        SELECT id, body FROM alert_windows WHERE closes_at <= @now AND (sending = 0 OR lease_until <= @now) ORDER BY closes_at LIMIT 1
        """;

    private const string Claim = "UPDATE alert_windows SET sending = 1, token = @token, lease_until = @leaseUntil WHERE id = @id";

    private const string Complete = "DELETE FROM alert_windows WHERE id = @id AND token = @token";

    public Task<AlertAppended> AppendAlertAsync(string tenantId, AlertEntry entry, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return context.WriteAsync(
            session =>
            {
                var open = session.Command(SelectOpen).With("@tenant", tenantId).ReadFirst(r => Read(r.GetString(0)));
                var opened = open is null;
                var current = open ?? new AlertWindow(Guid.NewGuid().ToString("N"), tenantId, now, now + window, 0, new Dictionary<string, long>(StringComparer.Ordinal), []);
                var counts = new Dictionary<string, long>(current.CountsByErrorType, StringComparer.Ordinal);
                counts[entry.ErrorType] = counts.GetValueOrDefault(entry.ErrorType) + 1;
                var appended = current with
                {
                    Total = current.Total + 1,
                    CountsByErrorType = counts,
                    Entries = current.Entries.Count < AlertWindow.MaxEntries ? [.. current.Entries, entry] : current.Entries,
                };
                var command = session.Command(opened ? Insert : UpdateBody).With("@id", appended.Id).With("@body", SqliteJson.Write(appended));
                if (opened)
                {
                    command.With("@tenant", tenantId).With("@openedAt", appended.OpenedAt.UtcTicks).With("@closesAt", appended.ClosesAt.UtcTicks);
                }

                command.ExecuteNonQuery();
                return new AlertAppended(appended.Id, appended.ClosesAt, opened);
            },
            cancellationToken);
    }

    public Task<AlertWindow?> ClaimDueAlertWindowAsync(DateTimeOffset now, string token, TimeSpan lease, CancellationToken cancellationToken) =>
        context.WriteAsync(
            session =>
            {
                var due = session.Command(SelectDue).With("@now", now.UtcTicks).ReadFirst(r => Read(r.GetString(1)));
                if (due is null)
                {
                    return null;
                }

                session.Command(Claim).With("@id", due.Id).With("@token", token).With("@leaseUntil", (now + lease).UtcTicks).ExecuteNonQuery();
                return due;
            },
            cancellationToken);

    public Task<bool> CompleteAlertWindowAsync(string windowId, string token, CancellationToken cancellationToken) =>
        context.WriteAsync(session => session.Command(Complete).With("@id", windowId).With("@token", token).ExecuteNonQuery() == 1, cancellationToken);

    private static AlertWindow Read(string body) => SqliteJson.Read<AlertWindow>(body, "An alert window");
}

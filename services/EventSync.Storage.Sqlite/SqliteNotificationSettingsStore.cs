using EventSync.Contracts;
using EventSync.Core.Notifications;
using EventSync.Storage.Sqlite.Rows;

namespace EventSync.Storage.Sqlite;

/// <summary>One row of settings per tenant in <c>notification_settings</c>, indexed by frequency for the enabled ones.</summary>
public sealed class SqliteNotificationSettingsStore(SqliteStoreContext context) : INotificationSettingsStore
{
    private const string Select = "SELECT body FROM notification_settings WHERE tenant_id = @tenant";

    private const string Save = """
        INSERT INTO notification_settings (tenant_id, enabled, frequency, body) VALUES (@tenant, @enabled, @frequency, @body)
        ON CONFLICT DO UPDATE SET enabled = excluded.enabled, frequency = excluded.frequency, body = excluded.body
        """;

    private const string SelectEnabled = "SELECT body FROM notification_settings WHERE frequency = @frequency AND enabled = 1 ORDER BY tenant_id";

    public Task<NotificationSettings?> GetAsync(string tenantId, CancellationToken cancellationToken) =>
        context.ReadAsync(session => session.Command(Select).With("@tenant", tenantId).ReadFirst(r => Read(r.GetString(0))), cancellationToken);

    public Task SaveAsync(NotificationSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return context.WriteAsync(
            session => session.Command(Save)
                .With("@tenant", settings.TenantId)
                .With("@enabled", settings.Enabled ? 1 : 0)
                .With("@frequency", settings.Frequency.ToString())
                .With("@body", SqliteJson.Write(settings))
                .ExecuteNonQuery(),
            cancellationToken);
    }

    public Task<IReadOnlyList<NotificationSettings>> ListEnabledAsync(DigestFrequency frequency, CancellationToken cancellationToken) =>
        context.ReadAsync<IReadOnlyList<NotificationSettings>>(
            session => [.. session.Command(SelectEnabled).With("@frequency", frequency.ToString()).ReadAll(r => Read(r.GetString(0)))
                .OrderBy(s => s.TenantId, StringComparer.Ordinal)],
            cancellationToken);

    private static NotificationSettings Read(string body) => SqliteJson.Read<NotificationSettings>(body, "Notification settings");
}

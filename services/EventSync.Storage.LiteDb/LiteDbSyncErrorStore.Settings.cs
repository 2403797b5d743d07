using EventSync.Contracts;
using EventSync.Core.Storage;
using EventSync.Storage.LiteDb.Documents;
using LiteDB;

namespace EventSync.Storage.LiteDb;

// INotificationSettingsStore: one document per tenant in notification_settings, indexed by frequency.
public sealed partial class LiteDbSyncErrorStore
{
    public Task<NotificationSettings?> GetAsync(string tenantId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var document = _settings.FindById(tenantId);
        return Task.FromResult(document is null ? null : SettingsAndViewMapping.ToSettings(document));
    }

    public Task SaveAsync(NotificationSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_writeLock)
        {
            _settings.Upsert(SettingsAndViewMapping.ToDocument(settings));
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<NotificationSettings>> ListEnabledAsync(DigestFrequency frequency, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var enabled = _settings.Find(Filters.Equal("frequency", frequency.ToString()))
            .Where(d => d.Enabled)
            .OrderBy(d => d.TenantId, StringComparer.Ordinal)
            .Select(SettingsAndViewMapping.ToSettings)
            .ToList();
        return Task.FromResult<IReadOnlyList<NotificationSettings>>(enabled);
    }
}

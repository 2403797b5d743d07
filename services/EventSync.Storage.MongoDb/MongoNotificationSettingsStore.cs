using EventSync.Contracts;
using EventSync.Core.Notifications;
using EventSync.Storage.MongoDb.Documents;
using EventSync.Storage.MongoDb.Queries;
using MongoDB.Driver;

namespace EventSync.Storage.MongoDb;

/// <summary>One settings document per tenant, replaced whole.</summary>
public sealed class MongoNotificationSettingsStore(MongoStoreContext context) : INotificationSettingsStore
{
    private static readonly ReplaceOptions Upsert = new() { IsUpsert = true };

    public async Task<NotificationSettings?> GetAsync(string tenantId, CancellationToken cancellationToken)
    {
        var document = await context.Settings.Find(NotificationSettingsQueries.ByTenant(tenantId)).FirstOrDefaultAsync(cancellationToken);
        return document?.ToSettings();
    }

    public Task SaveAsync(NotificationSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return context.Settings.ReplaceOneAsync(
            NotificationSettingsQueries.ByTenant(settings.TenantId), NotificationSettingsDocument.From(settings), Upsert, cancellationToken);
    }

    public async Task<IReadOnlyList<NotificationSettings>> ListEnabledAsync(DigestFrequency frequency, CancellationToken cancellationToken)
    {
        var documents = await context.Settings.Find(NotificationSettingsQueries.Enabled(frequency))
            .Sort(NotificationSettingsQueries.ByTenantOrder)
            .ToListAsync(cancellationToken);
        return [.. documents.Select(d => d.ToSettings())];
    }
}

using EventSync.Contracts;
using EventSync.Core.Storage;
using EventSync.Storage.MongoDb.Documents;
using EventSync.Storage.MongoDb.Queries;
using MongoDB.Driver;

namespace EventSync.Storage.MongoDb;

// INotificationSettingsStore and IViewStore: one document per tenant, one per view, each replaced whole by its id.
public sealed partial class MongoSyncErrorStore
{
    private static readonly ReplaceOptions Upsert = new() { IsUpsert = true };

    public async Task<NotificationSettings?> GetAsync(string tenantId, CancellationToken cancellationToken)
    {
        var document = await _settings.Find(NotificationSettingsQueries.ByTenant(tenantId)).FirstOrDefaultAsync(cancellationToken);
        return document?.ToSettings();
    }

    public Task SaveAsync(NotificationSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return _settings.ReplaceOneAsync(
            NotificationSettingsQueries.ByTenant(settings.TenantId), NotificationSettingsDocument.From(settings), Upsert, cancellationToken);
    }

    public async Task<IReadOnlyList<NotificationSettings>> ListEnabledAsync(DigestFrequency frequency, CancellationToken cancellationToken)
    {
        var documents = await _settings.Find(NotificationSettingsQueries.Enabled(frequency))
            .Sort(NotificationSettingsQueries.ByTenantOrder)
            .ToListAsync(cancellationToken);
        return [.. documents.Select(d => d.ToSettings())];
    }

    public Task SaveAsync(AffectedRecordsView view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(view);
        return _views.ReplaceOneAsync(ViewQueries.ById(view.Id), ViewDocument.From(view), Upsert, cancellationToken);
    }

    public async Task<AffectedRecordsView?> GetAsync(string tenantId, string viewId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var document = await _views.Find(ViewQueries.Live(tenantId, viewId, now)).FirstOrDefaultAsync(cancellationToken);
        return document?.ToView();
    }
}

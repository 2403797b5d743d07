using EventSync.Core.Storage;
using EventSync.Storage.LiteDb.Documents;

namespace EventSync.Storage.LiteDb;

// IViewStore: views in the views collection; expired ones are deleted lazily, by an index range, on every save and read.
public sealed partial class LiteDbSyncErrorStore
{
    public Task SaveAsync(AffectedRecordsView view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(view);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_writeLock)
        {
            InTransaction(() =>
            {
                DeleteViewsExpiredAt(view.CreatedAt);
                return _views.Upsert(SettingsAndViewMapping.ToDocument(view));
            });
        }

        return Task.CompletedTask;
    }

    public Task<AffectedRecordsView?> GetAsync(string tenantId, string viewId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_writeLock)
        {
            InTransaction(() => DeleteViewsExpiredAt(now));
        }

        var document = _views.FindById(viewId);
        return Task.FromResult(
            document is not null && string.Equals(document.TenantId, tenantId, StringComparison.Ordinal) && document.ExpiresAtUtcTicks > now.UtcTicks
                ? SettingsAndViewMapping.ToView(document)
                : null);
    }

    private int DeleteViewsExpiredAt(DateTimeOffset now) =>
        _views.DeleteMany(Filters.AtMost("expiresAtUtcTicks", now.UtcTicks));
}

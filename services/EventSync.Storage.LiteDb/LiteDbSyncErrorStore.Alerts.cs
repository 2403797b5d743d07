using EventSync.Core.Storage;
using EventSync.Storage.LiteDb.Documents;
using LiteDB;

namespace EventSync.Storage.LiteDb;

// IAlertWindowStore: windows in alert_windows; every change is decided and written under the write lock, so an alert and a
// claim never interleave and a tenant never has two open windows.
public sealed partial class LiteDbSyncErrorStore : IAlertWindowStore
{
    private const string AlertWindowsCollection = "alert_windows";

    private ILiteCollection<AlertWindowDocument> AlertWindows => _database.GetCollection<AlertWindowDocument>(AlertWindowsCollection);

    public Task<AlertAppended> AppendAlertAsync(string tenantId, AlertEntry entry, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_writeLock)
        {
            return Task.FromResult(InTransaction(() =>
            {
                var open = AlertWindows.Find(Filters.Equal("tenantId", tenantId)).FirstOrDefault(d => d.State == AlertWindowDocument.Open);
                var opened = open is null;
                open ??= new AlertWindowDocument
                {
                    Id = Guid.NewGuid().ToString("N"),
                    TenantId = tenantId,
                    OpenedAtUtcTicks = now.UtcTicks,
                    ClosesAtUtcTicks = (now + window).UtcTicks,
                };
                open.Total++;
                open.CountsByErrorType[entry.ErrorType] = open.CountsByErrorType.GetValueOrDefault(entry.ErrorType) + 1;
                if (open.Entries.Count < AlertWindow.MaxEntries)
                {
                    open.Entries.Add(NotificationMapping.ToDocument(entry));
                }

                AlertWindows.Upsert(open);
                return new AlertAppended(open.Id, SyncErrorDocumentMapping.FromTicks(open.ClosesAtUtcTicks), opened);
            }));
        }
    }

    public Task<AlertWindow?> ClaimDueAlertWindowAsync(DateTimeOffset now, string token, TimeSpan lease, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_writeLock)
        {
            return Task.FromResult(InTransaction(() =>
            {
                var due = AlertWindows.Find(Filters.AtMost("closesAtUtcTicks", now.UtcTicks))
                    .Where(d => d.State == AlertWindowDocument.Open || d.LeaseUntilUtcTicks <= now.UtcTicks)
                    .MinBy(d => d.ClosesAtUtcTicks);
                if (due is null)
                {
                    return null;
                }

                due.State = AlertWindowDocument.Sending;
                due.Token = token;
                due.LeaseUntilUtcTicks = (now + lease).UtcTicks;
                AlertWindows.Update(due);
                return NotificationMapping.ToWindow(due);
            }));
        }
    }

    public Task<bool> CompleteAlertWindowAsync(string windowId, string token, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_writeLock)
        {
            return Task.FromResult(InTransaction(() =>
            {
                var stored = AlertWindows.FindById(windowId);
                return stored is not null && stored.Token == token && AlertWindows.Delete(windowId);
            }));
        }
    }

    private void EnsureAlertIndexes()
    {
        AlertWindows.EnsureIndex(d => d.TenantId);
        AlertWindows.EnsureIndex(d => d.ClosesAtUtcTicks);
    }
}

using EventSync.Core.Errors;
using EventSync.Core.Storage;

namespace EventSync.Testing.Storage;

/// <summary>
/// The real store with its recording writes passed through <see cref="GuardAsync"/>, where a test makes them fail as
/// they would while the database is down or refuses a value; everything else goes straight to the store.
/// </summary>
public abstract class GuardedRecordingStore(ISyncErrorStore store) : ISyncErrorStore
{
    public Task<IReadOnlyList<SyncErrorChange>> RecordAsync(IReadOnlyList<FailureOccurrence> occurrences, CancellationToken cancellationToken) =>
        GuardAsync(occurrences, () => store.RecordAsync(occurrences, cancellationToken));

    public Task<IReadOnlyList<SyncErrorChange>> RecordAnnouncedAsync(
        IReadOnlyList<FailureOccurrence> occurrences, Func<SyncErrorChange, OutboxMessage> announce, CancellationToken cancellationToken) =>
        GuardAsync(occurrences, () => store.RecordAnnouncedAsync(occurrences, announce, cancellationToken));

    public Task<int> ResolveRecordsAsync(IReadOnlyList<RecordResolution> resolutions, CancellationToken cancellationToken) => store.ResolveRecordsAsync(resolutions, cancellationToken);

    public Task<int> ResolveRecordsAnnouncedAsync(IReadOnlyList<RecordResolution> resolutions, Func<SyncError, OutboxMessage> announce, CancellationToken cancellationToken) =>
        store.ResolveRecordsAnnouncedAsync(resolutions, announce, cancellationToken);

    public Task<IReadOnlyList<ErrorCard>> GetErrorCardsAsync(string tenantId, CancellationToken cancellationToken) => store.GetErrorCardsAsync(tenantId, cancellationToken);

    public Task<IReadOnlyList<SyncError>> MarkResyncPendingAsync(string tenantId, IReadOnlyCollection<string> errorIds, CancellationToken cancellationToken) =>
        store.MarkResyncPendingAsync(tenantId, errorIds, cancellationToken);

    public Task<IReadOnlyList<SyncError>> IgnoreAsync(string tenantId, IReadOnlyCollection<string> errorIds, ErrorIgnore ignore, CancellationToken cancellationToken) =>
        store.IgnoreAsync(tenantId, errorIds, ignore, cancellationToken);

    public Task<IReadOnlyList<SyncError>> RestoreAsync(string tenantId, IReadOnlyCollection<string> errorIds, CancellationToken cancellationToken) =>
        store.RestoreAsync(tenantId, errorIds, cancellationToken);

    public Task<IReadOnlyList<SyncError>> AssignAsync(string tenantId, IReadOnlyCollection<string> errorIds, string? assignee, CancellationToken cancellationToken) =>
        store.AssignAsync(tenantId, errorIds, assignee, cancellationToken);

    public Task<SyncError?> AddNoteAsync(string tenantId, string errorId, ErrorNote note, CancellationToken cancellationToken) =>
        store.AddNoteAsync(tenantId, errorId, note, cancellationToken);

    public Task<IReadOnlyList<SyncErrorChange>> ReopenDueIgnoredAsync(
        DateTimeOffset now, int limit, Func<SyncErrorChange, OutboxMessage> announce, CancellationToken cancellationToken) =>
        store.ReopenDueIgnoredAsync(now, limit, announce, cancellationToken);

    public Task<SyncError?> GetAsync(string tenantId, string errorId, CancellationToken cancellationToken) => store.GetAsync(tenantId, errorId, cancellationToken);

    /// <summary>Runs <paramref name="write"/> (the store's recording of <paramref name="occurrences"/>), or fails instead.</summary>
    protected abstract Task<IReadOnlyList<SyncErrorChange>> GuardAsync(IReadOnlyList<FailureOccurrence> occurrences, Func<Task<IReadOnlyList<SyncErrorChange>>> write);
}

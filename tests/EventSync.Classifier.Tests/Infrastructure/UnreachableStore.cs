using EventSync.Core.Storage;

namespace EventSync.Classifier.Tests.Infrastructure;

/// <summary>
/// The real store behind a switch that makes writes fail as they would while the database is down: lets a test take the
/// store away and give it back, and count the attempts the worker made meanwhile.
/// </summary>
public sealed class UnreachableStore(ISyncErrorStore store) : ISyncErrorStore
{
    private int _failuresLeft;
    private int _attempts;
    private int _largestRefusedWrite;
    private volatile string? _refusedTenant;

    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>The most events one refused write held: more than one shows that a refused event shared a batch.</summary>
    public int LargestRefusedWrite => Volatile.Read(ref _largestRefusedWrite);

    /// <summary>Every write holding an event of <paramref name="tenantId"/> fails, as a write the store cannot take would.</summary>
    public void RefuseTenant(string tenantId) => _refusedTenant = tenantId;

    /// <summary>The next <paramref name="writes"/> writes fail; <see cref="int.MaxValue"/> for an outage that does not end.</summary>
    public void FailNext(int writes) => Volatile.Write(ref _failuresLeft, writes);

    public Task<IReadOnlyList<SyncErrorChange>> RecordAsync(IReadOnlyList<FailureOccurrence> occurrences, CancellationToken cancellationToken) =>
        RefuseOr(occurrences, () => store.RecordAsync(occurrences, cancellationToken));

    public Task<IReadOnlyList<SyncErrorChange>> RecordAnnouncedAsync(
        IReadOnlyList<FailureOccurrence> occurrences, Func<SyncErrorChange, OutboxMessage> announce, CancellationToken cancellationToken) =>
        RefuseOr(occurrences, () => store.RecordAnnouncedAsync(occurrences, announce, cancellationToken));

    private Task<IReadOnlyList<SyncErrorChange>> RefuseOr(IReadOnlyList<FailureOccurrence> occurrences, Func<Task<IReadOnlyList<SyncErrorChange>>> write)
    {
        Interlocked.Increment(ref _attempts);
        if (occurrences.Any(o => o.Failure.TenantId == _refusedTenant))
        {
            var events = occurrences.Select(o => o.Failure.EventId).Distinct().Count();
            lock (store)
            {
                _largestRefusedWrite = Math.Max(_largestRefusedWrite, events);
            }

            throw new InvalidOperationException("The store refused a value of this write (simulated).");
        }

        return Interlocked.Decrement(ref _failuresLeft) >= 0
            ? throw new TimeoutException("The store did not answer (simulated outage).")
            : write();
    }

    public Task<int> ResolveRecordsAsync(IReadOnlyList<RecordResolution> resolutions, CancellationToken cancellationToken) => store.ResolveRecordsAsync(resolutions, cancellationToken);

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
}

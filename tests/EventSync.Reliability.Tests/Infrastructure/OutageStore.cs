using System.Diagnostics;
using EventSync.Core.Storage;

namespace EventSync.Reliability.Tests.Infrastructure;

/// <summary>
/// The real store behind a switch: for the length of an outage every write fails as it would while the database is down
/// (a time-out), then writes reach the store again. Counts the writes that failed and notes when the first one succeeded.
/// </summary>
public sealed class OutageStore(ISyncErrorStore store) : ISyncErrorStore
{
    private readonly List<TimeSpan> _failedAt = [];
    private long _outageBegan;
    private long _outageEnds;
    private int _failedWrites;
    private long _firstWriteAfterOutage;

    public int FailedWrites => Volatile.Read(ref _failedWrites);

    /// <summary>When each failed write came, from the start of the outage: the worker's retry schedule as it ran.</summary>
    public IReadOnlyList<TimeSpan> FailedAt
    {
        get
        {
            lock (_failedAt)
            {
                return [.. _failedAt];
            }
        }
    }

    /// <summary>Time from the end of the outage to the first write that succeeded; null while none did.</summary>
    public TimeSpan? FirstWriteAfterOutage =>
        Volatile.Read(ref _firstWriteAfterOutage) is var at and > 0 ? Stopwatch.GetElapsedTime(Volatile.Read(ref _outageEnds), at) : null;

    /// <summary>Takes the store away for <paramref name="length"/> of real time from now.</summary>
    public void BeginOutage(TimeSpan length)
    {
        var now = Stopwatch.GetTimestamp();
        Volatile.Write(ref _firstWriteAfterOutage, 0);
        Volatile.Write(ref _outageBegan, now);
        Volatile.Write(ref _outageEnds, now + (long)(length.TotalSeconds * Stopwatch.Frequency));
    }

    public Task<IReadOnlyList<SyncErrorChange>> RecordAsync(IReadOnlyList<FailureOccurrence> occurrences, CancellationToken cancellationToken) =>
        FailOrAsync(() => store.RecordAsync(occurrences, cancellationToken));

    public Task<IReadOnlyList<SyncErrorChange>> RecordAnnouncedAsync(
        IReadOnlyList<FailureOccurrence> occurrences, Func<SyncErrorChange, OutboxMessage> announce, CancellationToken cancellationToken) =>
        FailOrAsync(() => store.RecordAnnouncedAsync(occurrences, announce, cancellationToken));

    private async Task<IReadOnlyList<SyncErrorChange>> FailOrAsync(Func<Task<IReadOnlyList<SyncErrorChange>>> write)
    {
        if (Stopwatch.GetTimestamp() < Volatile.Read(ref _outageEnds))
        {
            Interlocked.Increment(ref _failedWrites);
            lock (_failedAt)
            {
                _failedAt.Add(Stopwatch.GetElapsedTime(Volatile.Read(ref _outageBegan)));
            }

            throw new TimeoutException("The store did not answer (simulated outage).");
        }

        var changes = await write();
        Interlocked.CompareExchange(ref _firstWriteAfterOutage, Stopwatch.GetTimestamp(), 0);
        return changes;
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

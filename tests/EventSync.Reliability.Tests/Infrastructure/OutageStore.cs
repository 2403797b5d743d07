using System.Diagnostics;
using EventSync.Core.Errors;
using EventSync.Testing.Storage;

namespace EventSync.Reliability.Tests.Infrastructure;

/// <summary>
/// The real store behind a switch: for the length of an outage every write fails as it would while the database is down
/// (a time-out), then writes reach the store again. Counts the writes that failed and notes when the first one succeeded.
/// </summary>
public sealed class OutageStore(ISyncErrorStore store) : GuardedRecordingStore(store)
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

    protected override async Task<IReadOnlyList<SyncErrorChange>> GuardAsync(IReadOnlyList<FailureOccurrence> occurrences, Func<Task<IReadOnlyList<SyncErrorChange>>> write)
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
}

using EventSync.Core.Errors;
using EventSync.Testing.Storage;

namespace EventSync.Classifier.Tests.Infrastructure;

/// <summary>
/// The real store behind a switch that makes writes fail as they would while the database is down: lets a test take the
/// store away and give it back, and count the attempts the worker made meanwhile.
/// </summary>
public sealed class UnreachableStore(ISyncErrorStore store) : GuardedRecordingStore(store)
{
    private readonly Lock _refusedLock = new();
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

    protected override Task<IReadOnlyList<SyncErrorChange>> GuardAsync(IReadOnlyList<FailureOccurrence> occurrences, Func<Task<IReadOnlyList<SyncErrorChange>>> write)
    {
        ArgumentNullException.ThrowIfNull(occurrences);
        ArgumentNullException.ThrowIfNull(write);
        Interlocked.Increment(ref _attempts);
        if (occurrences.Any(o => o.Failure.TenantId == _refusedTenant))
        {
            var events = occurrences.Select(o => o.Failure.EventId).Distinct().Count();
            lock (_refusedLock)
            {
                _largestRefusedWrite = Math.Max(_largestRefusedWrite, events);
            }

            throw new InvalidOperationException("The store refused a value of this write (simulated).");
        }

        return Interlocked.Decrement(ref _failuresLeft) >= 0
            ? throw new TimeoutException("The store did not answer (simulated outage).")
            : write();
    }
}

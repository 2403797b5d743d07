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

    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>The next <paramref name="writes"/> writes fail; <see cref="int.MaxValue"/> for an outage that does not end.</summary>
    public void FailNext(int writes) => Volatile.Write(ref _failuresLeft, writes);

    public Task<IReadOnlyList<SyncErrorChange>> RecordAsync(IReadOnlyList<FailureOccurrence> occurrences, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        return Interlocked.Decrement(ref _failuresLeft) >= 0
            ? throw new TimeoutException("The store did not answer (simulated outage).")
            : store.RecordAsync(occurrences, cancellationToken);
    }

    public Task<int> ResolveRecordsAsync(IReadOnlyList<RecordResolution> resolutions, CancellationToken cancellationToken) => store.ResolveRecordsAsync(resolutions, cancellationToken);

    public Task<IReadOnlyList<ErrorCard>> GetErrorCardsAsync(string tenantId, CancellationToken cancellationToken) => store.GetErrorCardsAsync(tenantId, cancellationToken);

    public Task<IReadOnlyList<SyncError>> MarkResyncPendingAsync(string tenantId, IReadOnlyCollection<string> errorIds, CancellationToken cancellationToken) =>
        store.MarkResyncPendingAsync(tenantId, errorIds, cancellationToken);

    public Task<SyncError?> GetAsync(string tenantId, string errorId, CancellationToken cancellationToken) => store.GetAsync(tenantId, errorId, cancellationToken);
}

namespace EventSync.Core.Storage;

/// <summary>
/// Wakes the outbox dispatcher of this process as soon as a write queued messages, so that they need not wait for its
/// next poll. Notifications that come while it is busy are folded into one.
/// </summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _queued = new(0, 1);

    public void Notify()
    {
        try
        {
            _queued.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: the dispatcher reads everything that waits when it wakes.
        }
    }

    public void Dispose() => _queued.Dispose();

    /// <summary>Returns when notified or after <paramref name="timeout"/>, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _queued.WaitAsync(timeout, cancellationToken);
}

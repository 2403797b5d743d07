using System.Collections.Concurrent;
using EventSync.Contracts;
using EventSync.Testing.Broker;
using RabbitMQ.Client.Exceptions;

namespace EventSync.Reliability.Tests.Infrastructure;

/// <summary>
/// What EventSync asks of a publisher: publish with confirms and publish again whatever the broker did not confirm (a
/// nack, a closed connection, a confirm that never came). An event counts as acknowledged once confirmed. The connection
/// recovers by itself after a broker restart (RabbitMQ.Client's automatic recovery); until then tries fail and are retried.
/// </summary>
public sealed class ConfirmingPublisher(EnginePublisher engine)
{
    private static readonly TimeSpan ConfirmTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(250);

    private readonly ConcurrentQueue<SyncFailureReported> _confirmed = new();
    private int _failedTries;

    public IReadOnlyCollection<SyncFailureReported> Confirmed => _confirmed;

    /// <summary>Tries that failed and were retried.</summary>
    public int FailedTries => Volatile.Read(ref _failedTries);

    /// <summary>Publishes every event, <paramref name="inFlight"/> at a time, each retried until the broker confirms it.</summary>
    public Task PublishAllAsync(IEnumerable<SyncFailureReported> failures, int inFlight, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            failures,
            new ParallelOptions { MaxDegreeOfParallelism = inFlight, CancellationToken = cancellationToken },
            async (failure, ct) => await PublishUntilConfirmedAsync(failure, ct));

    public async Task PublishUntilConfirmedAsync(SyncFailureReported failure, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var confirmTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            confirmTimeout.CancelAfter(ConfirmTimeout);
            try
            {
                await engine.PublishAsync(EnginePublisher.SyncFailures, failure, confirmTimeout.Token);
                _confirmed.Enqueue(failure);
                return;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is RabbitMQClientException or IOException or TimeoutException or OperationCanceledException or ObjectDisposedException)
            {
                Interlocked.Increment(ref _failedTries);
            }

            // The publisher's retry policy: a short pause, then the same event again (its eventId makes the repeat harmless).
            await Task.Delay(RetryInterval, cancellationToken);
        }
    }
}

using System.Diagnostics;
using EventSync.Pipeline.Benchmarks.Infrastructure;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace EventSync.Pipeline.Benchmarks.Pipeline;

/// <summary>What the raw figures share: a sink that acks and counts, and the clock from the first publish to the last ack.</summary>
internal static class RawTiming
{
    /// <summary>A consumer that acks each delivery by hand and completes the task once it has acked <paramref name="expected"/>.</summary>
    public static (AsyncEventingBasicConsumer Consumer, Task AllAcked) CountingSink(IChannel channel, int expected, CancellationToken cancellationToken)
    {
        var acked = 0;
        var allAcked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, cancellationToken);
            if (Interlocked.Increment(ref acked) == expected)
            {
                allAcked.TrySetResult();
            }
        };
        return (consumer, allAcked.Task);
    }

    /// <summary>Publishes every body to <paramref name="queue"/> (persistent, confirmed) and times it until <paramref name="allAcked"/>.</summary>
    public static async Task<CeilingResult> PublishAndTimeAsync(
        Uri vhost, string queue, IReadOnlyList<byte[]> bodies, ushort prefetch, int inFlight, Task allAcked, CancellationToken cancellationToken)
    {
        await using var publisher = await ConfirmedPublisher.ConnectAsync(vhost, inFlight, cancellationToken);
        var messages = bodies.Select(b => (string.Empty, queue, b)).ToList();
        var clock = Stopwatch.StartNew();
        await publisher.PublishAsync(messages, ratePerSecond: null, onPublishing: null, cancellationToken);
        var published = clock.Elapsed;
        await allAcked.WaitAsync(TimeSpan.FromMinutes(10), cancellationToken);
        var elapsed = clock.Elapsed;
        return new CeilingResult(bodies.Count, prefetch, inFlight, elapsed.TotalSeconds, published.TotalSeconds, LoadAverage.Read());
    }
}

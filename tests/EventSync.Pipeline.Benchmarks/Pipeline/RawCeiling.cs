using System.Diagnostics;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using EventSync.Pipeline.Benchmarks.Infrastructure;

namespace EventSync.Pipeline.Benchmarks.Pipeline;

/// <summary>
/// The ceiling: plain RabbitMQ.Client moving the same bodies through a fresh durable queue, persistent and confirmed on
/// the way in, consumed with manual acks (one per message, as MassTransit acks) and a tuned prefetch on the way out.
/// Time runs from the first publish to the last ack, publisher and consumer working at the same time.
/// </summary>
internal static class RawCeiling
{
    private const string Queue = "eventsync-bench-ceiling";

    public static async Task<CeilingResult> RunAsync(Uri vhost, IReadOnlyList<byte[]> bodies, ushort prefetch, int inFlight, CancellationToken cancellationToken)
    {
        await using var connection = await new ConnectionFactory { Uri = vhost, ClientProvidedName = "eventsync-bench ceiling consumer" }.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await channel.QueueDeleteAsync(Queue, cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(Queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
        await channel.BasicQosAsync(0, prefetch, global: false, cancellationToken);

        var acked = 0;
        var allAcked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, cancellationToken);
            if (Interlocked.Increment(ref acked) == bodies.Count)
            {
                allAcked.TrySetResult();
            }
        };
        await channel.BasicConsumeAsync(Queue, autoAck: false, consumer, cancellationToken);

        await using var publisher = await ConfirmedPublisher.ConnectAsync(vhost, inFlight, cancellationToken);
        var messages = bodies.Select(b => (string.Empty, Queue, b)).ToList();
        var clock = Stopwatch.StartNew();
        await publisher.PublishAsync(messages, ratePerSecond: null, onPublishing: null, cancellationToken);
        var published = clock.Elapsed;
        await allAcked.Task.WaitAsync(TimeSpan.FromMinutes(10), cancellationToken);
        var elapsed = clock.Elapsed;

        await channel.QueueDeleteAsync(Queue, cancellationToken: cancellationToken);
        return new CeilingResult(bodies.Count, prefetch, inFlight, elapsed.TotalSeconds, published.TotalSeconds, LoadAverage.Read());
    }
}

using RabbitMQ.Client;

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

        var (consumer, allAcked) = RawTiming.CountingSink(channel, bodies.Count, cancellationToken);
        await channel.BasicConsumeAsync(Queue, autoAck: false, consumer, cancellationToken);
        var result = await RawTiming.PublishAndTimeAsync(vhost, Queue, bodies, prefetch, inFlight, allAcked, cancellationToken);

        await channel.QueueDeleteAsync(Queue, cancellationToken: cancellationToken);
        return result;
    }
}

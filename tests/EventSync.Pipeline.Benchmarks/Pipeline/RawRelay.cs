using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace EventSync.Pipeline.Benchmarks.Pipeline;

/// <summary>
/// The ceiling of the pipeline's shape: every event crosses the broker twice, as the classifier consumes it and then
/// announces it. Plain RabbitMQ.Client consumes each message (prefetch as the ceiling, many handled at once), publishes
/// it on to a second durable queue (persistent, confirmed), acks the first only after the confirm, and a sink acks the
/// second. No classification and no store: only the broker work and the client code a relay cannot do without.
/// </summary>
internal static class RawRelay
{
    private const string Inbound = "eventsync-bench-relay-in";
    private const string Outbound = "eventsync-bench-relay-out";

    public static async Task<CeilingResult> RunAsync(Uri vhost, IReadOnlyList<byte[]> bodies, ushort prefetch, int inFlight, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = vhost, ClientProvidedName = "eventsync-bench relay", ConsumerDispatchConcurrency = 64 };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var inbound = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await using var outbound = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true, outstandingPublisherConfirmationsRateLimiter: null),
            cancellationToken);
        await using var sink = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        foreach (var queue in new[] { Inbound, Outbound })
        {
            await inbound.QueueDeleteAsync(queue, cancellationToken: cancellationToken);
            await inbound.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
        }

        await inbound.BasicQosAsync(0, prefetch, global: false, cancellationToken);
        await sink.BasicQosAsync(0, prefetch, global: false, cancellationToken);
        var persistent = new BasicProperties { ContentType = "application/json", DeliveryMode = DeliveryModes.Persistent };

        var relay = new AsyncEventingBasicConsumer(inbound);
        relay.ReceivedAsync += async (_, delivery) =>
        {
            await outbound.BasicPublishAsync(string.Empty, Outbound, mandatory: false, persistent, delivery.Body, cancellationToken);
            await inbound.BasicAckAsync(delivery.DeliveryTag, multiple: false, cancellationToken);
        };

        var (last, allDelivered) = RawTiming.CountingSink(sink, bodies.Count, cancellationToken);
        await inbound.BasicConsumeAsync(Inbound, autoAck: false, relay, cancellationToken);
        await sink.BasicConsumeAsync(Outbound, autoAck: false, last, cancellationToken);

        var result = await RawTiming.PublishAndTimeAsync(vhost, Inbound, bodies, prefetch, inFlight, allDelivered, cancellationToken);

        foreach (var queue in new[] { Inbound, Outbound })
        {
            await inbound.QueueDeleteAsync(queue, cancellationToken: cancellationToken);
        }

        return result;
    }
}

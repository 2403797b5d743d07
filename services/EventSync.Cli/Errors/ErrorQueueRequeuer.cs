using EventSync.Core.Validation;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace EventSync.Cli.Errors;

/// <summary>
/// Moves messages from an error queue back to the queue they failed on: <c>basic.get</c> one at a time without auto-ack,
/// publish a copy with a publisher confirm, and only then ack the original. A crash between the confirm and the ack leaves
/// the message in both queues (a duplicate, never a loss); consumers tolerate duplicates (event ids are idempotent). With
/// <paramref name="clusterNodes"/>, the first node that answers, in order, with the broker address's credentials and virtual host.
/// </summary>
internal sealed class ErrorQueueRequeuer(Uri broker, IReadOnlyList<HostAndPort> clusterNodes)
{
    private const ushort NotFound = 404;

    /// <summary>Copies awaiting their confirm at once: the publishes overlap, the originals are still acked only after it.</summary>
    private const int ConfirmWindow = 100;
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    public async Task<RequeueSummary> RunAsync(RequeueOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        await using var connection = await ConnectAsync(cancellationToken);
        var held = await MessageCountAsync(connection, options.ErrorQueue, cancellationToken);
        await MessageCountAsync(connection, options.TargetQueue, cancellationToken);
        var exchange = await TargetExchangeAsync(connection, options.TargetQueue, cancellationToken);

        // Only what the queue held at the start: messages that fail again while this runs are not moved round in a loop.
        var limit = (int)Math.Min(held, (uint)(options.Max ?? int.MaxValue));
        if (options.DryRun)
        {
            return new RequeueSummary(limit, held);
        }

        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
            cancellationToken);
        var routingKey = exchange.Length == 0 ? options.TargetQueue : "";
        var moved = 0;
        var window = new List<(ulong DeliveryTag, Task Confirmed)>(ConfirmWindow);
        while (moved + window.Count < limit && await channel.BasicGetAsync(options.ErrorQueue, autoAck: false, cancellationToken) is { } message)
        {
            window.Add((message.DeliveryTag, channel.BasicPublishAsync(exchange, routingKey, mandatory: true, Republished(message.BasicProperties), message.Body.ToArray(), cancellationToken).AsTask()));
            if (window.Count == ConfirmWindow)
            {
                moved += await AcknowledgeConfirmedAsync(channel, window, options, moved, cancellationToken);
            }
        }

        moved += await AcknowledgeConfirmedAsync(channel, window, options, moved, cancellationToken);
        await channel.CloseAsync(cancellationToken);
        return new RequeueSummary(moved, held);
    }

    /// <summary>
    /// Waits for the broker to confirm the window's copies, then acks each original whose copy it confirmed, in order. A
    /// copy it refused leaves its original unacknowledged: the broker puts it back in the error queue when the channel closes.
    /// </summary>
    private static async Task<int> AcknowledgeConfirmedAsync(
        IChannel channel, List<(ulong DeliveryTag, Task Confirmed)> window, RequeueOptions options, int movedBefore, CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(window.Select(w => w.Confirmed));
        }
        catch (PublishException)
        {
            // Looked at per message below.
        }

        var acknowledged = 0;
        PublishException? refused = null;
        foreach (var (deliveryTag, confirmed) in window)
        {
            if (confirmed.IsCompletedSuccessfully)
            {
                await channel.BasicAckAsync(deliveryTag, multiple: false, cancellationToken);
                acknowledged++;
            }
            else
            {
                refused ??= confirmed.Exception?.InnerException as PublishException;
                if (confirmed.Exception?.InnerException is { } other and not PublishException)
                {
                    throw other;
                }
            }
        }

        window.Clear();
        if (refused is not null)
        {
            throw new RequeueFailedException(
                $"The broker did not take a message for {options.TargetQueue} ({(refused.IsReturn ? "nothing bound to receive it" : "refused")}); it stays in {options.ErrorQueue}. {movedBefore + acknowledged} moved before stopping.", refused);
        }

        return acknowledged;
    }

    private async Task<IConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        try
        {
            var factory = new ConnectionFactory
            {
                Uri = broker,
                ClientProvidedName = "eventsync errors requeue",
                RequestedConnectionTimeout = ConnectTimeout,
                AutomaticRecoveryEnabled = false,
            };
            return clusterNodes.Count == 0
                ? await factory.CreateConnectionAsync(cancellationToken)
                : await factory.CreateConnectionAsync([.. clusterNodes.Select(node => new AmqpTcpEndpoint(node.Host, node.Port, new SslOption(node.Host, enabled: factory.Ssl.Enabled)))], cancellationToken);
        }
        catch (BrokerUnreachableException e)
        {
            throw new RequeueFailedException($"Cannot reach the broker at {BrokerAddress.Redact(broker)}: {e.InnerException?.Message ?? e.Message}", e);
        }
    }

    private static async Task<uint> MessageCountAsync(IConnection connection, string queue, CancellationToken cancellationToken)
    {
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == NotFound)
        {
            throw new RequeueFailedException($"Queue '{queue}' does not exist on the broker.", e);
        }
    }

    /// <summary>
    /// MassTransit's exchange of the queue's name when there is one: MassTransit sends to an endpoint through it, and anything
    /// bound to it beside the queue sees the message too. Else the default exchange, straight to the queue.
    /// </summary>
    private static async Task<string> TargetExchangeAsync(IConnection connection, string queue, CancellationToken cancellationToken)
    {
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            await channel.ExchangeDeclarePassiveAsync(queue, cancellationToken);
            return queue;
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == NotFound)
        {
            return "";
        }
    }

    private static BasicProperties Republished(IReadOnlyBasicProperties original)
    {
        var properties = new BasicProperties
        {
            ContentType = original.ContentType,
            ContentEncoding = original.ContentEncoding,
            MessageId = original.MessageId,
            CorrelationId = original.CorrelationId,
            Type = original.Type,
            AppId = original.AppId,
            DeliveryMode = DeliveryModes.Persistent,
            Headers = RequeuedHeaders.Clean(original.Headers),
        };
        if (original.IsTimestampPresent())
        {
            properties.Timestamp = original.Timestamp;
        }

        return properties;
    }
}

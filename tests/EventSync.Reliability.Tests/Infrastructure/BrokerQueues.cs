using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace EventSync.Reliability.Tests.Infrastructure;

/// <summary>Looks into a broker's queues with RabbitMQ.Client: how many messages wait, and what the error queue holds.</summary>
public static class BrokerQueues
{
    private const ushort NotFound = 404;

    /// <summary>Messages ready in <paramref name="queue"/> (not those delivered and unacknowledged); 0 when it does not exist.</summary>
    public static async Task<uint> ReadyAsync(Uri broker, string queue, CancellationToken cancellationToken)
    {
        await using var connection = await new ConnectionFactory { Uri = broker }.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == NotFound)
        {
            return 0;
        }
    }

    /// <summary>How many consumers the broker has on each of <paramref name="queues"/> (0 for a queue it does not have).</summary>
    public static async Task<IReadOnlyDictionary<string, uint>> ConsumersAsync(Uri broker, IEnumerable<string> queues, CancellationToken cancellationToken)
    {
        var consumers = new Dictionary<string, uint>(StringComparer.Ordinal);
        await using var connection = await new ConnectionFactory { Uri = broker }.CreateConnectionAsync(cancellationToken);
        foreach (var queue in queues)
        {
            await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            try
            {
                consumers[queue] = (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).ConsumerCount;
            }
            catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == NotFound)
            {
                consumers[queue] = 0;
            }
        }

        return consumers;
    }

    /// <summary>Takes every message off <paramref name="queue"/> (an <c>_error</c> queue) with its MassTransit fault reason.</summary>
    public static async Task<IReadOnlyList<ParkedMessage>> DrainAsync(Uri broker, string queue, CancellationToken cancellationToken)
    {
        var parked = new List<ParkedMessage>();
        await using var connection = await new ConnectionFactory { Uri = broker }.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            while (await channel.BasicGetAsync(queue, autoAck: true, cancellationToken) is { } message)
            {
                parked.Add(new ParkedMessage(message.Body.ToArray(), Header(message.BasicProperties, "MT-Fault-Message"), Header(message.BasicProperties, "MT-Fault-ExceptionType")));
            }
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == NotFound)
        {
            // No error queue: nothing ever failed.
        }

        return parked;
    }

    private static string? Header(IReadOnlyBasicProperties properties, string name) =>
        properties.Headers?.TryGetValue(name, out var value) == true && value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : null;
}

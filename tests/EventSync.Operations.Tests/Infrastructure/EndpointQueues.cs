using System.Text;
using RabbitMQ.Client;

namespace EventSync.Operations.Tests.Infrastructure;

/// <summary>
/// A receive endpoint's queues shaped as MassTransit declares them: a fanout exchange and a queue of the endpoint's name,
/// and the same pair with <c>_error</c>. Each test uses its own name and deletes them when done.
/// </summary>
public sealed class EndpointQueues : IAsyncDisposable
{
    public const string FaultMessage = "MT-Fault-Message";
    public const string FaultExceptionType = "MT-Fault-ExceptionType";
    public const string Reason = "MT-Reason";

    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private EndpointQueues(string name, IConnection connection, IChannel channel)
    {
        Name = name;
        _connection = connection;
        _channel = channel;
    }

    public string Name { get; }

    public string ErrorQueue => $"{Name}_error";

    public static async Task<EndpointQueues> DeclareAsync(Uri broker, string queueType, CancellationToken cancellationToken)
    {
        var name = $"ops-tests.{Guid.NewGuid():N}";
        var connection = await new ConnectionFactory { Uri = broker, ClientProvidedName = "eventsync-tests operations" }.CreateConnectionAsync(cancellationToken);
        var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
            cancellationToken);
        var arguments = new Dictionary<string, object?> { ["x-queue-type"] = queueType };
        foreach (var queue in new[] { name, $"{name}_error" })
        {
            await channel.ExchangeDeclareAsync(queue, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments, cancellationToken: cancellationToken);
            await channel.QueueBindAsync(queue, queue, routingKey: "", cancellationToken: cancellationToken);
        }

        return new EndpointQueues(name, connection, channel);
    }

    /// <summary>What MassTransit would have moved to the error queue: <paramref name="count"/> faulted messages, confirmed.</summary>
    public async Task<IReadOnlyList<QueuedMessage>> FillErrorQueueAsync(int count, CancellationToken cancellationToken)
    {
        var messages = Enumerable.Range(1, count)
            .Select(i => new QueuedMessage(
                Guid.NewGuid().ToString(),
                "application/vnd.masstransit+json",
                $$$"""{"message":{"eventId":"evt-{{{i}}}","sequence":{{{i}}}}}""",
                new Dictionary<string, string>
                {
                    [FaultMessage] = $"store unavailable {i}",
                    [FaultExceptionType] = "System.TimeoutException",
                    ["MT-Fault-Timestamp"] = "2026-01-01T00:00:00Z",
                    ["MT-Host-MachineName"] = "worker-1",
                    [Reason] = "fault",
                    ["tenant"] = "acme",
                }))
            .ToList();
        foreach (var message in messages)
        {
            var properties = new BasicProperties
            {
                MessageId = message.MessageId,
                ContentType = message.ContentType,
                DeliveryMode = DeliveryModes.Persistent,
                Headers = message.Headers.ToDictionary(h => h.Key, h => (object?)Encoding.UTF8.GetBytes(h.Value)),
            };
            await _channel.BasicPublishAsync(ErrorQueue, routingKey: "", mandatory: true, properties, Encoding.UTF8.GetBytes(message.Body), cancellationToken);
        }

        return messages;
    }

    /// <summary>The endpoint's exchange then routes to nothing: a message published to it comes back unroutable.</summary>
    public async Task UnbindEndpointQueueAsync(CancellationToken cancellationToken) =>
        await _channel.QueueUnbindAsync(Name, Name, routingKey: "", cancellationToken: cancellationToken);

    public async Task<uint> CountAsync(string queue, CancellationToken cancellationToken) =>
        (await _channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;

    /// <summary>Takes every message off <paramref name="queue"/>, in queue order.</summary>
    public async Task<IReadOnlyList<QueuedMessage>> DrainAsync(string queue, CancellationToken cancellationToken)
    {
        var taken = new List<QueuedMessage>();
        while (await _channel.BasicGetAsync(queue, autoAck: true, cancellationToken) is { } result)
        {
            taken.Add(QueuedMessage.From(result));
        }

        return taken;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var queue in new[] { Name, ErrorQueue })
        {
            await _channel.QueueDeleteAsync(queue, ifUnused: false, ifEmpty: false);
            await _channel.ExchangeDeleteAsync(queue, ifUnused: false);
        }

        await _channel.CloseAsync();
        await _channel.DisposeAsync();
        await _connection.CloseAsync();
        await _connection.DisposeAsync();
    }
}

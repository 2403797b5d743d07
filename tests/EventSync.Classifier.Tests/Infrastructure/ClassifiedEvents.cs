using System.Collections.Concurrent;
using System.Text.Json;
using EventSync.Contracts;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace EventSync.Classifier.Tests.Infrastructure;

/// <summary>
/// What a downstream service sees of <see cref="SyncErrorClassified"/>: a temporary queue bound to the message type's
/// exchange (MassTransit's topology), read with RabbitMQ.Client, envelopes unwrapped.
/// </summary>
public sealed class ClassifiedEvents : IAsyncDisposable
{
    public const string Exchange = "EventSync.Contracts:SyncErrorClassified";

    private readonly ConcurrentQueue<SyncErrorClassified> _received = new();
    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private ClassifiedEvents(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public IReadOnlyCollection<SyncErrorClassified> Received => _received;

    public static async Task<ClassifiedEvents> ListenAsync(Uri broker, CancellationToken cancellationToken)
    {
        var connection = await new ConnectionFactory { Uri = broker, ClientProvidedName = "eventsync-tests classified listener" }
            .CreateConnectionAsync(cancellationToken);
        var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var listener = new ClassifiedEvents(connection, channel);
        await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        var queue = await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(queue.QueueName, Exchange, routingKey: "", cancellationToken: cancellationToken);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            listener.Add(delivery.Body.Span);
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer, cancellationToken);
        return listener;
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.CloseAsync();
        await _channel.DisposeAsync();
        await _connection.CloseAsync();
        await _connection.DisposeAsync();
    }

    private void Add(ReadOnlySpan<byte> envelope)
    {
        using var document = JsonDocument.Parse(envelope.ToArray());
        _received.Enqueue(document.RootElement.GetProperty("message").Deserialize<SyncErrorClassified>(ContractJson.Options)!);
    }
}

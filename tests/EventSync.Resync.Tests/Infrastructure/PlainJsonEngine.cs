using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using EventSync.Contracts;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace EventSync.Resync.Tests.Infrastructure;

/// <summary>
/// A sync engine without MassTransit: RabbitMQ.Client, its own exclusive queue bound to the topic exchange
/// <c>eventsync.resync-requests</c> with its engine id as the routing key. Keeps every body and content type it receives.
/// </summary>
public sealed class PlainJsonEngine : IAsyncDisposable
{
    public const string Exchange = "eventsync.resync-requests";

    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly ConcurrentQueue<(string ContentType, string Body)> _received = new();

    private PlainJsonEngine(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public IReadOnlyList<(string ContentType, string Body)> Received => [.. _received];

    public IReadOnlyList<ResyncRecord> Records => [.. _received.Select(r => JsonSerializer.Deserialize<ResyncRecord>(r.Body, ContractJson.Options)!)];

    public static async Task<PlainJsonEngine> BindAsync(Uri broker, string engineId, CancellationToken cancellationToken)
    {
        var connection = await new ConnectionFactory { Uri = broker, ClientProvidedName = $"eventsync-tests engine {engineId}" }.CreateConnectionAsync(cancellationToken);
        var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        var queue = await channel.QueueDeclareAsync($"test-engine-{engineId}-{Guid.NewGuid():N}", durable: false, exclusive: true, autoDelete: true, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(queue.QueueName, Exchange, engineId, cancellationToken: cancellationToken);
        var engine = new PlainJsonEngine(connection, channel);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            engine._received.Enqueue((delivery.BasicProperties.ContentType ?? "", Encoding.UTF8.GetString(delivery.Body.Span)));
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer, cancellationToken);
        return engine;
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.CloseAsync();
        await _channel.DisposeAsync();
        await _connection.CloseAsync();
        await _connection.DisposeAsync();
    }
}

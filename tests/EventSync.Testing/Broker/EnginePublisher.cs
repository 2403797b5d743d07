using System.Text;
using System.Text.Json;
using EventSync.Contracts;
using RabbitMQ.Client;

namespace EventSync.Testing.Broker;

/// <summary>
/// A sync engine without MassTransit: RabbitMQ.Client with publisher confirms, plain JSON to the engine exchanges
/// (declared durable fanout, as the contract says). Every publish returns once the broker has confirmed it.
/// </summary>
public sealed class EnginePublisher : IAsyncDisposable
{
    public const string SyncFailures = "eventsync.sync-failures";
    public const string RecordSynced = "eventsync.record-synced";
    public const string ApiUsage = "eventsync.api-usage";
    public const string JsonContentType = "application/json";

    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private EnginePublisher(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public static async Task<EnginePublisher> ConnectAsync(Uri broker, CancellationToken cancellationToken)
    {
        var connection = await new ConnectionFactory { Uri = broker, ClientProvidedName = "eventsync-tests engine" }
            .CreateConnectionAsync(cancellationToken);
        var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
            cancellationToken);
        foreach (var exchange in new[] { SyncFailures, RecordSynced, ApiUsage })
        {
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        }

        return new EnginePublisher(connection, channel);
    }

    public static byte[] Json<T>(T message) => JsonSerializer.SerializeToUtf8Bytes(message, ContractJson.Options);

    public Task PublishAsync<T>(string exchange, T message, CancellationToken cancellationToken) =>
        PublishRawAsync(exchange, Json(message), JsonContentType, cancellationToken);

    public Task PublishRawAsync(string exchange, string body, string? contentType, CancellationToken cancellationToken) =>
        PublishRawAsync(exchange, Encoding.UTF8.GetBytes(body), contentType, cancellationToken);

    public async Task PublishRawAsync(string exchange, byte[] body, string? contentType, CancellationToken cancellationToken) =>
        await _channel.BasicPublishAsync(exchange, routingKey: "", mandatory: false, Properties(contentType), body, cancellationToken);

    /// <summary>A body that cannot name its sender (JSON <c>null</c>, say) goes with an AMQP message id to be found by.</summary>
    public async Task PublishRawAsync(string exchange, string body, string contentType, Guid messageId, CancellationToken cancellationToken)
    {
        var properties = Properties(contentType);
        properties.MessageId = messageId.ToString();
        await _channel.BasicPublishAsync(exchange, routingKey: "", mandatory: false, properties, Encoding.UTF8.GetBytes(body), cancellationToken);
    }

    /// <summary>Publishes them all with many in flight, in order, and returns when the broker has confirmed every one.</summary>
    public async Task PublishManyAsync<T>(string exchange, IEnumerable<T> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var properties = Properties(JsonContentType);
        var confirms = messages
            .Select(m => _channel.BasicPublishAsync(exchange, routingKey: "", mandatory: false, properties, Json(m), cancellationToken).AsTask())
            .ToList();
        await Task.WhenAll(confirms);
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.CloseAsync();
        await _channel.DisposeAsync();
        await _connection.CloseAsync();
        await _connection.DisposeAsync();
    }

    private static BasicProperties Properties(string? contentType) =>
        new() { ContentType = contentType, DeliveryMode = DeliveryModes.Persistent };
}

using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace EventSync.Testing.Broker;

/// <summary>
/// A temporary queue of its own bound to an exchange, read with RabbitMQ.Client (auto-ack): what a consumer outside
/// MassTransit sees. The exchange is declared durable as MassTransit and the services declare theirs, so either side
/// may come first. The queue goes away with the connection.
/// </summary>
public sealed class ExchangeTap : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private ExchangeTap(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    /// <summary>Binds to <paramref name="exchange"/> with <paramref name="routingKey"/> and hands each delivery to <paramref name="received"/>.</summary>
    public static async Task<ExchangeTap> BindAsync(
        Uri broker, string exchange, string exchangeType, string routingKey, string clientName, Action<BasicDeliverEventArgs> received, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(received);
        var connection = await new ConnectionFactory { Uri = broker, ClientProvidedName = clientName }.CreateConnectionAsync(cancellationToken);
        var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(exchange, exchangeType, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        var queue = await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(queue.QueueName, exchange, routingKey, cancellationToken: cancellationToken);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            received(delivery);
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer, cancellationToken);
        return new ExchangeTap(connection, channel);
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.CloseAsync();
        await _channel.DisposeAsync();
        await _connection.CloseAsync();
        await _connection.DisposeAsync();
    }
}

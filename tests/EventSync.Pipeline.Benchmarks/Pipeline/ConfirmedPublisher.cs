using System.Diagnostics;
using RabbitMQ.Client;

namespace EventSync.Pipeline.Benchmarks.Pipeline;

/// <summary>
/// Publishes persistent messages with publisher confirms, many in flight, either as fast as the broker confirms or at a
/// fixed offered rate (<see cref="OfferedLoad"/>). Each message's publish instant (a <see cref="Stopwatch"/> timestamp)
/// is handed to <c>onPublishing</c> just before it goes out.
/// </summary>
internal sealed class ConfirmedPublisher : IAsyncDisposable
{
    private static readonly BasicProperties Persistent = new() { ContentType = "application/json", DeliveryMode = DeliveryModes.Persistent };

    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly int _inFlight;

    private ConfirmedPublisher(IConnection connection, IChannel channel, int inFlight)
    {
        _connection = connection;
        _channel = channel;
        _inFlight = inFlight;
    }

    public static async Task<ConfirmedPublisher> ConnectAsync(Uri broker, int inFlight, CancellationToken cancellationToken)
    {
        var connection = await new ConnectionFactory { Uri = broker, ClientProvidedName = "eventsync-bench publisher" }.CreateConnectionAsync(cancellationToken);
        var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true, outstandingPublisherConfirmationsRateLimiter: null),
            cancellationToken);
        return new ConfirmedPublisher(connection, channel, inFlight);
    }

    public Task DeclareFanoutAsync(string exchange, CancellationToken cancellationToken) =>
        _channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);

    /// <summary>Publishes every message; <paramref name="ratePerSecond"/> null means as fast as confirms come back.</summary>
    public Task PublishAsync(
        IReadOnlyList<(string Exchange, string RoutingKey, byte[] Body)> messages,
        double? ratePerSecond,
        Action<int, long>? onPublishing,
        CancellationToken cancellationToken) =>
        OfferedLoad.RunAsync(messages.Count, ratePerSecond, _inFlight, i =>
        {
            var (exchange, routingKey, body) = messages[i];
            onPublishing?.Invoke(i, Stopwatch.GetTimestamp());
            return _channel.BasicPublishAsync(exchange, routingKey, mandatory: false, Persistent, body, cancellationToken);
        }, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _channel.CloseAsync();
        await _channel.DisposeAsync();
        await _connection.CloseAsync();
        await _connection.DisposeAsync();
    }
}

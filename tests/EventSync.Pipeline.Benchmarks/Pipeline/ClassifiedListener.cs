using System.Diagnostics;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace EventSync.Pipeline.Benchmarks.Pipeline;

/// <summary>
/// Listens to what the classifier announces after each store write (SyncErrorClassified, on MassTransit's exchange for
/// that type) and notes when each failure event was first announced: the event is stored by then, since the classifier
/// publishes only after its bulk write returns. Tallies the occurrences (new, recurring, reopened) too.
/// </summary>
internal sealed class ClassifiedListener : IAsyncDisposable
{
    public const string Exchange = "EventSync.Contracts:SyncErrorClassified";

    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private ClassifiedListener(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public static async Task<ClassifiedListener> StartAsync(Uri vhost, CancellationToken cancellationToken)
    {
        var connection = await new ConnectionFactory { Uri = vhost, ClientProvidedName = "eventsync-bench listener" }.CreateConnectionAsync(cancellationToken);
        var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var listener = new ClassifiedListener(connection, channel);
        // Declared as MassTransit declares its publish exchanges, so either side may come first.
        await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        var queue = await channel.QueueDeclareAsync(string.Empty, durable: false, exclusive: true, autoDelete: true, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(queue.QueueName, Exchange, string.Empty, cancellationToken: cancellationToken);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            listener.Note(delivery.Body.Span, Stopwatch.GetTimestamp());
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer, cancellationToken);
        return listener;
    }

    public StoredEventLog Log { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await _channel.CloseAsync();
        await _channel.DisposeAsync();
        await _connection.CloseAsync();
        await _connection.DisposeAsync();
    }

    private void Note(ReadOnlySpan<byte> envelope, long at)
    {
        using var json = JsonDocument.Parse(envelope.ToArray());
        var message = json.RootElement.GetProperty("message");
        var eventId = message.GetProperty("eventId").GetString()!;
        var occurrence = message.TryGetProperty("occurrence", out var o) ? o.ToString() : "?";
        Log.Note(eventId, occurrence, at);
    }
}

using System.Diagnostics;
using System.Text.Json;
using EventSync.Testing.Broker;
using RabbitMQ.Client;

namespace EventSync.Pipeline.Benchmarks.Pipeline;

/// <summary>
/// Listens to what the classifier announces after each store write (SyncErrorClassified, on MassTransit's exchange for
/// that type) and notes when each failure event was first announced: the event is stored by then, since the classifier
/// publishes only after its bulk write returns. Tallies the occurrences (new, recurring, reopened) too.
/// </summary>
internal sealed class ClassifiedListener : IAsyncDisposable
{
    public const string Exchange = "EventSync.Contracts:SyncErrorClassified";

    private ExchangeTap? _tap;

    private ClassifiedListener()
    {
    }

    public StoredEventLog Log { get; } = new();

    public static async Task<ClassifiedListener> StartAsync(Uri vhost, CancellationToken cancellationToken)
    {
        var listener = new ClassifiedListener();
        listener._tap = await ExchangeTap.BindAsync(
            vhost, Exchange, ExchangeType.Fanout, "", "eventsync-bench listener", delivery => listener.Note(delivery.Body.Span, Stopwatch.GetTimestamp()), cancellationToken);
        return listener;
    }

    public async ValueTask DisposeAsync()
    {
        if (_tap is not null)
        {
            await _tap.DisposeAsync();
        }
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

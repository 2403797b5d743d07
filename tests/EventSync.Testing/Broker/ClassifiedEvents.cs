using System.Collections.Concurrent;
using System.Text.Json;
using EventSync.Contracts;
using RabbitMQ.Client;

namespace EventSync.Testing.Broker;

/// <summary>
/// What a downstream service sees of <see cref="SyncErrorClassified"/>: a temporary queue bound to the message type's
/// exchange (MassTransit's topology), read with RabbitMQ.Client, envelopes unwrapped.
/// </summary>
public sealed class ClassifiedEvents : IAsyncDisposable
{
    public const string Exchange = "EventSync.Contracts:SyncErrorClassified";

    private readonly ConcurrentQueue<SyncErrorClassified> _received = new();
    private readonly ConcurrentQueue<string?> _messageIds = new();
    private ExchangeTap? _tap;

    private ClassifiedEvents()
    {
    }

    public IReadOnlyCollection<SyncErrorClassified> Received => _received;

    /// <summary>The envelope's message id of each announcement received, in order: a redelivered announcement repeats its id.</summary>
    public IReadOnlyCollection<string?> MessageIds => _messageIds;

    public static async Task<ClassifiedEvents> ListenAsync(Uri broker, CancellationToken cancellationToken)
    {
        var listener = new ClassifiedEvents();
        listener._tap = await ExchangeTap.BindAsync(
            broker, Exchange, ExchangeType.Fanout, "", "eventsync-tests classified listener", delivery => listener.Add(delivery.Body.Span), cancellationToken);
        return listener;
    }

    public async ValueTask DisposeAsync()
    {
        if (_tap is not null)
        {
            await _tap.DisposeAsync();
        }
    }

    private void Add(ReadOnlySpan<byte> envelope)
    {
        using var document = JsonDocument.Parse(envelope.ToArray());
        _messageIds.Enqueue(document.RootElement.TryGetProperty("messageId", out var id) ? id.GetString() : null);
        _received.Enqueue(document.RootElement.GetProperty("message").Deserialize<SyncErrorClassified>(ContractJson.Options)!);
    }
}

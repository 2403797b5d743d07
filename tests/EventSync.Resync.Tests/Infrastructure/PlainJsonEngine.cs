using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using EventSync.Contracts;
using EventSync.Testing.Broker;
using RabbitMQ.Client;

namespace EventSync.Resync.Tests.Infrastructure;

/// <summary>
/// A sync engine without MassTransit: RabbitMQ.Client, its own exclusive queue bound to the topic exchange
/// <c>eventsync.resync-requests</c> with its engine id as the routing key. Keeps every body and content type it receives.
/// </summary>
public sealed class PlainJsonEngine : IAsyncDisposable
{
    public const string Exchange = "eventsync.resync-requests";

    private readonly ConcurrentQueue<(string ContentType, string Body)> _received = new();
    private ExchangeTap? _tap;

    private PlainJsonEngine()
    {
    }

    public IReadOnlyList<(string ContentType, string Body)> Received => [.. _received];

    public IReadOnlyList<ResyncRecord> Records => [.. _received.Select(r => JsonSerializer.Deserialize<ResyncRecord>(r.Body, ContractJson.Options)!)];

    public static async Task<PlainJsonEngine> BindAsync(Uri broker, string engineId, CancellationToken cancellationToken)
    {
        var engine = new PlainJsonEngine();
        engine._tap = await ExchangeTap.BindAsync(
            broker,
            Exchange,
            ExchangeType.Topic,
            engineId,
            $"eventsync-tests engine {engineId}",
            delivery => engine._received.Enqueue((delivery.BasicProperties.ContentType ?? "", Encoding.UTF8.GetString(delivery.Body.Span))),
            cancellationToken);
        return engine;
    }

    public async ValueTask DisposeAsync()
    {
        if (_tap is not null)
        {
            await _tap.DisposeAsync();
        }
    }
}

using EventSync.Contracts;
using EventSync.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Options;

namespace EventSync.Resync.Dispatching;

/// <summary>
/// Sends a <see cref="ResyncRecord"/> to the engine that owns the record: MassTransit engines (listed in
/// <see cref="ResyncOptions.Engines"/>) on their endpoint; every other engine as plain JSON on the topic exchange
/// <c>eventsync.resync-requests</c> with routing key = engine id. The serializer and routing key are set per send, so the
/// bus needs no send topology for it (on the in-memory bus the message goes to an exchange nobody is bound to).
/// </summary>
internal sealed class ResyncSender(ISendEndpointProvider endpoints, IOptions<ResyncOptions> options, IOptions<MessagingOptions> messaging)
{
    public static readonly Uri EngineExchange = new($"exchange:{EngineExchanges.ResyncRequests}?type=topic");

    public string EngineOf(string? engineId) => string.IsNullOrWhiteSpace(engineId) ? options.Value.DefaultEngineId : engineId;

    /// <summary>Sends <paramref name="message"/> with <paramref name="messageId"/>; returns once the broker confirmed it.</summary>
    public async Task SendAsync(ResyncRecord message, Guid messageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var engineId = EngineOf(message.EngineId);
        if (options.Value.Engines.TryGetValue(engineId, out var engine))
        {
            var endpoint = await endpoints.GetSendEndpoint(new Uri(engine.Address));
            await messaging.Within(token => endpoint.Send(message, context => context.MessageId = messageId, token), cancellationToken);
            return;
        }

        var exchange = await endpoints.GetSendEndpoint(EngineExchange);
        await messaging.Within(token => exchange.Send(message, context => AsPlainJson(context, engineId, messageId), token), cancellationToken);
    }

    private static void AsPlainJson(SendContext<ResyncRecord> context, string engineId, Guid messageId)
    {
        context.MessageId = messageId;
        context.Serializer = PlainJsonMessages.Serializer;
        if (context.TryGetPayload(out RoutingKeySendContext? routing))
        {
            routing.RoutingKey = engineId;
        }
    }
}

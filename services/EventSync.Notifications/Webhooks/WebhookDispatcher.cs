using System.Text.Json;
using EventSync.Contracts;
using EventSync.Core.Webhooks;
using EventSync.Notifications.Consumers;
using EventSync.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Options;

namespace EventSync.Notifications.Webhooks;

/// <summary>
/// Queues deliveries: one <see cref="DeliverWebhook"/> per endpoint on <c>deliver-webhook</c>, returning once the broker
/// confirmed it. The command carries the whole <c>data</c>, so what is delivered does not change between attempts.
/// </summary>
internal sealed class WebhookDispatcher(IWebhookStore store, ISendEndpointProvider endpoints, IOptions<MessagingOptions> messaging)
{
    /// <summary>The tenant's enabled endpoints.</summary>
    public async Task<IReadOnlyList<WebhookEndpoint>> EnabledEndpointsAsync(string tenantId, CancellationToken cancellationToken) =>
        [.. (await store.GetEndpointsAsync(tenantId, cancellationToken)).Where(e => e.Enabled)];

    public async Task SendAsync(string tenantId, WebhookEndpoint endpoint, string deliveryId, string webhookEvent, DateTimeOffset createdAt, JsonElement data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var command = new DeliverWebhook
        {
            TenantId = tenantId,
            EndpointId = endpoint.Id,
            DeliveryId = deliveryId,
            Event = webhookEvent,
            CreatedAt = createdAt,
            Data = data,
        };
        var queue = await endpoints.GetSendEndpoint(DeliverWebhookConsumerDefinition.Address);
        await messaging.Within(token => queue.Send(command, context => context.MessageId = WebhookDeliveryIds.MessageId(deliveryId), token), cancellationToken);
    }
}

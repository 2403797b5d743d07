using EventSync.Contracts;
using EventSync.Core.Webhooks;
using EventSync.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Options;

namespace EventSync.Api.Webhooks;

/// <summary>
/// Asks the notification worker to post a test delivery to one endpoint: <see cref="DeliverWebhook"/> with the event
/// <see cref="WebhookEvents.Test"/>, sent to its queue <see cref="CommandQueues.DeliverWebhook"/> and confirmed by the broker before it returns.
/// </summary>
internal sealed class WebhookTestSender(ISendEndpointProvider endpoints, IOptions<MessagingOptions> messaging, TimeProvider clock)
{
    public static readonly Uri Queue = new($"queue:{CommandQueues.DeliverWebhook}");

    /// <summary>Sends the test delivery; returns its id.</summary>
    public async Task<string> SendAsync(string tenantId, string endpointId, CancellationToken cancellationToken)
    {
        var command = new DeliverWebhook
        {
            TenantId = tenantId,
            EndpointId = endpointId,
            DeliveryId = Guid.NewGuid().ToString(),
            Event = WebhookEvents.Test,
            CreatedAt = clock.GetUtcNow(),
        };
        var queue = await endpoints.GetSendEndpoint(Queue);
        await messaging.Within(token => queue.Send(command, token), cancellationToken);
        return command.DeliveryId;
    }
}

using EventSync.Contracts;
using EventSync.Core.Webhooks;
using EventSync.Notifications.Webhooks;
using MassTransit;

namespace EventSync.Notifications.Consumers;

/// <summary>
/// A resync request finished: one <c>resync.completed</c> delivery to each enabled endpoint subscribed to it, its id derived
/// from the request and the endpoint, so that the same finish announced again is the same delivery.
/// </summary>
internal sealed class ResyncRequestFinishedConsumer(WebhookDispatcher webhooks) : IConsumer<ResyncRequestFinished>
{
    public async Task Consume(ConsumeContext<ResyncRequestFinished> context)
    {
        var finished = context.Message;
        var data = WebhookJson.ToElement(new WebhookResyncData(
            finished.RequestId, finished.RequestedBy, finished.RequestedAt, finished.Outcome, finished.Records, finished.Completed, finished.Failed, finished.FinishedAt));
        foreach (var endpoint in (await webhooks.EnabledEndpointsAsync(finished.TenantId, context.CancellationToken)).Where(e => e.Wants(WebhookEvents.ResyncCompleted)))
        {
            var deliveryId = WebhookDeliveryIds.For(WebhookEvents.ResyncCompleted, finished.TenantId, finished.RequestId, endpoint.Id);
            await webhooks.SendAsync(finished.TenantId, endpoint, deliveryId, WebhookEvents.ResyncCompleted, finished.FinishedAt, data, context.CancellationToken);
        }
    }
}

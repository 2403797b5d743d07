using EventSync.Contracts;
using EventSync.Notifications.Webhooks;
using MassTransit;

namespace EventSync.Notifications.Consumers;

/// <summary>One attempt of a webhook delivery (<see cref="WebhookDeliverer"/>); the retry attempt of the message is the delivery's attempt.</summary>
internal sealed class DeliverWebhookConsumer(WebhookDeliverer deliverer) : IConsumer<DeliverWebhook>
{
    public Task Consume(ConsumeContext<DeliverWebhook> context) =>
        deliverer.DeliverAsync(context.Message, context.GetRetryAttempt() + 1, context.CancellationToken);
}

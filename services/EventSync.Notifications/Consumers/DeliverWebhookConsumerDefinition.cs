using EventSync.Notifications.Webhooks;
using EventSync.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Options;

namespace EventSync.Notifications.Consumers;

/// <summary>
/// <c>deliver-webhook</c>: an attempt that may pass later is retried with exponential back-off as
/// <c>EventSync:Webhooks</c> says (<see cref="WebhookOptions.RetryLimit"/> retries), then the command moves to
/// <c>deliver-webhook_error</c> (parked), not lost.
/// </summary>
internal sealed class DeliverWebhookConsumerDefinition : ConsumerDefinition<DeliverWebhookConsumer>
{
    public const string QueueName = CommandQueues.DeliverWebhook;

    public static readonly Uri Address = new($"queue:{QueueName}");

    public DeliverWebhookConsumerDefinition()
    {
        EndpointName = QueueName;
        ConcurrentMessageLimit = 4;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<DeliverWebhookConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        var webhooks = context.GetRequiredService<IOptions<WebhookOptions>>().Value;
        endpointConfigurator.UseEventSyncConventions(
            context,
            inFlight: ConcurrentMessageLimit ?? 1,
            retry =>
            {
                // With an exponential policy of no retries the message did not fault within 30 s on the harness (MassTransit 8.5): none is none.
                if (webhooks.RetryLimit == 0)
                {
                    retry.None();
                }
                else
                {
                    retry.Exponential(webhooks.RetryLimit, webhooks.RetryMinInterval, webhooks.RetryMaxInterval, webhooks.RetryMinInterval);
                }
            });
    }
}

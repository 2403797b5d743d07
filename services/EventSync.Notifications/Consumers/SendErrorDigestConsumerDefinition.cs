using EventSync.ServiceDefaults.Messaging;
using MassTransit;

namespace EventSync.Notifications.Consumers;

/// <summary>
/// <c>send-error-digest</c>: a failing SMTP server is retried with exponential back-off (the conventions' retry, from
/// <c>EventSync:Messaging</c>), then the command moves to <c>send-error-digest_error</c>, not lost.
/// </summary>
internal sealed class SendErrorDigestConsumerDefinition : ConsumerDefinition<SendErrorDigestConsumer>
{
    public const string QueueName = "send-error-digest";

    public SendErrorDigestConsumerDefinition()
    {
        EndpointName = QueueName;
        ConcurrentMessageLimit = 2;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<SendErrorDigestConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseEventSyncConventions(context, inFlight: ConcurrentMessageLimit ?? 1);
}

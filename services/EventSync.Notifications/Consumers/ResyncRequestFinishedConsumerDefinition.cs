using EventSync.ServiceDefaults.Messaging;
using MassTransit;

namespace EventSync.Notifications.Consumers;

/// <summary><c>notify-resync-request-finished</c>: a broker that does not take the deliveries is retried (the conventions' retry), then the error queue.</summary>
internal sealed class ResyncRequestFinishedConsumerDefinition : ConsumerDefinition<ResyncRequestFinishedConsumer>
{
    public ResyncRequestFinishedConsumerDefinition()
    {
        EndpointName = "notify-resync-request-finished";
        ConcurrentMessageLimit = 4;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ResyncRequestFinishedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseEventSyncConventions(context, inFlight: ConcurrentMessageLimit ?? 1);
}

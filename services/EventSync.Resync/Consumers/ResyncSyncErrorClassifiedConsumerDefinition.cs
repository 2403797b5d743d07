using EventSync.ServiceDefaults.Messaging;
using MassTransit;

namespace EventSync.Resync.Consumers;

internal sealed class ResyncSyncErrorClassifiedConsumerDefinition : ConsumerDefinition<ResyncSyncErrorClassifiedConsumer>
{
    public ResyncSyncErrorClassifiedConsumerDefinition()
    {
        EndpointName = "resync-sync-error-classified";
        ConcurrentMessageLimit = 8;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ResyncSyncErrorClassifiedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseEventSyncConventions(context, inFlight: ConcurrentMessageLimit ?? 1);
}

using EventSync.ServiceDefaults.Messaging;
using MassTransit;

namespace EventSync.Resync.Consumers;

internal sealed class ResyncErrorsConsumerDefinition : ConsumerDefinition<ResyncErrorsConsumer>
{
    public ResyncErrorsConsumerDefinition()
    {
        EndpointName = "resync-errors";
        ConcurrentMessageLimit = 8;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ResyncErrorsConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseEventSyncConventions(context, inFlight: ConcurrentMessageLimit ?? 1);
}

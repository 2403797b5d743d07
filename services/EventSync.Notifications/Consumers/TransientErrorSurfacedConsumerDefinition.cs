using EventSync.ServiceDefaults.Messaging;
using MassTransit;

namespace EventSync.Notifications.Consumers;

internal sealed class TransientErrorSurfacedConsumerDefinition : ConsumerDefinition<TransientErrorSurfacedConsumer>
{
    public const string QueueName = "notify-transient-error-surfaced";

    public TransientErrorSurfacedConsumerDefinition()
    {
        EndpointName = QueueName;
        ConcurrentMessageLimit = 8;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TransientErrorSurfacedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseEventSyncConventions(context, inFlight: ConcurrentMessageLimit ?? 1);
}

using EventSync.ServiceDefaults.Messaging;
using MassTransit;

namespace EventSync.Notifications.Consumers;

internal sealed class SyncErrorClassifiedConsumerDefinition : ConsumerDefinition<SyncErrorClassifiedConsumer>
{
    public const string QueueName = "notify-sync-error-classified";

    public SyncErrorClassifiedConsumerDefinition()
    {
        EndpointName = QueueName;
        ConcurrentMessageLimit = 8;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<SyncErrorClassifiedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseEventSyncConventions(context, inFlight: ConcurrentMessageLimit ?? 1);
}

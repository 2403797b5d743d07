using EventSync.Contracts;
using EventSync.ServiceDefaults.Messaging;
using MassTransit;

namespace EventSync.Classifier.Consumers;

internal sealed class RecordSyncedConsumerDefinition : ConsumerDefinition<RecordSyncedConsumer>
{
    public RecordSyncedConsumerDefinition()
    {
        EndpointName = "record-synced";
        ConcurrentMessageLimit = 16;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<RecordSyncedConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseEventSyncConventions(context);
        endpointConfigurator.ReceiveFromEngineExchange<RecordSynced>(EngineExchanges.RecordSynced, context);
    }
}

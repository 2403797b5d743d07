using EventSync.Contracts;
using EventSync.ServiceDefaults.Messaging;
using MassTransit;

namespace EventSync.Resync.Consumers;

/// <summary>The resync worker's own endpoint for RecordSynced, beside the classifier's: from MassTransit and from the engines' fanout exchange.</summary>
internal sealed class ResyncRecordSyncedConsumerDefinition : ConsumerDefinition<ResyncRecordSyncedConsumer>
{
    public ResyncRecordSyncedConsumerDefinition()
    {
        EndpointName = "resync-record-synced";
        ConcurrentMessageLimit = 8;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ResyncRecordSyncedConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseEventSyncConventions(context, inFlight: ConcurrentMessageLimit ?? 1);
        endpointConfigurator.ReceiveFromEngineExchange<RecordSynced>(EngineExchanges.RecordSynced, context);
    }
}

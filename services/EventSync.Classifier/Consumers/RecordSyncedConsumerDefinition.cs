using EventSync.Contracts;
using EventSync.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Options;

namespace EventSync.Classifier.Consumers;

internal sealed class RecordSyncedConsumerDefinition : ConsumerDefinition<RecordSyncedConsumer>
{
    private readonly ClassifierOptions _options;

    public RecordSyncedConsumerDefinition(IOptions<ClassifierOptions> options)
    {
        _options = options.Value;
        EndpointName = "record-synced";
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<RecordSyncedConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseEventSyncConventions(context, inFlight: _options.BatchSize * _options.BatchConcurrency);
        endpointConfigurator.ReceiveFromEngineExchange<RecordSynced>(EngineExchanges.RecordSynced, context);

        // The same batching as failure events: resolutions of many records in one store write.
        consumerConfigurator.Options<BatchOptions>(batch => batch
            .SetMessageLimit(_options.BatchSize)
            .SetTimeLimit(_options.BatchTimeLimit)
            .SetConcurrencyLimit(_options.BatchConcurrency));
    }
}

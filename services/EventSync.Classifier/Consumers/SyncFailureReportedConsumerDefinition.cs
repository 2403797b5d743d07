using EventSync.Contracts;
using EventSync.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Options;

namespace EventSync.Classifier.Consumers;

internal sealed class SyncFailureReportedConsumerDefinition : ConsumerDefinition<SyncFailureReportedConsumer>
{
    private readonly ClassifierOptions _options;

    public SyncFailureReportedConsumerDefinition(IOptions<ClassifierOptions> options)
    {
        _options = options.Value;
        EndpointName = "sync-failure-reported";
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<SyncFailureReportedConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseEventSyncConventions(context, inFlight: _options.BatchSize * _options.BatchConcurrency);
        endpointConfigurator.ReceiveFromEngineExchange<SyncFailureReported>(EngineExchanges.SyncFailures, context);
        consumerConfigurator.Options<BatchOptions>(batch => batch
            .SetMessageLimit(_options.BatchSize)
            .SetTimeLimit(_options.BatchTimeLimit)
            .SetConcurrencyLimit(_options.BatchConcurrency));
    }
}

using EventSync.Contracts;
using EventSync.ServiceDefaults.Messaging;
using MassTransit;

namespace EventSync.Resync.Consumers;

/// <summary>The resync worker's own endpoint for ApiUsageReported: from MassTransit and from the engines' fanout exchange.</summary>
internal sealed class ResyncApiUsageReportedConsumerDefinition : ConsumerDefinition<ResyncApiUsageReportedConsumer>
{
    public ResyncApiUsageReportedConsumerDefinition()
    {
        EndpointName = "resync-api-usage-reported";
        ConcurrentMessageLimit = 4;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ResyncApiUsageReportedConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseEventSyncConventions(context, inFlight: ConcurrentMessageLimit ?? 1);
        endpointConfigurator.ReceiveFromEngineExchange<ApiUsageReported>(EngineExchanges.ApiUsage, context);
    }
}

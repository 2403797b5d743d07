using EventSync.Contracts;
using EventSync.ServiceDefaults.Messaging;
using MassTransit;

namespace EventSync.Classifier.Consumers;

internal sealed class ApiUsageReportedConsumerDefinition : ConsumerDefinition<ApiUsageReportedConsumer>
{
    public ApiUsageReportedConsumerDefinition()
    {
        EndpointName = "api-usage-reported";
        ConcurrentMessageLimit = 4;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ApiUsageReportedConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseEventSyncConventions(context, inFlight: ConcurrentMessageLimit ?? 1);
        endpointConfigurator.ReceiveFromEngineExchange<ApiUsageReported>(EngineExchanges.ApiUsage, context);
    }
}

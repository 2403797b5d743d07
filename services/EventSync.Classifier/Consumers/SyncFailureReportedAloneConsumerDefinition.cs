using EventSync.ServiceDefaults.Messaging;
using MassTransit;

namespace EventSync.Classifier.Consumers;

/// <summary>Only what the batch consumer sends here: the endpoint is bound to no exchange, so published events never reach it.</summary>
internal sealed class SyncFailureReportedAloneConsumerDefinition : ConsumerDefinition<SyncFailureReportedAloneConsumer>
{
    public const string Name = "sync-failure-reported-alone";

    public SyncFailureReportedAloneConsumerDefinition()
    {
        EndpointName = Name;
        ConcurrentMessageLimit = 1;
    }

    public static Uri Address { get; } = new($"queue:{Name}");

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<SyncFailureReportedAloneConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.ConfigureConsumeTopology = false;
        endpointConfigurator.UseEventSyncConventions(context, inFlight: ConcurrentMessageLimit ?? 1);
    }
}

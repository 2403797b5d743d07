using EventSync.ServiceDefaults.Messaging;
using MassTransit;

namespace EventSync.Classifier.Consumers;

/// <summary>Only what the batch consumer sends here: the endpoint is bound to no exchange, so published events never reach it.</summary>
internal sealed class RecordSyncedAloneConsumerDefinition : ConsumerDefinition<RecordSyncedAloneConsumer>
{
    public const string Name = "record-synced-alone";

    public RecordSyncedAloneConsumerDefinition()
    {
        EndpointName = Name;
        ConcurrentMessageLimit = 1;
    }

    public static Uri Address { get; } = new($"queue:{Name}");

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<RecordSyncedAloneConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.ConfigureConsumeTopology = false;
        endpointConfigurator.UseEventSyncConventions(context, inFlight: ConcurrentMessageLimit ?? 1);
    }
}

using EventSync.ServiceDefaults.Messaging;
using MassTransit;

namespace EventSync.Notifications.Consumers;

/// <summary>
/// <c>notify-errors-assigned</c>: a failing SMTP server is retried with exponential back-off (the conventions' retry, from
/// <c>EventSync:Messaging</c>), then the message moves to <c>notify-errors-assigned_error</c>, not lost.
/// </summary>
internal sealed class ErrorsAssignedConsumerDefinition : ConsumerDefinition<ErrorsAssignedConsumer>
{
    public const string QueueName = "notify-errors-assigned";

    public ErrorsAssignedConsumerDefinition()
    {
        EndpointName = QueueName;
        ConcurrentMessageLimit = 2;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ErrorsAssignedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseEventSyncConventions(context, inFlight: ConcurrentMessageLimit ?? 1);
}

using EventSync.Core.Notifications;
using EventSync.ServiceDefaults.Messaging;
using MassTransit;

namespace EventSync.Notifications.Consumers;

/// <summary>
/// <c>notify-sync-error-resolved</c>: resolutions in batches of up to <see cref="BatchSize"/> (the most errors a delivery
/// lists) or what came within <see cref="BatchTime"/>; a broker that does not take the deliveries is retried, then the
/// error queue.
/// </summary>
internal sealed class SyncErrorResolvedConsumerDefinition : ConsumerDefinition<SyncErrorResolvedConsumer>
{
    public const int BatchSize = AlertWindow.MaxEntries;

    public static readonly TimeSpan BatchTime = TimeSpan.FromSeconds(2);

    public SyncErrorResolvedConsumerDefinition() => EndpointName = "notify-sync-error-resolved";

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<SyncErrorResolvedConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseEventSyncConventions(context, inFlight: BatchSize);
        consumerConfigurator.Options<BatchOptions>(batch => batch.SetMessageLimit(BatchSize).SetTimeLimit(BatchTime).SetConcurrencyLimit(1));
    }
}

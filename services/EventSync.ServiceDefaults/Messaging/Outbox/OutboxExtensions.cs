using EventSync.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EventSync.ServiceDefaults.Messaging.Outbox;

public static class OutboxExtensions
{
    /// <summary>
    /// The outbox dispatcher of this process (one, however often this is called): publishes on the bus what the store
    /// queued with its writes (<see cref="IOutboxStore"/>), woken by <see cref="OutboxSignal"/>. Needs the store
    /// (<c>AddEventSyncStorage</c>) and the bus (<c>AddEventSyncBus</c>); settings from <c>EventSync:Outbox</c>.
    /// </summary>
    public static IServiceCollection AddEventSyncOutbox(this IServiceCollection services)
    {
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OutboxOptions>, OutboxOptionsValidation>());
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<OutboxDispatcher>();
        return services;
    }
}

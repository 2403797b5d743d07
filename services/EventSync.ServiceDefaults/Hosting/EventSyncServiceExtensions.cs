using EventSync.ServiceDefaults.Messaging;
using EventSync.ServiceDefaults.Storage;
using MassTransit;
using Microsoft.Extensions.Hosting;

namespace EventSync.ServiceDefaults.Hosting;

public static class EventSyncServiceExtensions
{
    /// <summary>
    /// What every EventSync process is made of: the store, the process's own services (<paramref name="addServices"/>) and
    /// one bus with the consumers <paramref name="addConsumers"/> registers. A worker passes its own parts; the standalone
    /// host passes the parts of every worker, so that one process has one store and one bus.
    /// </summary>
    public static IHostApplicationBuilder AddEventSyncService(
        this IHostApplicationBuilder builder, Action<IHostApplicationBuilder> addServices, Action<IBusRegistrationConfigurator> addConsumers)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(addServices);
        builder.Services.AddEventSyncStorage(builder.Configuration);
        addServices(builder);
        builder.Services.AddEventSyncBus(builder.Configuration, addConsumers);
        return builder;
    }
}

using EventSync.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace EventSync.Testing.Harness;

/// <summary>MassTransit's test harness in place of the bus a worker's composition registered.</summary>
public static class HarnessBus
{
    /// <summary>
    /// How long a harness wait lasts. It is the inactivity timeout too: the harness ends every later wait for good once the
    /// bus was idle that long, and a test may be idle between two steps.
    /// </summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Replaces the registered bus with the harness on the in-memory transport (MassTransit keeps the consumers the worker
    /// registered), configured as every EventSync bus is (<see cref="MessagingExtensions.ConfigureEventSyncEndpoints"/>).
    /// </summary>
    public static IServiceCollection AddEventSyncTestHarness(this IServiceCollection services) =>
        services.AddMassTransitTestHarness(bus =>
        {
            bus.SetTestTimeouts(Timeout, Timeout);
            bus.SetKebabCaseEndpointNameFormatter();
            bus.UsingInMemory((context, cfg) => cfg.ConfigureEventSyncEndpoints(context));
        });
}

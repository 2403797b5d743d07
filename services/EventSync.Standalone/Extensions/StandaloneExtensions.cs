using EventSync.Api.Extensions;
using EventSync.Api.Ingestion;
using EventSync.Classifier.Extensions;
using EventSync.Notifications.Extensions;
using EventSync.Resync.Extensions;
using EventSync.ServiceDefaults.Hosting;
using EventSync.ServiceDefaults.Messaging;
using EventSync.Standalone.Demo;
using EventSync.Standalone.Ingestion;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EventSync.Standalone.Extensions;

public static class StandaloneExtensions
{
    /// <summary>
    /// Every EventSync service in this process: the services of each worker and of the API, on one store and one bus with
    /// every worker's consumers (the parts each worker's <c>AddXxxWorker</c> composes on its own).
    /// </summary>
    public static WebApplicationBuilder AddStandalone(this WebApplicationBuilder builder, bool demo)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<StandaloneOptions>().BindConfiguration(StandaloneOptions.Section).Configure(o => o.Demo |= demo);
        builder.AddEventSyncService(AddServices, bus =>
        {
            bus.AddClassifierConsumers();
            bus.AddNotificationConsumers();
            bus.AddResyncConsumers();
        });
        builder.Services.AddHostedService<DemoFailurePublisher>();
        return builder;
    }

    private static void AddServices(IHostApplicationBuilder builder)
    {
        builder.Services.AddClassifier();
        builder.Services.AddSyncHealthApi();
        if (builder.Configuration.UsesInMemoryBus())
        {
            // Nothing published in memory survives a crash: accepted events go to the store before the 202.
            builder.Services.Replace(ServiceDescriptor.Scoped<IFailureIntake, StoredFailureIntake>());
        }

        builder.Services.AddNotifications(builder.Configuration);
        builder.Services.AddResync();
        builder.Services.AddLocalAdminKeyWhenNoneConfigured(builder.Configuration);
    }
}

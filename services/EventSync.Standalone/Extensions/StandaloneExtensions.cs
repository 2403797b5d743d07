using EventSync.Api.Extensions;
using EventSync.Api.Ingestion;
using EventSync.Classifier.Extensions;
using EventSync.Notifications.Extensions;
using EventSync.Resync.Extensions;
using EventSync.ServiceDefaults.Messaging;
using EventSync.ServiceDefaults.Storage;
using EventSync.Standalone.Demo;
using EventSync.Standalone.Ingestion;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EventSync.Standalone.Extensions;

public static class StandaloneExtensions
{
    /// <summary>Every EventSync service in this process, on the bus and store that configuration names.</summary>
    public static WebApplicationBuilder AddStandalone(this WebApplicationBuilder builder, bool demo)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<StandaloneOptions>().BindConfiguration(StandaloneOptions.Section).Configure(o => o.Demo |= demo);
        builder.Services.AddEventSyncStorage(builder.Configuration);
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
        builder.Services.AddEventSyncBus(builder.Configuration, bus =>
        {
            bus.AddClassifierConsumers();
            bus.AddNotificationConsumers();
            bus.AddResyncConsumers();
        });
        builder.Services.AddHostedService<DemoFailurePublisher>();
        return builder;
    }
}

using EventSync.Api.Extensions;
using EventSync.Classifier.Extensions;
using EventSync.Notifications.Extensions;
using EventSync.Resync.Extensions;
using EventSync.ServiceDefaults.Messaging;
using EventSync.ServiceDefaults.Storage;
using EventSync.Standalone.Demo;

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

using EventSync.Core.Resync;
using EventSync.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EventSync.Storage.LiteDb.Extensions;

public static class LiteDbStorageExtensions
{
    /// <summary>
    /// The embedded store (used when <c>ConnectionStrings:mongodb</c> is unset): one <see cref="LiteDbSyncErrorStore"/>
    /// on <c>{EventSync:DataDir}/eventsync.db</c>, registered as every store interface. The directory is created
    /// when the store is first resolved.
    /// </summary>
    public static IServiceCollection AddLiteDbStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<LiteDbStoreOptions>()
            .Bind(configuration.GetSection(LiteDbStoreOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.DataDir), "EventSync:DataDir must name a directory.");
        services.AddSingleton(sp => new LiteDbSyncErrorStore(sp.GetRequiredService<IOptions<LiteDbStoreOptions>>()));
        services.AddSingleton<ISyncErrorStore>(sp => sp.GetRequiredService<LiteDbSyncErrorStore>());
        services.AddSingleton<ISyncErrorQueries>(sp => sp.GetRequiredService<LiteDbSyncErrorStore>());
        services.AddSingleton<IAffectedRecordQueries>(sp => sp.GetRequiredService<LiteDbSyncErrorStore>());
        services.AddSingleton<IUnknownErrorGroupQueries>(sp => sp.GetRequiredService<LiteDbSyncErrorStore>());
        services.AddSingleton<IApiUsageStore>(sp => sp.GetRequiredService<LiteDbSyncErrorStore>());
        services.AddSingleton<INotificationSettingsStore>(sp => sp.GetRequiredService<LiteDbSyncErrorStore>());
        services.AddSingleton<IViewStore>(sp => sp.GetRequiredService<LiteDbSyncErrorStore>());
        services.AddSingleton<IStoreLifecycle>(sp => sp.GetRequiredService<LiteDbSyncErrorStore>());
        services.AddSingleton<IDigestClaimStore>(sp => sp.GetRequiredService<LiteDbSyncErrorStore>());
        services.AddSingleton<IAlertWindowStore>(sp => sp.GetRequiredService<LiteDbSyncErrorStore>());
        services.AddSingleton<IResyncRequestStore>(sp => sp.GetRequiredService<LiteDbSyncErrorStore>());
        services.AddSingleton<IApiBudgetStore>(sp => sp.GetRequiredService<LiteDbSyncErrorStore>());
        services.AddSingleton<ITransientRetryStore>(sp => sp.GetRequiredService<LiteDbSyncErrorStore>());
        return services;
    }
}

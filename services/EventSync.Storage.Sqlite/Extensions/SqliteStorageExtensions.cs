using EventSync.Core.Audit;
using EventSync.Core.Errors;
using EventSync.Core.Links;
using EventSync.Core.Notifications;
using EventSync.Core.Resync;
using EventSync.Core.Storage;
using EventSync.Core.Usage;
using EventSync.Core.Views;
using EventSync.Core.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EventSync.Storage.Sqlite.Extensions;

public static class SqliteStorageExtensions
{
    /// <summary>
    /// The embedded store (used when <c>ConnectionStrings:mongodb</c> is unset): one SQLite file,
    /// <c>{EventSync:DataDir}/eventsync.sqlite</c>, shared by one store per aggregate, each registered for its own interface.
    /// The folder and the file are created for the owner only when the store is first used.
    /// </summary>
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SqliteStoreOptions>()
            .Bind(configuration.GetSection(SqliteStoreOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.DataDir), "EventSync:DataDir must name a directory.");
        services.AddOptions<AuditTrailOptions>()
            .Bind(configuration.GetSection(AuditTrailOptions.SectionName))
            .Validate(o => o.IsValid, AuditTrailOptions.RetentionProblem)
            .ValidateOnStart();
        services.AddSingleton<SqliteStoreContext>();
        services.AddSingleton<IStoreLifecycle, SqliteStoreLifecycle>();
        services.AddSingleton<ISyncErrorStore, SqliteSyncErrorStore>();
        services.AddSingleton<IErrorCardRecount, SqliteErrorCardRecount>();
        services.AddSingleton<ISyncErrorQueries, SqliteSyncErrorQueries>();
        services.AddSingleton<IAffectedRecordQueries, SqliteAffectedRecordQueries>();
        services.AddSingleton<IUnknownErrorGroupQueries, SqliteUnknownErrorGroupQueries>();
        services.AddSingleton<IApiUsageStore, SqliteApiUsageStore>();
        services.AddSingleton<IApiBudgetStore, SqliteApiBudgetStore>();
        services.AddSingleton<IResyncRequestStore, SqliteResyncRequestStore>();
        services.AddSingleton<ITransientRetryStore, SqliteTransientRetryStore>();
        services.AddSingleton<INotificationSettingsStore, SqliteNotificationSettingsStore>();
        services.AddSingleton<IDigestClaimStore, SqliteDigestClaimStore>();
        services.AddSingleton<IAlertWindowStore, SqliteAlertWindowStore>();
        services.AddSingleton<IViewStore, SqliteViewStore>();
        services.AddSingleton<IRecordLinkSettingsStore, SqliteRecordLinkSettingsStore>();
        services.AddSingleton<IAuditTrailStore, SqliteAuditTrailStore>();
        services.AddSingleton<IOutboxStore, SqliteOutboxStore>();
        services.AddSingleton<IWebhookStore, SqliteWebhookStore>();
        return services;
    }
}

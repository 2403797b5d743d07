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
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MongoDB.Driver;

namespace EventSync.Storage.MongoDb.Extensions;

public static class MongoStorageExtensions
{
    /// <summary>
    /// The MongoDB store: one <see cref="MongoStoreContext"/> on the database and one store per aggregate, each registered
    /// for its own interface; the server from <c>ConnectionStrings:mongodb</c>, the settings from <c>EventSync:MongoDb</c>.
    /// </summary>
    public static IServiceCollection AddMongoStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration.GetConnectionString(MongoStoreOptions.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException($"ConnectionStrings:{MongoStoreOptions.ConnectionStringName} is not set: the MongoDB store needs it.");
        }

        MongoMappings.EnsureRegistered();
        services.AddOptions<MongoStoreOptions>()
            .Bind(configuration.GetSection(MongoStoreOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.DatabaseName), $"{MongoStoreOptions.SectionName}:DatabaseName must not be empty.")
            .Validate(
                o => o.FinishedResyncRetention >= MongoStoreOptions.MinFinishedResyncRetention && o.FinishedResyncRetention <= MongoStoreOptions.MaxFinishedResyncRetention,
                $"{MongoStoreOptions.SectionName}:FinishedResyncRetention must be between {MongoStoreOptions.MinFinishedResyncRetention} and {MongoStoreOptions.MaxFinishedResyncRetention.TotalDays} days.")
            .ValidateOnStart();
        services.AddOptions<AuditTrailOptions>()
            .Bind(configuration.GetSection(AuditTrailOptions.SectionName))
            .Validate(o => o.IsValid, AuditTrailOptions.RetentionProblem)
            .ValidateOnStart();
        services.TryAddSingleton<IMongoClient>(_ => new MongoClient(ParseSettings(connectionString)));
        services.TryAddSingleton(provider => new MongoStoreContext(
            provider.GetRequiredService<IMongoClient>().GetDatabase(provider.GetRequiredService<IOptions<MongoStoreOptions>>().Value.DatabaseName)));
        services.AddSingleton<IStoreLifecycle, MongoStoreLifecycle>();
        services.AddSingleton<ISyncErrorStore, MongoSyncErrorStore>();
        services.AddSingleton<IErrorCardRecount, MongoErrorCardRecount>();
        services.AddSingleton<ISyncErrorQueries, MongoSyncErrorQueries>();
        services.AddSingleton<IAffectedRecordQueries, MongoAffectedRecordQueries>();
        services.AddSingleton<IUnknownErrorGroupQueries, MongoUnknownErrorGroupQueries>();
        services.AddSingleton<IApiUsageStore, MongoApiUsageStore>();
        services.AddSingleton<IApiBudgetStore, MongoApiBudgetStore>();
        services.AddSingleton<IResyncRequestStore, MongoResyncRequestStore>();
        services.AddSingleton<ITransientRetryStore, MongoTransientRetryStore>();
        services.AddSingleton<INotificationSettingsStore, MongoNotificationSettingsStore>();
        services.AddSingleton<IDigestClaimStore, MongoDigestClaimStore>();
        services.AddSingleton<IAlertWindowStore, MongoAlertWindowStore>();
        services.AddSingleton<IViewStore, MongoViewStore>();
        services.AddSingleton<IRecordLinkSettingsStore, MongoRecordLinkSettingsStore>();
        services.AddSingleton<IAuditTrailStore, MongoAuditTrailStore>();
        services.AddSingleton<IOutboxStore, MongoOutboxStore>();
        services.AddSingleton<IWebhookStore, MongoWebhookStore>();
        return services;
    }

    private static MongoClientSettings ParseSettings(string connectionString)
    {
        try
        {
            var settings = MongoClientSettings.FromConnectionString(connectionString);
            // The store's writes are safe to retry and its transactions rely on it: retryWrites=false is not honoured.
            settings.RetryWrites = true;
            return settings;
        }
        catch (Exception e) when (e is MongoConfigurationException or ArgumentException or FormatException)
        {
            // The driver's message may quote the string, password included: neither it nor the inner exception goes on.
            throw new InvalidOperationException(
                $"ConnectionStrings:{MongoStoreOptions.ConnectionStringName} is not a valid MongoDB connection string ({e.GetType().Name}).");
        }
    }
}

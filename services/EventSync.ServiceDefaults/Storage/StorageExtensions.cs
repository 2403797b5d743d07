using EventSync.Storage.MongoDb.Extensions;
using EventSync.Storage.Sqlite.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EventSync.ServiceDefaults.Storage;

public static class StorageExtensions
{
    /// <summary>
    /// MongoDB when <c>ConnectionStrings:mongodb</c> is set, else the embedded SQLite file under <c>EventSync:DataDir</c>.
    /// The store is initialised (collections, indexes) at start-up and checked by the readiness probe.
    /// </summary>
    public static IServiceCollection AddEventSyncStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (string.IsNullOrWhiteSpace(configuration.GetConnectionString("mongodb")))
        {
            services.AddSqliteStorage(configuration);
        }
        else
        {
            services.AddMongoStorage(configuration);
        }

        services.AddHostedService<StoreInitializer>();
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: ["ready"]);
        return services;
    }
}

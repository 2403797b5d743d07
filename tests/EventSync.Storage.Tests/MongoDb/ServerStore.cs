using EventSync.Core.Audit;
using EventSync.Core.Errors;
using EventSync.Core.Resync;
using EventSync.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using MongoDB.Driver;

namespace EventSync.Storage.Tests.MongoDb;

/// <summary>The MongoDB store on a database of its own, started as the services start it; dropped when disposed.</summary>
internal sealed class ServerStore(ServiceProvider services, Func<ValueTask> cleanup) : IAsyncDisposable
{
    public ServiceProvider Services { get; } = services;

    public ISyncErrorStore Errors => Services.GetRequiredService<ISyncErrorStore>();

    public IErrorCardRecount Recount => Services.GetRequiredService<IErrorCardRecount>();

    public IResyncRequestStore Resync => Services.GetRequiredService<IResyncRequestStore>();

    public IAuditTrailStore Audit => Services.GetRequiredService<IAuditTrailStore>();

    public IStoreLifecycle Lifecycle => Services.GetRequiredService<IStoreLifecycle>();

    /// <summary>
    /// Skips the calling test without a server. <paramref name="clientSettings"/>, when given, configures a client of the
    /// store's own (a name a fail point can be aimed at, a subscriber to its commands).
    /// </summary>
    public static async Task<ServerStore> StartAsync(MongoTestServer server, CancellationToken cancellationToken, Action<MongoClientSettings>? clientSettings = null)
    {
        var (services, cleanup) = server.NewStore(clientSettings);
        var store = new ServerStore(services, cleanup);
        await store.Lifecycle.InitializeAsync(cancellationToken);
        return store;
    }

    public ValueTask DisposeAsync() => cleanup();
}

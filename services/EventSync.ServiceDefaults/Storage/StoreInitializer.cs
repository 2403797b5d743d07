using EventSync.Core.Storage;
using Microsoft.Extensions.Hosting;

namespace EventSync.ServiceDefaults.Storage;

/// <summary>Creates the store's collections and indexes before the service takes messages.</summary>
internal sealed class StoreInitializer(IStoreLifecycle store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

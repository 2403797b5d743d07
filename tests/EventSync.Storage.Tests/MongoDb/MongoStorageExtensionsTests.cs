using EventSync.Core.Storage;
using EventSync.Storage.MongoDb;
using EventSync.Storage.MongoDb.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EventSync.Storage.Tests.MongoDb;

public sealed class MongoStorageExtensionsTests
{
    [Fact]
    public async Task Should_register_one_store_for_every_interface_when_a_connection_string_is_configured()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:mongodb"] = "mongodb://127.0.0.1:1" })
            .Build();
        await using var provider = new ServiceCollection().AddMongoStorage(configuration).BuildServiceProvider();

        var store = provider.GetRequiredService<MongoSyncErrorStore>();

        Assert.Same(store, provider.GetRequiredService<ISyncErrorStore>());
        Assert.Same(store, provider.GetRequiredService<ISyncErrorQueries>());
        Assert.Same(store, provider.GetRequiredService<IAffectedRecordQueries>());
        Assert.Same(store, provider.GetRequiredService<IApiUsageStore>());
        Assert.Same(store, provider.GetRequiredService<INotificationSettingsStore>());
        Assert.Same(store, provider.GetRequiredService<IViewStore>());
        Assert.Same(store, provider.GetRequiredService<IStoreLifecycle>());
    }
}

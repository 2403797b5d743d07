using EventSync.Core.Resync;
using EventSync.Core.Storage;
using EventSync.Storage.MongoDb;
using EventSync.Storage.MongoDb.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EventSync.Storage.Tests.MongoDb;

public sealed class MongoStorageExtensionsTests
{
    [Fact]
    public async Task Should_register_one_small_store_per_interface_over_one_context_when_a_connection_string_is_configured()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:mongodb"] = "mongodb://127.0.0.1:1" })
            .Build();
        await using var provider = new ServiceCollection().AddMongoStorage(configuration).BuildServiceProvider();
        Type[] interfaces =
        [
            typeof(ISyncErrorStore), typeof(ISyncErrorQueries), typeof(IAffectedRecordQueries), typeof(IUnknownErrorGroupQueries), typeof(IApiUsageStore),
            typeof(INotificationSettingsStore), typeof(IViewStore), typeof(IDigestClaimStore), typeof(IAlertWindowStore),
            typeof(IStoreLifecycle), typeof(IResyncRequestStore), typeof(IApiBudgetStore), typeof(ITransientRetryStore),
        ];

        // No server is contacted: the driver connects on the first operation.
        var resolved = interfaces.Select(provider.GetRequiredService).ToList();

        Assert.Equal(interfaces.Length, resolved.Select(s => s.GetType()).Distinct().Count());
        Assert.All(resolved, store => Assert.Single(store.GetType().GetInterfaces(), i => interfaces.Contains(i)));
        Assert.Equal("eventsync", provider.GetRequiredService<MongoStoreContext>().Database.DatabaseNamespace.DatabaseName);
    }
}

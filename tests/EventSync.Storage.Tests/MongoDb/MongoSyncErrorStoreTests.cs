using EventSync.Storage.MongoDb.Extensions;
using EventSync.Storage.Tests.Contract;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EventSync.Storage.Tests.MongoDb;

/// <summary>The store contract against a real MongoDB server; every test gets a database of its own, dropped afterwards.</summary>
public sealed class MongoSyncErrorStoreTests(MongoTestServer server) : SyncErrorStoreContract, IClassFixture<MongoTestServer>
{
    protected override Task<StoreUnderTest> CreateStoreAsync()
    {
        var client = server.Client;
        if (client is null || server.ConnectionString is null)
        {
            Assert.Skip(MongoTestServer.SkipReason);
        }

        var databaseName = $"eventsync_test_{Guid.NewGuid():N}";
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:mongodb"] = server.ConnectionString,
                ["EventSync:MongoDb:DatabaseName"] = databaseName,
            })
            .Build();
        var provider = new ServiceCollection().AddSingleton(client).AddMongoStorage(configuration).BuildServiceProvider();
        return Task.FromResult(new StoreUnderTest(provider, async () =>
        {
            await client.DropDatabaseAsync(databaseName, CancellationToken.None);
            await provider.DisposeAsync();
        }));
    }
}

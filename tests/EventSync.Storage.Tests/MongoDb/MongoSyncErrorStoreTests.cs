using EventSync.Storage.MongoDb;
using EventSync.Storage.Tests.Contract;

namespace EventSync.Storage.Tests.MongoDb;

/// <summary>The store contract against a real MongoDB server; every test gets a database of its own, dropped afterwards.</summary>
public sealed class MongoSyncErrorStoreTests(MongoTestServer server) : SyncErrorStoreContract, IClassFixture<MongoTestServer>
{
    protected override Task<StoreUnderTest> CreateStoreAsync()
    {
        var client = server.Client;
        if (client is null)
        {
            Assert.Skip(MongoTestServer.SkipReason);
        }

        var databaseName = $"eventsync_test_{Guid.NewGuid():N}";
        var store = new MongoSyncErrorStore(client.GetDatabase(databaseName));
        return Task.FromResult(StoreUnderTest.Of(store, async () => await client.DropDatabaseAsync(databaseName, CancellationToken.None)));
    }
}

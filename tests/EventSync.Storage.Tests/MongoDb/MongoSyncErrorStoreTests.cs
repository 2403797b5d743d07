using EventSync.Storage.Tests.Contract;

namespace EventSync.Storage.Tests.MongoDb;

/// <summary>The store contract against a real MongoDB server; every test gets a database of its own, dropped afterwards.</summary>
public sealed class MongoSyncErrorStoreTests(MongoTestServer server) : SyncErrorStoreContract, IClassFixture<MongoTestServer>
{
    protected override Task<StoreUnderTest> CreateStoreAsync()
    {
        var (services, cleanup) = server.NewStore();
        return Task.FromResult(new StoreUnderTest(services, cleanup));
    }
}

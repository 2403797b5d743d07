using EventSync.Storage.Tests.Contract;

namespace EventSync.Storage.Tests.Sqlite;

/// <summary>The store contract on the embedded SQLite store; every test gets a data folder of its own, deleted afterwards.</summary>
public sealed class SqliteStoreContractTests : SyncErrorStoreContract
{
    protected override Task<StoreUnderTest> CreateStoreAsync()
    {
        var dataDir = new TemporaryDataDir();
        var provider = SqliteStorageProvider.For(dataDir.Path);
        return Task.FromResult(new StoreUnderTest(provider, async () =>
        {
            await provider.DisposeAsync();
            dataDir.Dispose();
        }));
    }
}

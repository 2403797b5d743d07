using EventSync.Storage.Sqlite.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EventSync.Storage.Tests.Sqlite;

/// <summary>The SQLite stores as a host registers them, on a data folder of the test's.</summary>
public static class SqliteStorageProvider
{
    public static ServiceProvider For(string dataDir) =>
        new ServiceCollection()
            .AddSqliteStorage(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["EventSync:DataDir"] = dataDir }).Build())
            .BuildServiceProvider();
}

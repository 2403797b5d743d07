using EventSync.Storage.Sqlite.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EventSync.Storage.Tests.Sqlite;

/// <summary>The SQLite stores as a host registers them, on a data folder of the test's, with any further settings given.</summary>
public static class SqliteStorageProvider
{
    public static ServiceProvider For(string dataDir, params (string Key, string Value)[] settings) =>
        new ServiceCollection()
            .AddSqliteStorage(new ConfigurationBuilder()
                .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)).Append(new("EventSync:DataDir", dataDir)))
                .Build())
            .BuildServiceProvider();
}

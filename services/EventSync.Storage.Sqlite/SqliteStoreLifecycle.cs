using EventSync.Core.Storage;
using EventSync.Storage.Sqlite.Schema;

namespace EventSync.Storage.Sqlite;

/// <summary>Start-up (the file, WAL, the schema's forward migrations) and readiness of the SQLite store.</summary>
public sealed class SqliteStoreLifecycle(SqliteStoreContext context) : IStoreLifecycle
{
    public Task InitializeAsync(CancellationToken cancellationToken) =>
        context.WriteAsync(SqliteMigrator.Migrate, cancellationToken);

    public Task PingAsync(CancellationToken cancellationToken) =>
        context.ReadAsync(session => session.Command("SELECT count(*) FROM sqlite_schema").ExecuteScalar(), cancellationToken);
}

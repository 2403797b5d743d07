namespace EventSync.Storage.Sqlite.Schema;

/// <summary>Brings a file to the newest schema at start-up, in one transaction: a crash leaves the old version whole.</summary>
internal static class SqliteMigrator
{
    /// <summary>Runs the migrations the file has not had yet; returns the version the file is at now.</summary>
    public static int Migrate(SqliteSession session)
    {
        var current = Convert.ToInt32(session.Command("PRAGMA user_version").ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        var migrations = SqliteSchema.Migrations;
        if (current > migrations.Count)
        {
            throw new InvalidOperationException(
                $"The store file is at schema version {current}, newer than this EventSync knows ({migrations.Count}): run a newer version.");
        }

        for (var version = current + 1; version <= migrations.Count; version++)
        {
            session.Execute(migrations[version - 1] + $"\nPRAGMA user_version = {version};");
        }

        return migrations.Count;
    }
}

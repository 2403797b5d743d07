using Microsoft.Data.Sqlite;

namespace EventSync.Storage.Sqlite;

/// <summary>
/// One open connection and the commands prepared on it, kept for the life of the connection so that SQLite compiles each
/// statement once. Not thread-safe: the context hands a session to one caller at a time.
/// </summary>
internal sealed class SqliteSession : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private SqliteTransaction? _transaction;

    internal SqliteSession(SqliteConnection connection)
    {
        Connection = connection;
    }

    internal SqliteConnection Connection { get; }

    /// <summary>The prepared command of <paramref name="sql"/>, its parameters unbound, in the session's transaction.</summary>
    public SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
        }

        command.Transaction = _transaction;
        return command;
    }

    /// <summary>Runs a script of several statements once (not kept prepared), in the session's transaction.</summary>
    public void Execute(string script)
    {
        using var command = Connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = script;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _transaction?.Dispose();
        Connection.Dispose();
    }

    // BEGIN IMMEDIATE: the write lock of the file is taken before anything is read, so what a write reads is what it
    // overwrites, in this process and every other one on the file.
    internal T InTransaction<T>(Func<SqliteSession, T> work)
    {
        _transaction = Connection.BeginTransaction(deferred: false);
        try
        {
            var result = work(this);
            _transaction.Commit();
            return result;
        }
        catch
        {
            _transaction.Rollback();
            throw;
        }
        finally
        {
            _transaction.Dispose();
            _transaction = null;
        }
    }
}

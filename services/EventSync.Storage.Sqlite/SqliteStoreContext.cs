using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace EventSync.Storage.Sqlite;

/// <summary>
/// What every SQLite store shares: the file <c>{DataDir}/eventsync.sqlite</c> (WAL), one writer connection whose writes
/// run one at a time, each in one transaction, and a pool of reader connections. Several processes may open the same
/// file: a write takes the file's write lock when it begins (waiting up to <see cref="SqliteStoreOptions.BusyTimeout"/>).
/// </summary>
public sealed class SqliteStoreContext : IDisposable
{
    public const string FileName = "eventsync.sqlite";

    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly ConcurrentBag<SqliteSession> _readers = [];
    private readonly Lock _openLock = new();
    private readonly string _connectionString;
    private readonly int _busyTimeoutMs;
    private SqliteSession? _writer;
    private bool _disposed;

    public SqliteStoreContext(IOptions<SqliteStoreOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        DataDir = Path.GetFullPath(options.Value.DataDir);
        FilePath = Path.Combine(DataDir, FileName);
        _busyTimeoutMs = (int)Math.Clamp(options.Value.BusyTimeout.TotalMilliseconds, 0, int.MaxValue);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            // The context keeps its connections (and their prepared statements) itself.
            Pooling = false,
            DefaultTimeout = (int)Math.Ceiling(options.Value.BusyTimeout.TotalSeconds),
        }.ToString();
    }

    public string DataDir { get; }

    public string FilePath { get; }

    public void Dispose()
    {
        lock (_openLock)
        {
            _disposed = true;
            _writer?.Dispose();
            _writer = null;
        }

        while (_readers.TryTake(out var reader))
        {
            reader.Dispose();
        }

        _writeGate.Dispose();
    }

    /// <summary>Runs <paramref name="work"/> in one write transaction, after every other write of this process.</summary>
    internal async Task<T> WriteAsync<T>(Func<SqliteSession, T> work, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Writer().InTransaction(work);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Runs <paramref name="work"/> on a reader connection: one consistent snapshot per statement.</summary>
    internal Task<T> ReadAsync<T>(Func<SqliteSession, T> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Read(work));
    }

    internal T Read<T>(Func<SqliteSession, T> work)
    {
        var reader = _readers.TryTake(out var pooled) ? pooled : Open(writer: false);
        try
        {
            return work(reader);
        }
        finally
        {
            _readers.Add(reader);
        }
    }

    private SqliteSession Writer()
    {
        lock (_openLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _writer ??= Open(writer: true);
        }
    }

    private SqliteSession Open(bool writer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        PrepareFiles();
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            var session = new SqliteSession(connection);
            SqliteTextSearch.Register(connection);
            var pragmas = $"PRAGMA busy_timeout = {_busyTimeoutMs}; PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY;";
            using var command = connection.CreateCommand();
            command.CommandText = writer ? "PRAGMA journal_mode = WAL; " + pragmas : pragmas;
            command.ExecuteNonQuery();
            return session;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    // The folder and the file are the owner's only (0700/0600); SQLite gives its -wal and -shm files the file's mode.
    private void PrepareFiles()
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(DataDir);
            return;
        }

        if (!Directory.Exists(DataDir))
        {
            Directory.CreateDirectory(DataDir, OwnerOnlyDirectory);
        }

        if (!File.Exists(FilePath))
        {
            try
            {
                using var created = new FileStream(FilePath, new FileStreamOptions
                {
                    Mode = FileMode.CreateNew,
                    Access = FileAccess.Write,
                    UnixCreateMode = OwnerOnlyFile,
                });
            }
            catch (IOException) when (File.Exists(FilePath))
            {
                // Another process created it first.
            }
        }
    }
}

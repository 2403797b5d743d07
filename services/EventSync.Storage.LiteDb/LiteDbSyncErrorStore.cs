using EventSync.Core.Storage;
using EventSync.Storage.LiteDb.Documents;
using LiteDB;
using Microsoft.Extensions.Options;

namespace EventSync.Storage.LiteDb;

/// <summary>
/// The embedded store: one LiteDB file, <c>eventsync.db</c>, under <see cref="LiteDbStoreOptions.DataDir"/>.
/// Safe for concurrent callers in one process; a lock file keeps every other process (and store) out.
/// </summary>
public sealed partial class LiteDbSyncErrorStore
    : ISyncErrorStore, ISyncErrorQueries, IAffectedRecordQueries, IUnknownErrorGroupQueries, IApiUsageStore, INotificationSettingsStore, IViewStore, IStoreLifecycle, IDisposable
{
    public const string FileName = "eventsync.db";

    private const string ErrorsCollection = "sync_errors";
    private const string UsageCollection = "api_usage";
    private const string SettingsCollection = "notification_settings";
    private const string ViewsCollection = "views";

    // LiteDB's direct mode does not keep a second writer out on Linux: this lock file does, in and across processes.
    private readonly FileStream _fileLock;
    private readonly LiteDatabase _database;
    private readonly ILiteCollection<SyncErrorDocument> _errors;
    private readonly ILiteCollection<ApiUsageDocument> _usage;
    private readonly ILiteCollection<NotificationSettingsDocument> _settings;
    private readonly ILiteCollection<ViewDocument> _views;

    // LiteDB binds a transaction to the calling thread; writers take this lock and never await inside it.
    private readonly Lock _writeLock = new();

    public LiteDbSyncErrorStore(IOptions<LiteDbStoreOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var dataDir = Path.GetFullPath(options.Value.DataDir);
        Directory.CreateDirectory(dataDir);
        FilePath = Path.Combine(dataDir, FileName);
        _fileLock = LockFile(FilePath + ".lock");
        var connection = new ConnectionString
        {
            Filename = FilePath,
            Connection = ConnectionType.Direct,
            // Ids and keys compare ordinally: tenants "Acme" and "acme" are two tenants.
            Collation = Collation.Binary,
        };
        try
        {
            _database = new LiteDatabase(connection, SyncErrorDocumentMapping.CreateMapper());
        }
        catch
        {
            _fileLock.Dispose();
            throw;
        }

        _errors = _database.GetCollection<SyncErrorDocument>(ErrorsCollection);
        _usage = _database.GetCollection<ApiUsageDocument>(UsageCollection);
        _settings = _database.GetCollection<NotificationSettingsDocument>(SettingsCollection);
        _views = _database.GetCollection<ViewDocument>(ViewsCollection);
    }

    public string FilePath { get; }

    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _errors.EnsureIndex(d => d.CardKey);
        _errors.EnsureIndex(d => d.HubSpotKey);
        _errors.EnsureIndex(d => d.SalesforceKey);
        _errors.EnsureIndex(d => d.PagingKey);
        _settings.EnsureIndex(d => d.Frequency);
        _views.EnsureIndex(d => d.ExpiresAtUtcTicks);
        EnsureDigestIndexes();
        EnsureAlertIndexes();
        InitializeResync();
        InitializeCards();
        return Task.CompletedTask;
    }

    public Task PingAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _ = _database.GetCollectionNames().Count();
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SyncErrorChange>> RecordAsync(IReadOnlyList<FailureOccurrence> occurrences, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(occurrences);
        cancellationToken.ThrowIfCancellationRequested();
        if (occurrences.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<SyncErrorChange>>([]);
        }

        // Read, apply and write under the lock in one transaction: a LiteDB transaction reads its own snapshot, so a
        // Version check inside it could not see a concurrent writer; serialising the writers is what counts both.
        lock (_writeLock)
        {
            return Task.FromResult<IReadOnlyList<SyncErrorChange>>(InTransaction(() => Record(occurrences)));
        }
    }

    public Task<int> ResolveRecordsAsync(IReadOnlyList<RecordResolution> resolutions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resolutions);
        cancellationToken.ThrowIfCancellationRequested();
        if (resolutions.Count == 0)
        {
            return Task.FromResult(0);
        }

        // One transaction for them all; each resolution reads what the ones before it wrote.
        lock (_writeLock)
        {
            return Task.FromResult(InTransaction(() => resolutions.Sum(Resolve)));
        }
    }

    public Task<SyncError?> GetAsync(string tenantId, string errorId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var document = _errors.FindById(errorId);
        return Task.FromResult(document is not null && string.Equals(document.TenantId, tenantId, StringComparison.Ordinal)
            ? SyncErrorDocumentMapping.ToError(document)
            : null);
    }

    public Task SaveUsageAsync(string tenantId, long usedLast24h, long salesforceLimit, DateTimeOffset reportedAt, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_writeLock)
        {
            InTransaction(() =>
            {
                var stored = _usage.FindById(tenantId);
                if (stored is not null && stored.ReportedAtUtcTicks > reportedAt.UtcTicks)
                {
                    return false;
                }

                // The allocation belongs to an operator, not to the engine that reports usage: keep it.
                var usage = new ApiUsage(tenantId, usedLast24h, salesforceLimit, stored?.AllocatedToHubSpot, reportedAt);
                return _usage.Upsert(SyncErrorDocumentMapping.ToDocument(usage));
            });
        }

        return Task.CompletedTask;
    }

    public Task<ApiUsage?> GetUsageAsync(string tenantId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var document = _usage.FindById(tenantId);
        return Task.FromResult(document is null ? null : SyncErrorDocumentMapping.ToUsage(document));
    }

    public Task<ApiAllocation> SetAllocationAsync(string tenantId, long allocatedToHubSpot, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_writeLock)
        {
            return Task.FromResult(InTransaction(() =>
            {
                // The reported figures belong to the engines: only the allocation changes.
                var document = _usage.FindById(tenantId) ?? new ApiUsageDocument { TenantId = tenantId };
                document.AllocatedToHubSpot = allocatedToHubSpot;
                _usage.Upsert(document);
                return SyncErrorDocumentMapping.ToAllocation(document);
            }));
        }
    }

    public void Dispose()
    {
        _database.Dispose();
        _fileLock.Dispose();
    }

    private List<SyncErrorChange> Record(IReadOnlyList<FailureOccurrence> occurrences)
    {
        var stored = Load(occurrences.Select(o => o.ErrorId));
        var current = new Dictionary<string, SyncError>(stored, StringComparer.Ordinal);
        var changes = new List<SyncErrorChange>(occurrences.Count);
        foreach (var occurrence in occurrences)
        {
            var change = SyncErrorTransitions.Apply(current.GetValueOrDefault(occurrence.ErrorId), occurrence);
            if (change is not null)
            {
                current[occurrence.ErrorId] = change.Error;
                changes.Add(change);
            }
        }

        // One bulk write of each changed error's final state, and its cards from the state read to that final state.
        var written = changes.Select(c => c.Error.Id).Distinct(StringComparer.Ordinal).Select(id => current[id]).ToList();
        _errors.Upsert(written.Select(SyncErrorDocumentMapping.ToDocument));
        CountOnCards(written.SelectMany(e => ErrorCardDelta.Between(stored.GetValueOrDefault(e.Id), e)));
        return changes;
    }

    private Dictionary<string, SyncError> Load(IEnumerable<string> errorIds)
    {
        var ids = errorIds.Distinct(StringComparer.Ordinal).Select(id => new BsonValue(id)).ToArray();
        return ids.Length == 0
            ? new Dictionary<string, SyncError>(StringComparer.Ordinal)
            : _errors.Find(Filters.In("_id", ids)).Select(SyncErrorDocumentMapping.ToError).ToDictionary(e => e.Id, StringComparer.Ordinal);
    }

    private int Resolve(RecordResolution resolution)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        var objectType = SyncErrorKeys.ObjectType(resolution.ObjectType);
        var keys = new[] { resolution.HubSpotId, resolution.SalesforceId }
            .Where(id => !string.IsNullOrWhiteSpace(id))
            .Select(id => new BsonValue(SyncErrorDocumentMapping.RecordIdKey(resolution.TenantId, objectType, id!)))
            .ToArray();
        if (keys.Length == 0)
        {
            return 0;
        }

        var resolved = _errors.Find(Filters.In("hubSpotKey", keys))
            .Concat(_errors.Find(Filters.In("salesforceKey", keys)))
            .DistinctBy(d => d.Id, StringComparer.Ordinal)
            .Select(SyncErrorDocumentMapping.ToError)
            .Where(e => IsResolvedBy(e, resolution))
            .Select(e => (Before: e, After: e with { State = SyncErrorState.Resolved, ResolvedAt = resolution.SyncedAt, Version = e.Version + 1 }))
            .ToList();
        if (resolved.Count == 0)
        {
            return 0;
        }

        CountOnCards(resolved.SelectMany(r => ErrorCardDelta.Between(r.Before, r.After)));
        return _errors.Update(resolved.Select(r => SyncErrorDocumentMapping.ToDocument(r.After)));
    }

    private static bool IsResolvedBy(SyncError error, RecordResolution resolution) =>
        error.IsCurrent
        && error.LastSeen <= resolution.SyncedAt
        && (Matches(error.HubSpotId, resolution.HubSpotId) || Matches(error.SalesforceId, resolution.SalesforceId));

    private static bool Matches(string? stored, string? resolving) =>
        stored is not null && resolving is not null && string.Equals(stored, resolving, StringComparison.Ordinal);

    private static FileStream LockFile(string path)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new IOException($"{path} is held by another EventSync process or store: the embedded store serves one process (use MongoDB for more).", e);
        }
    }

    private T InTransaction<T>(Func<T> work)
    {
        if (!_database.BeginTrans())
        {
            throw new InvalidOperationException("A LiteDB transaction is already open on this thread.");
        }

        try
        {
            var result = work();
            _database.Commit();
            return result;
        }
        catch
        {
            _database.Rollback();
            throw;
        }
    }
}

using System.Runtime.CompilerServices;
using EventSync.Core.Storage;
using EventSync.Storage.MongoDb.Documents;
using EventSync.Storage.MongoDb.Queries;
using MongoDB.Bson;
using MongoDB.Driver;

namespace EventSync.Storage.MongoDb;

/// <summary>
/// The production store: <c>sync_errors</c>, <c>api_usage</c>, <c>notification_settings</c> and <c>views</c> in one MongoDB
/// database.
/// </summary>
public sealed partial class MongoSyncErrorStore
    : ISyncErrorStore, ISyncErrorQueries, IAffectedRecordQueries, IUnknownErrorGroupQueries, IApiUsageStore, INotificationSettingsStore, IViewStore, IStoreLifecycle
{
    /// <summary>How often a batch is read, applied and written while other writers keep winning races on its errors.</summary>
    public const int MaxRecordAttempts = 10;

    /// <summary>The largest page <see cref="ListAsync"/> returns.</summary>
    public const int MaxPageSize = 1000;

    // The server's code for a unique-index violation, as command errors (findAndModify, upserts) carry it.
    private const int DuplicateKeyCode = 11000;

    /// <summary>How many errors <see cref="StreamAsync"/> reads per query.</summary>
    public const int StreamChunkSize = 500;

    private static readonly BulkWriteOptions Unordered = new() { IsOrdered = false };
    private static readonly FindOneAndUpdateOptions<SyncErrorDocument> ReturnChanged = new() { ReturnDocument = ReturnDocument.After };

    private readonly IMongoDatabase _database;
    private readonly IMongoCollection<SyncErrorDocument> _errors;
    private readonly IMongoCollection<ApiUsageDocument> _usage;
    private readonly IMongoCollection<NotificationSettingsDocument> _settings;
    private readonly IMongoCollection<ViewDocument> _views;

    public MongoSyncErrorStore(IMongoDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        MongoMappings.EnsureRegistered();
        _database = database;
        _errors = database.GetCollection<SyncErrorDocument>(MongoCollectionNames.SyncErrors);
        _usage = database.GetCollection<ApiUsageDocument>(MongoCollectionNames.ApiUsage);
        _settings = database.GetCollection<NotificationSettingsDocument>(MongoCollectionNames.NotificationSettings);
        _views = database.GetCollection<ViewDocument>(MongoCollectionNames.Views);
    }

    public async Task<IReadOnlyList<SyncErrorChange>> RecordAsync(IReadOnlyList<FailureOccurrence> occurrences, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(occurrences);
        var changes = new SyncErrorChange?[occurrences.Count];
        IReadOnlyList<int> pending = [.. Enumerable.Range(0, occurrences.Count)];
        for (var attempt = 1; pending.Count > 0; attempt++)
        {
            if (attempt > MaxRecordAttempts)
            {
                throw new InvalidOperationException(
                    $"{pending.Count} occurrence(s) could not be recorded: other writers changed the same errors {MaxRecordAttempts} times in a row.");
            }

            if (attempt > 1)
            {
                await Task.Delay(RetryDelay(attempt), cancellationToken);
            }

            pending = await RecordOnceAsync(occurrences, pending, changes, cancellationToken);
        }

        return [.. changes.OfType<SyncErrorChange>()];
    }

    public async Task<int> ResolveRecordsAsync(IReadOnlyList<RecordResolution> resolutions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resolutions);
        var resolved = 0;
        foreach (var resolution in resolutions)
        {
            resolved += await ResolveOneAsync(resolution, cancellationToken);
        }

        return resolved;
    }

    private async Task<int> ResolveOneAsync(RecordResolution resolution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        var filter = SyncErrorQueries.CurrentErrorsOfRecord(resolution);
        if (filter is null)
        {
            return 0;
        }

        // Each error resolved on the version read, so that its card delta is exact; one that changed meanwhile is read
        // again, and resolved if it still matches.
        var resolved = 0;
        for (var attempt = 1; attempt <= MaxRecordAttempts; attempt++)
        {
            var current = await _errors.Find(filter).ToListAsync(cancellationToken);
            var lost = 0;
            foreach (var before in current.Select(d => d.ToSyncError()))
            {
                var result = await _errors.UpdateOneAsync(
                    SyncErrorQueries.AsRead(before.Id, before.Version) & filter, SyncErrorQueries.Resolve(resolution.SyncedAt), cancellationToken: cancellationToken);
                if (result.ModifiedCount == 0)
                {
                    lost++;
                    continue;
                }

                resolved++;
                var after = before with { State = SyncErrorState.Resolved, ResolvedAt = resolution.SyncedAt, Version = before.Version + 1 };
                await CountOnCardsAsync(ErrorCardDelta.Between(before, after), cancellationToken);
            }

            if (lost == 0)
            {
                break;
            }
        }

        return resolved;
    }

    public async Task<SyncError?> GetAsync(string tenantId, string errorId, CancellationToken cancellationToken)
    {
        var document = await _errors.Find(SyncErrorQueries.ByTenantAndId(tenantId, errorId)).FirstOrDefaultAsync(cancellationToken);
        return document?.ToSyncError();
    }

    public async Task<ErrorPage> ListAsync(ErrorQuery query, ErrorPageCursor? after, int limit, CancellationToken cancellationToken)
    {
        ValidateQuery(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxPageSize);

        // One more than asked for tells whether a next page exists without a count.
        var documents = await ReadPageAsync(query, after, limit + 1, cancellationToken);
        var errors = documents.Take(limit).Select(d => d.ToSyncError()).ToList();
        var next = documents.Count > limit ? new ErrorPageCursor(errors[^1].LastSeen, errors[^1].Id) : null;
        return new ErrorPage(errors, next);
    }

    public IAsyncEnumerable<SyncError> StreamAsync(ErrorQuery query, CancellationToken cancellationToken)
    {
        ValidateQuery(query);
        return StreamChunksAsync(query, cancellationToken);
    }

    public async Task<IReadOnlyList<SyncError>> GetManyAsync(string tenantId, IReadOnlyCollection<string> errorIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(errorIds);
        if (errorIds.Count == 0)
        {
            return [];
        }

        var documents = await _errors.Find(SyncErrorQueries.ByTenantAndIds(tenantId, errorIds.Distinct(StringComparer.Ordinal))).ToListAsync(cancellationToken);
        return [.. documents.Select(d => d.ToSyncError())];
    }

    // Per error one FindOneAndUpdate filtered on { _id, tenantId, state: "open" }, rather than a read, a version-guarded
    // bulk write and retries for the updates that lost a race: the state condition and the change are one atomic
    // single-document operation, so no version needs to be read (the $inc raises whatever version is stored, and a
    // concurrent RecordAsync guarded by the older version loses and re-reads), nothing can be lost to a concurrent writer,
    // and the returned document is exactly the error this call changed. A person's selection is small: one round trip per id is fine.
    public async Task<IReadOnlyList<SyncError>> MarkResyncPendingAsync(string tenantId, IReadOnlyCollection<string> errorIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(errorIds);
        var changed = new List<SyncError>(errorIds.Count);
        foreach (var errorId in errorIds.Distinct(StringComparer.Ordinal))
        {
            var document = await _errors.FindOneAndUpdateAsync(
                SyncErrorQueries.OpenError(tenantId, errorId), SyncErrorQueries.MarkResyncPending(), ReturnChanged, cancellationToken);
            if (document is not null)
            {
                // The filter held the state: before the update the error was open, one version lower.
                var after = document.ToSyncError();
                changed.Add(after);
                await CountOnCardsAsync(ErrorCardDelta.Between(after with { State = SyncErrorState.Open, Version = after.Version - 1 }, after), cancellationToken);
            }
        }

        return changed;
    }

    public async Task SaveUsageAsync(string tenantId, long usedLast24h, long salesforceLimit, DateTimeOffset reportedAt, CancellationToken cancellationToken)
    {
        var olderFigures = ApiUsageQueries.HoldingOlderThan(tenantId, reportedAt);
        var report = ApiUsageQueries.Report(usedLast24h, salesforceLimit, reportedAt);
        try
        {
            await _usage.UpdateOneAsync(olderFigures, report, new UpdateOptions { IsUpsert = true }, cancellationToken);
        }
        catch (MongoWriteException e) when (e.WriteError?.Category == ServerErrorCategory.DuplicateKey)
        {
            // The tenant's document exists: either its figures are as new or newer (this report is out of date and the
            // update below changes nothing), or another first report inserted it meanwhile and this one may be newer.
            await _usage.UpdateOneAsync(olderFigures, report, cancellationToken: cancellationToken);
        }
    }

    public async Task<ApiUsage?> GetUsageAsync(string tenantId, CancellationToken cancellationToken)
    {
        var document = await _usage.Find(ApiUsageQueries.ByTenant(tenantId)).FirstOrDefaultAsync(cancellationToken);
        return document?.ToApiUsage();
    }

    public async Task<ApiAllocation> SetAllocationAsync(string tenantId, long allocatedToHubSpot, CancellationToken cancellationToken)
    {
        var options = new FindOneAndUpdateOptions<ApiUsageDocument> { IsUpsert = true, ReturnDocument = ReturnDocument.After };
        var document = await _usage.FindOneAndUpdateAsync(ApiUsageQueries.ByTenant(tenantId), ApiUsageQueries.Allocate(allocatedToHubSpot), options, cancellationToken);
        return document.ToApiAllocation();
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _errors.Indexes.CreateManyAsync(SyncErrorQueries.Indexes(), cancellationToken);
        await _settings.Indexes.CreateOneAsync(NotificationSettingsQueries.Index(), cancellationToken: cancellationToken);
        await _views.Indexes.CreateOneAsync(ViewQueries.ExpiryIndex(), cancellationToken: cancellationToken);
        await InitializeNotificationCollectionsAsync(cancellationToken);
        await InitializeResyncAsync(cancellationToken);
        await InitializeCardsAsync(cancellationToken);
    }

    public Task PingAsync(CancellationToken cancellationToken) =>
        _database.RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1), cancellationToken: cancellationToken);

    private static void ValidateQuery(ErrorQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrWhiteSpace(query.TenantId, nameof(query));
    }

    // Keyset pages rather than one long cursor: an export written to a slow client never holds a server cursor open
    // long enough to time out, and each page is a short indexed query.
    private async IAsyncEnumerable<SyncError> StreamChunksAsync(ErrorQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ErrorPageCursor? after = null;
        while (true)
        {
            var documents = await ReadPageAsync(query, after, StreamChunkSize, cancellationToken);
            foreach (var document in documents)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return document.ToSyncError();
            }

            if (documents.Count < StreamChunkSize)
            {
                yield break;
            }

            after = new ErrorPageCursor(documents[^1].LastSeen, documents[^1].Id);
        }
    }

    private Task<List<SyncErrorDocument>> ReadPageAsync(ErrorQuery query, ErrorPageCursor? after, int count, CancellationToken cancellationToken) =>
        _errors.Find(SyncErrorQueries.Page(query, after)).Sort(SyncErrorQueries.ListOrder).Limit(count).ToListAsync(cancellationToken);

    // Writers that lost to each other would collide again if they retried in step: back off, spread at random.
    private static TimeSpan RetryDelay(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(5 << attempt, 250) * (0.5 + Random.Shared.NextDouble()));

    /// <summary>One read, the transitions in input order, one bulk write; returns the occurrences whose errors lost a race.</summary>
    private async Task<IReadOnlyList<int>> RecordOnceAsync(
        IReadOnlyList<FailureOccurrence> occurrences, IReadOnlyList<int> pending, SyncErrorChange?[] changes, CancellationToken cancellationToken)
    {
        var errorIds = pending.Select(i => occurrences[i].ErrorId).Distinct(StringComparer.Ordinal).ToList();
        var stored = await _errors.Find(SyncErrorQueries.ByIds(errorIds)).ToListAsync(cancellationToken);
        var readVersions = stored.ToDictionary(d => d.Id, d => d.Version, StringComparer.Ordinal);
        var before = stored.ToDictionary(d => d.Id, d => d.ToSyncError(), StringComparer.Ordinal);
        var latest = new Dictionary<string, SyncError>(before, StringComparer.Ordinal);

        var applied = new List<(int Index, SyncErrorChange Change)>();
        foreach (var index in pending)
        {
            var occurrence = occurrences[index];
            var change = SyncErrorTransitions.Apply(latest.GetValueOrDefault(occurrence.ErrorId), occurrence);
            if (change is not null)
            {
                latest[occurrence.ErrorId] = change.Error;
                applied.Add((index, change));
            }
        }

        // One write per error: its state after the last occurrence, guarded by the version that was read.
        var written = applied.Select(a => a.Change.Error.Id).Distinct(StringComparer.Ordinal).ToList();
        var models = written.Select(id => SyncErrorQueries.Write(latest[id], readVersions.GetValueOrDefault(id))).ToList();
        var lost = models.Count == 0 ? [] : await WriteAsync(models, written, cancellationToken);

        foreach (var (index, change) in applied.Where(a => !lost.Contains(a.Change.Error.Id)))
        {
            changes[index] = change;
        }

        // A write that succeeded was conditional on the version read: that state is exactly what it replaced.
        var won = written.Where(id => !lost.Contains(id));
        await CountOnCardsAsync(won.SelectMany(id => ErrorCardDelta.Between(before.GetValueOrDefault(id), latest[id])), cancellationToken);

        return [.. pending.Where(i => lost.Contains(occurrences[i].ErrorId))];
    }

    private async Task<HashSet<string>> WriteAsync(List<ReplaceOneModel<SyncErrorDocument>> models, List<string> errorIds, CancellationToken cancellationToken)
    {
        try
        {
            await _errors.BulkWriteAsync(models, Unordered, cancellationToken);
            return [];
        }
        catch (MongoBulkWriteException<SyncErrorDocument> e)
            when (e.WriteConcernError is null && e.WriteErrors.All(w => w.Category == ServerErrorCategory.DuplicateKey))
        {
            return e.WriteErrors.Select(w => errorIds[w.Index]).ToHashSet(StringComparer.Ordinal);
        }
    }
}

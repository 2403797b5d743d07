using EventSync.Core.Storage;
using EventSync.Storage.MongoDb.Documents;
using EventSync.Storage.MongoDb.Queries;
using MongoDB.Driver;

namespace EventSync.Storage.MongoDb;

/// <summary>
/// The errors in <c>sync_errors</c> and their card counters: every write is conditional on the version (or state) read,
/// re-read and re-applied when another writer won, and counted on the cards once it succeeded.
/// </summary>
public sealed class MongoSyncErrorStore(MongoStoreContext context) : ISyncErrorStore
{
    /// <summary>How often a batch is read, applied and written while other writers keep winning races on its errors.</summary>
    public const int MaxRecordAttempts = 10;

    private static readonly BulkWriteOptions Unordered = new() { IsOrdered = false };
    private static readonly FindOneAndUpdateOptions<SyncErrorDocument> ReturnChanged = new() { ReturnDocument = ReturnDocument.After };

    public Task<IReadOnlyList<SyncErrorChange>> RecordAsync(IReadOnlyList<FailureOccurrence> occurrences, CancellationToken cancellationToken) =>
        RecordAsync(occurrences, null, cancellationToken);

    public Task<IReadOnlyList<SyncErrorChange>> RecordAnnouncedAsync(
        IReadOnlyList<FailureOccurrence> occurrences, Func<SyncErrorChange, OutboxMessage> announce, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(announce);
        return RecordAsync(occurrences, announce, cancellationToken);
    }

    private async Task<IReadOnlyList<SyncErrorChange>> RecordAsync(
        IReadOnlyList<FailureOccurrence> occurrences, Func<SyncErrorChange, OutboxMessage>? announce, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(occurrences);
        if (occurrences.Count == 0)
        {
            return [];
        }

        var changes = new SyncErrorChange?[occurrences.Count];
        IReadOnlyList<int> pending = [.. Enumerable.Range(0, occurrences.Count)];
        await MongoStoreContext.RetryAsync(
            "Occurrences could not be recorded",
            MaxRecordAttempts,
            async () =>
            {
                pending = await RecordOnceAsync(occurrences, pending, changes, announce, cancellationToken);
                return (pending.Count == 0, pending.Count);
            },
            cancellationToken);
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
            var document = await context.Errors.FindOneAndUpdateAsync(
                SyncErrorQueries.OpenError(tenantId, errorId), SyncErrorQueries.MarkResyncPending(), ReturnChanged, cancellationToken);
            if (document is not null)
            {
                // The filter held the state: before the update the error was open, one version lower (Core's transition).
                var after = document.ToSyncError();
                changed.Add(after);
                await MongoErrorCards.CountAsync(context, ErrorCardDelta.Between(after with { State = SyncErrorState.Open, Version = after.Version - 1 }, after), cancellationToken);
            }
        }

        return changed;
    }

    public Task<IReadOnlyList<ErrorCard>> GetErrorCardsAsync(string tenantId, CancellationToken cancellationToken) =>
        MongoErrorCards.ReadAsync(context, tenantId, cancellationToken);

    public async Task<SyncError?> GetAsync(string tenantId, string errorId, CancellationToken cancellationToken)
    {
        var document = await context.Errors.Find(SyncErrorQueries.ByTenantAndId(tenantId, errorId)).FirstOrDefaultAsync(cancellationToken);
        return document?.ToSyncError();
    }

    // Each error resolved on the version read, so that its card delta is exact; one that changed meanwhile is read again,
    // and resolved if it still matches.
    private async Task<int> ResolveOneAsync(RecordResolution resolution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        if (SyncErrorQueries.CurrentErrorsOfRecord(resolution) is not { } filter)
        {
            return 0;
        }

        var resolved = 0;
        await MongoStoreContext.RetryAsync(
            $"The errors of a record of {resolution.TenantId} could not be resolved",
            MaxRecordAttempts,
            async () =>
            {
                var lost = 0;
                foreach (var before in (await context.Errors.Find(filter).ToListAsync(cancellationToken)).Select(d => d.ToSyncError()))
                {
                    if (SyncErrorTransitions.Resolve(before, resolution) is not { } after)
                    {
                        continue;
                    }

                    var result = await context.Errors.UpdateOneAsync(
                        SyncErrorQueries.AsRead(before.Id, before.Version) & filter, SyncErrorQueries.Resolve(resolution.SyncedAt), cancellationToken: cancellationToken);
                    if (result.ModifiedCount == 0)
                    {
                        lost++;
                        continue;
                    }

                    resolved++;
                    await MongoErrorCards.CountAsync(context, ErrorCardDelta.Between(before, after), cancellationToken);
                }

                return (lost == 0, resolved);
            },
            cancellationToken);
        return resolved;
    }

    /// <summary>
    /// One read, the transitions in input order, one bulk write (each error with its announcements, when
    /// <paramref name="announce"/> is given); returns the occurrences whose errors lost a race.
    /// </summary>
    private async Task<IReadOnlyList<int>> RecordOnceAsync(
        IReadOnlyList<FailureOccurrence> occurrences,
        IReadOnlyList<int> pending,
        SyncErrorChange?[] changes,
        Func<SyncErrorChange, OutboxMessage>? announce,
        CancellationToken cancellationToken)
    {
        var errorIds = pending.Select(i => occurrences[i].ErrorId).Distinct(StringComparer.Ordinal).ToList();
        var stored = await context.Errors.Find(SyncErrorQueries.ByIds(errorIds)).ToListAsync(cancellationToken);
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
        var storedById = stored.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var queued = applied.Where(_ => announce is not null).ToLookup(a => a.Change.Error.Id, a => announce!(a.Change), StringComparer.Ordinal);
        var models = written
            .Select(id => SyncErrorQueries.Write(latest[id], readVersions.GetValueOrDefault(id), storedById.GetValueOrDefault(id), [.. queued[id]]))
            .ToList();
        var lost = models.Count == 0 ? [] : await WriteAsync(models, written, cancellationToken);

        foreach (var (index, change) in applied.Where(a => !lost.Contains(a.Change.Error.Id)))
        {
            changes[index] = change;
        }

        // A write that succeeded was conditional on the version read: that state is exactly what it replaced.
        var won = written.Where(id => !lost.Contains(id));
        await MongoErrorCards.CountAsync(context, won.SelectMany(id => ErrorCardDelta.Between(before.GetValueOrDefault(id), latest[id])), cancellationToken);

        return [.. pending.Where(i => lost.Contains(occurrences[i].ErrorId))];
    }

    private async Task<HashSet<string>> WriteAsync(List<ReplaceOneModel<SyncErrorDocument>> models, List<string> errorIds, CancellationToken cancellationToken)
    {
        try
        {
            await context.Errors.BulkWriteAsync(models, Unordered, cancellationToken);
            return [];
        }
        catch (MongoBulkWriteException<SyncErrorDocument> e)
            when (e.WriteConcernError is null && e.WriteErrors.All(w => w.Category == ServerErrorCategory.DuplicateKey))
        {
            return e.WriteErrors.Select(w => errorIds[w.Index]).ToHashSet(StringComparer.Ordinal);
        }
    }
}

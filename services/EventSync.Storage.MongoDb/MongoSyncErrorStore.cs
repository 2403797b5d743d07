using EventSync.Core.Errors;
using EventSync.Core.Storage;
using EventSync.Storage.MongoDb.Documents;
using EventSync.Storage.MongoDb.Queries;
using MongoDB.Driver;

namespace EventSync.Storage.MongoDb;

/// <summary>
/// The errors in <c>sync_errors</c> and their card counters: every write of errors and the counter changes it makes are one
/// transaction (committed together or not at all); a write conditional on the version (or state) read that lost to
/// another writer makes the transaction run again from the read.
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

        return await context.AtomicallyAsync(
            "Occurrences could not be recorded",
            MaxRecordAttempts,
            (session, ct) => RecordOnceAsync(session, occurrences, announce, ct),
            cancellationToken);
    }

    public Task<int> ResolveRecordsAsync(IReadOnlyList<RecordResolution> resolutions, CancellationToken cancellationToken) =>
        ResolveAsync(resolutions, announce: null, cancellationToken);

    public Task<int> ResolveRecordsAnnouncedAsync(
        IReadOnlyList<RecordResolution> resolutions, Func<SyncError, OutboxMessage> announce, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(announce);
        return ResolveAsync(resolutions, announce, cancellationToken);
    }

    private async Task<int> ResolveAsync(IReadOnlyList<RecordResolution> resolutions, Func<SyncError, OutboxMessage>? announce, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resolutions);
        var resolved = 0;
        foreach (var resolution in resolutions)
        {
            ArgumentNullException.ThrowIfNull(resolution);
            if (SyncErrorQueries.CurrentErrorsOfRecord(resolution) is { } filter)
            {
                resolved += await context.AtomicallyAsync(
                    $"The errors of a record of {resolution.TenantId} could not be resolved",
                    MaxRecordAttempts,
                    (session, ct) => ResolveOnceAsync(session, resolution, filter, announce, ct),
                    cancellationToken);
            }
        }

        return resolved;
    }

    // Per error one FindOneAndUpdate filtered on { _id, tenantId, state: "open" }: the state condition and the change are one
    // atomic single-document operation, so no version needs to be read, and the returned document is exactly the error this
    // call changed. All of them and their counters are one transaction. A person's selection is small: one round trip per id is fine.
    public Task<IReadOnlyList<SyncError>> MarkResyncPendingAsync(string tenantId, IReadOnlyCollection<string> errorIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(errorIds);
        if (errorIds.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<SyncError>>([]);
        }

        return context.AtomicallyAsync<IReadOnlyList<SyncError>>(
            $"Errors of {tenantId} could not be marked resync-pending",
            MaxRecordAttempts,
            async (session, ct) =>
            {
                var changed = new List<SyncError>(errorIds.Count);
                foreach (var errorId in errorIds.Distinct(StringComparer.Ordinal))
                {
                    var document = await context.Errors.FindOneAndUpdateAsync(
                        session, SyncErrorQueries.OpenError(tenantId, errorId), SyncErrorQueries.MarkResyncPending(), ReturnChanged, ct);
                    if (document is not null)
                    {
                        changed.Add(document.ToSyncError());
                    }
                }

                // The filter held the state: before the update each was open, one version lower (Core's transition).
                await MongoErrorCards.CountAsync(
                    context, session, changed.SelectMany(after => ErrorCardDelta.Between(after with { State = SyncErrorState.Open, Version = after.Version - 1 }, after)), ct);
                return changed;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<SyncError>> IgnoreAsync(string tenantId, IReadOnlyCollection<string> errorIds, ErrorIgnore ignore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ignore);
        return ChangeEachAsync($"Errors of {tenantId} could not be ignored", tenantId, errorIds, e => SyncErrorTransitions.Ignore(e, ignore), cancellationToken);
    }

    public Task<IReadOnlyList<SyncError>> RestoreAsync(string tenantId, IReadOnlyCollection<string> errorIds, CancellationToken cancellationToken) =>
        ChangeEachAsync($"Errors of {tenantId} could not be restored", tenantId, errorIds, SyncErrorTransitions.Restore, cancellationToken);

    public Task<IReadOnlyList<SyncError>> AssignAsync(string tenantId, IReadOnlyCollection<string> errorIds, string? assignee, CancellationToken cancellationToken) =>
        ChangeEachAsync($"Errors of {tenantId} could not be assigned", tenantId, errorIds, e => SyncErrorTransitions.Assign(e, assignee), cancellationToken);

    public async Task<SyncError?> AddNoteAsync(string tenantId, string errorId, ErrorNote note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(note);
        var changed = await ChangeEachAsync($"A note on an error of {tenantId} could not be added", tenantId, [errorId], e => SyncErrorTransitions.AddNote(e, note), cancellationToken);
        return changed.Count == 0 ? null : changed[0];
    }

    public Task<IReadOnlyList<SyncErrorChange>> ReopenDueIgnoredAsync(
        DateTimeOffset now, int limit, Func<SyncErrorChange, OutboxMessage> announce, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(announce);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return context.AtomicallyAsync<IReadOnlyList<SyncErrorChange>>(
            "Ignored errors could not be reopened",
            MaxRecordAttempts,
            async (session, ct) =>
            {
                var due = await context.Errors.Find(session, SyncErrorQueries.IgnoredDue(now)).Sort(SyncErrorQueries.IgnoredDueOrder).Limit(limit).ToListAsync(ct);
                var changes = due
                    .Select(d => (Stored: d, Change: SyncErrorTransitions.ReopenIfDue(d.ToSyncError(), now)))
                    .Where(w => w.Change is not null)
                    .Select(w => (w.Stored, Change: w.Change!))
                    .ToList();
                await WriteGuardedAsync(
                    session, changes.Select(w => SyncErrorQueries.Write(w.Change.Error, w.Change.PreviousVersion, w.Stored, [announce(w.Change)])).ToList(), ct);
                await MongoErrorCards.CountAsync(context, session, changes.SelectMany(w => ErrorCardDelta.Between(w.Stored.ToSyncError(), w.Change.Error)), ct);
                return [.. changes.Select(w => w.Change)];
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<ErrorCard>> GetErrorCardsAsync(string tenantId, CancellationToken cancellationToken) =>
        MongoErrorCards.ReadAsync(context, tenantId, cancellationToken);

    public async Task<SyncError?> GetAsync(string tenantId, string errorId, CancellationToken cancellationToken)
    {
        var document = await context.Errors.Find(SyncErrorQueries.ByTenantAndId(tenantId, errorId)).FirstOrDefaultAsync(cancellationToken);
        return document?.ToSyncError();
    }

    // The tenant's errors with these ids read in the transaction, changed by Core's transition and each written back on the
    // version read, with their counters; the errors the transition leaves alone are not written.
    private Task<IReadOnlyList<SyncError>> ChangeEachAsync(
        string failure, string tenantId, IReadOnlyCollection<string> errorIds, Func<SyncError, SyncError?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(errorIds);
        if (errorIds.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<SyncError>>([]);
        }

        return context.AtomicallyAsync<IReadOnlyList<SyncError>>(
            failure,
            MaxRecordAttempts,
            async (session, ct) =>
            {
                var stored = await context.Errors.Find(session, SyncErrorQueries.ByTenantAndIds(tenantId, errorIds.Distinct(StringComparer.Ordinal))).ToListAsync(ct);
                var changed = stored
                    .Select(d => (Stored: d, Before: d.ToSyncError()))
                    .Select(w => (w.Stored, w.Before, After: change(w.Before)))
                    .Where(w => w.After is not null)
                    .Select(w => (w.Stored, w.Before, After: w.After!))
                    .ToList();
                await WriteGuardedAsync(session, changed.Select(w => SyncErrorQueries.Write(w.After, w.Before.Version, w.Stored, [])).ToList(), ct);
                await MongoErrorCards.CountAsync(context, session, changed.SelectMany(w => ErrorCardDelta.Between(w.Before, w.After)), ct);
                return [.. changed.Select(w => w.After)];
            },
            cancellationToken);
    }

    // Replacements guarded by the version read: one that matched nothing lost a race, and the transaction runs again.
    private async Task WriteGuardedAsync(IClientSessionHandle session, List<ReplaceOneModel<SyncErrorDocument>> models, CancellationToken cancellationToken)
    {
        if (models.Count == 0)
        {
            return;
        }

        foreach (var model in models)
        {
            model.IsUpsert = false;
        }

        var result = await context.Errors.BulkWriteAsync(session, models, Unordered, cancellationToken);
        if (result.MatchedCount != models.Count)
        {
            throw new LostWriteRaceException();
        }
    }

    // Each error resolved on the version read in the transaction's snapshot, so that its card delta is exact.
    private async Task<int> ResolveOnceAsync(
        IClientSessionHandle session,
        RecordResolution resolution,
        FilterDefinition<SyncErrorDocument> filter,
        Func<SyncError, OutboxMessage>? announce,
        CancellationToken cancellationToken)
    {
        var deltas = new List<ErrorCardDelta>();
        var resolved = 0;
        foreach (var before in (await context.Errors.Find(session, filter).ToListAsync(cancellationToken)).Select(d => d.ToSyncError()))
        {
            if (SyncErrorTransitions.Resolve(before, resolution) is not { } after)
            {
                continue;
            }

            var update = SyncErrorQueries.Resolve(resolution.SyncedAt);
            if (announce is not null)
            {
                update = update.Push(d => d.Outbox, OutboxEntryDocument.From(announce(after)));
            }

            var result = await context.Errors.UpdateOneAsync(
                session, SyncErrorQueries.AsRead(before.Id, before.Version) & filter, update, cancellationToken: cancellationToken);
            if (result.ModifiedCount == 0)
            {
                throw new LostWriteRaceException();
            }

            resolved++;
            deltas.AddRange(ErrorCardDelta.Between(before, after));
        }

        await MongoErrorCards.CountAsync(context, session, deltas, cancellationToken);
        return resolved;
    }

    /// <summary>
    /// One read, the transitions in input order, one bulk write (each error with its announcements, when
    /// <paramref name="announce"/> is given) and the counters, all in <paramref name="session"/>'s transaction.
    /// </summary>
    private async Task<IReadOnlyList<SyncErrorChange>> RecordOnceAsync(
        IClientSessionHandle session,
        IReadOnlyList<FailureOccurrence> occurrences,
        Func<SyncErrorChange, OutboxMessage>? announce,
        CancellationToken cancellationToken)
    {
        var errorIds = occurrences.Select(o => o.ErrorId).Distinct(StringComparer.Ordinal).ToList();
        var stored = await context.Errors.Find(session, SyncErrorQueries.ByIds(errorIds)).ToListAsync(cancellationToken);
        var before = stored.ToDictionary(d => d.Id, d => d.ToSyncError(), StringComparer.Ordinal);
        var latest = new Dictionary<string, SyncError>(before, StringComparer.Ordinal);

        var changes = new List<SyncErrorChange>(occurrences.Count);
        foreach (var occurrence in occurrences)
        {
            if (SyncErrorTransitions.Apply(latest.GetValueOrDefault(occurrence.ErrorId), occurrence) is { } change)
            {
                latest[occurrence.ErrorId] = change.Error;
                changes.Add(change);
            }
        }

        // One write per error: its state after the last occurrence, guarded by the version that was read.
        var written = changes.Select(c => c.Error.Id).Distinct(StringComparer.Ordinal).ToList();
        if (written.Count == 0)
        {
            return changes;
        }

        var storedById = stored.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var queued = changes.Where(_ => announce is not null).ToLookup(c => c.Error.Id, c => announce!(c), StringComparer.Ordinal);
        var models = written
            .Select(id => SyncErrorQueries.Write(latest[id], before.GetValueOrDefault(id)?.Version ?? 0, storedById.GetValueOrDefault(id), [.. queued[id]]))
            .ToList();
        var result = await context.Errors.BulkWriteAsync(session, models, Unordered, cancellationToken);
        if (result.MatchedCount + result.Upserts.Count != models.Count)
        {
            throw new LostWriteRaceException();
        }

        await MongoErrorCards.CountAsync(context, session, written.SelectMany(id => ErrorCardDelta.Between(before.GetValueOrDefault(id), latest[id])), cancellationToken);
        return changes;
    }
}

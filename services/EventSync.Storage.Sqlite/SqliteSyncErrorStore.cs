using EventSync.Core.Errors;
using EventSync.Core.Storage;
using EventSync.Storage.Sqlite.Rows;

namespace EventSync.Storage.Sqlite;

/// <summary>
/// The errors and their card counters in <c>sync_errors</c>, <c>error_card_counts</c> and <c>error_card_records</c>; the
/// announcements of a recording in <c>outbox</c>, in the same transaction.
/// </summary>
public sealed class SqliteSyncErrorStore(SqliteStoreContext context) : ISyncErrorStore
{
    private const string UnresolvedByHubSpotId = """
        SELECT body FROM sync_errors WHERE tenant_id = @tenant AND object_type = @objectType AND hubspot_id = @id AND state <> 2
        """;

    private const string UnresolvedBySalesforceId = """
        SELECT body FROM sync_errors WHERE tenant_id = @tenant AND object_type = @objectType AND salesforce_id = @id AND state <> 2
        """;

    private const string IgnoredDue = """
        SELECT body FROM sync_errors WHERE state = 3 AND ignored_until IS NOT NULL AND ignored_until <= @now ORDER BY ignored_until, id LIMIT @limit
        """;

    public Task<IReadOnlyList<SyncErrorChange>> RecordAsync(IReadOnlyList<FailureOccurrence> occurrences, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(occurrences);
        return occurrences.Count == 0
            ? Task.FromResult<IReadOnlyList<SyncErrorChange>>([])
            : context.WriteAsync<IReadOnlyList<SyncErrorChange>>(session => Record(session, occurrences), cancellationToken);
    }

    public Task<IReadOnlyList<SyncErrorChange>> RecordAnnouncedAsync(
        IReadOnlyList<FailureOccurrence> occurrences, Func<SyncErrorChange, OutboxMessage> announce, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(occurrences);
        ArgumentNullException.ThrowIfNull(announce);
        return occurrences.Count == 0
            ? Task.FromResult<IReadOnlyList<SyncErrorChange>>([])
            : context.WriteAsync<IReadOnlyList<SyncErrorChange>>(
                session =>
                {
                    var changes = Record(session, occurrences);
                    OutboxRows.Queue(session, changes.Select(announce));
                    return changes;
                },
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

    public Task<IReadOnlyList<SyncError>> MarkResyncPendingAsync(string tenantId, IReadOnlyCollection<string> errorIds, CancellationToken cancellationToken) =>
        ChangeEachAsync(tenantId, errorIds, SyncErrorTransitions.MarkResyncPending, cancellationToken);

    public Task<IReadOnlyList<SyncError>> IgnoreAsync(string tenantId, IReadOnlyCollection<string> errorIds, ErrorIgnore ignore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ignore);
        return ChangeEachAsync(tenantId, errorIds, e => SyncErrorTransitions.Ignore(e, ignore), cancellationToken);
    }

    public Task<IReadOnlyList<SyncError>> RestoreAsync(string tenantId, IReadOnlyCollection<string> errorIds, CancellationToken cancellationToken) =>
        ChangeEachAsync(tenantId, errorIds, SyncErrorTransitions.Restore, cancellationToken);

    public Task<IReadOnlyList<SyncError>> AssignAsync(string tenantId, IReadOnlyCollection<string> errorIds, string? assignee, CancellationToken cancellationToken) =>
        ChangeEachAsync(tenantId, errorIds, e => SyncErrorTransitions.Assign(e, assignee), cancellationToken);

    public async Task<SyncError?> AddNoteAsync(string tenantId, string errorId, ErrorNote note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(note);
        var changed = await ChangeEachAsync(tenantId, [errorId], e => SyncErrorTransitions.AddNote(e, note), cancellationToken);
        return changed.Count == 0 ? null : changed[0];
    }

    public Task<IReadOnlyList<SyncErrorChange>> ReopenDueIgnoredAsync(
        DateTimeOffset now, int limit, Func<SyncErrorChange, OutboxMessage> announce, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(announce);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return context.WriteAsync<IReadOnlyList<SyncErrorChange>>(
            session =>
            {
                var changes = session.Command(IgnoredDue)
                    .With("@now", now.UtcTicks)
                    .With("@limit", limit)
                    .ReadAll(r => SyncErrorRows.Read(r.GetString(0)))
                    .Select(e => (Before: e, Change: SyncErrorTransitions.ReopenIfDue(e, now)))
                    .Where(w => w.Change is not null)
                    .ToList();
                SyncErrorRows.Write(session, changes.Select(w => ((SyncError?)w.Before, w.Change!.Error)));
                OutboxRows.Queue(session, changes.Select(w => announce(w.Change!)));
                return [.. changes.Select(w => w.Change!)];
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<ErrorCard>> GetErrorCardsAsync(string tenantId, CancellationToken cancellationToken) =>
        context.ReadAsync(session => ErrorCardCounters.Read(session, tenantId), cancellationToken);

    public Task<SyncError?> GetAsync(string tenantId, string errorId, CancellationToken cancellationToken) =>
        context.ReadAsync(
            session => SyncErrorRows.Find(session, errorId) is { } error && string.Equals(error.TenantId, tenantId, StringComparison.Ordinal) ? error : null,
            cancellationToken);

    // The tenant's errors with these ids read, changed and written in one transaction; those the change leaves alone are left out.
    private Task<IReadOnlyList<SyncError>> ChangeEachAsync(
        string tenantId, IReadOnlyCollection<string> errorIds, Func<SyncError, SyncError?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(errorIds);
        if (errorIds.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<SyncError>>([]);
        }

        return context.WriteAsync<IReadOnlyList<SyncError>>(
            session =>
            {
                var changed = SyncErrorRows.OfTenant(session, tenantId, errorIds)
                    .Select(e => (Before: (SyncError?)e, After: change(e)))
                    .Where(w => w.After is not null)
                    .Select(w => (w.Before, After: w.After!))
                    .ToList();
                SyncErrorRows.Write(session, changed);
                return [.. changed.Select(w => w.After)];
            },
            cancellationToken);
    }

    // Read, apply and write in one transaction that holds the file's write lock: an event is counted once, whoever else
    // writes the same errors, in this process or another.
    private static List<SyncErrorChange> Record(SqliteSession session, IReadOnlyList<FailureOccurrence> occurrences)
    {
        var stored = SyncErrorRows.Load(session, occurrences.Select(o => o.ErrorId));
        var current = new Dictionary<string, SyncError>(stored, StringComparer.Ordinal);
        var changes = new List<SyncErrorChange>(occurrences.Count);
        foreach (var occurrence in occurrences)
        {
            if (SyncErrorTransitions.Apply(current.GetValueOrDefault(occurrence.ErrorId), occurrence) is { } change)
            {
                current[occurrence.ErrorId] = change.Error;
                changes.Add(change);
            }
        }

        // Each changed error is written once, in its final state.
        SyncErrorRows.Write(session, changes
            .Select(c => c.Error.Id)
            .Distinct(StringComparer.Ordinal)
            .Select(id => (stored.GetValueOrDefault(id), current[id])));
        return changes;
    }

    // One transaction for them all; each resolution reads what the ones before it wrote.
    private Task<int> ResolveAsync(IReadOnlyList<RecordResolution> resolutions, Func<SyncError, OutboxMessage>? announce, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resolutions);
        return resolutions.Count == 0
            ? Task.FromResult(0)
            : context.WriteAsync(session => Resolve(session, resolutions, announce), cancellationToken);
    }

    private static int Resolve(SqliteSession session, IReadOnlyList<RecordResolution> resolutions, Func<SyncError, OutboxMessage>? announce)
    {
        var resolved = 0;
        foreach (var resolution in resolutions)
        {
            ArgumentNullException.ThrowIfNull(resolution);
            var objectType = SyncErrorKeys.ObjectType(resolution.ObjectType);
            var candidates = UnresolvedOf(session, UnresolvedByHubSpotId, resolution.TenantId, objectType, resolution.HubSpotId)
                .Concat(UnresolvedOf(session, UnresolvedBySalesforceId, resolution.TenantId, objectType, resolution.SalesforceId))
                .DistinctBy(e => e.Id, StringComparer.Ordinal)
                .ToList();
            var writes = candidates
                .Select(e => (Before: (SyncError?)e, After: SyncErrorTransitions.Resolve(e, resolution)))
                .Where(w => w.After is not null)
                .Select(w => (w.Before, After: w.After!))
                .ToList();
            SyncErrorRows.Write(session, writes);
            if (announce is not null)
            {
                OutboxRows.Queue(session, writes.Select(w => announce(w.After)));
            }

            resolved += writes.Count;
        }

        return resolved;
    }

    private static List<SyncError> UnresolvedOf(SqliteSession session, string sql, string tenantId, string objectType, string? recordId) =>
        string.IsNullOrWhiteSpace(recordId)
            ? []
            : session.Command(sql)
                .With("@tenant", tenantId)
                .With("@objectType", objectType)
                .With("@id", recordId)
                .ReadAll(r => SyncErrorRows.Read(r.GetString(0)));
}

using EventSync.Core.Storage;

namespace EventSync.Core.Errors;

/// <summary>Where classified errors live. Implementations pass the shared store contract tests.</summary>
public interface ISyncErrorStore
{
    /// <summary>
    /// Records occurrences in one go (bulk) and returns what changed, in input order. Occurrences of events already
    /// counted change nothing and are left out of the result, so a redelivered batch is harmless.
    /// </summary>
    Task<IReadOnlyList<SyncErrorChange>> RecordAsync(IReadOnlyList<FailureOccurrence> occurrences, CancellationToken cancellationToken);

    /// <summary>
    /// Records like <see cref="RecordAsync"/> and, in the same write, queues <paramref name="announce"/>'s message for each
    /// change in the outbox (<see cref="IOutboxStore"/>): the changes and their announcements are stored together or not at all.
    /// </summary>
    Task<IReadOnlyList<SyncErrorChange>> RecordAnnouncedAsync(
        IReadOnlyList<FailureOccurrence> occurrences, Func<SyncErrorChange, OutboxMessage> announce, CancellationToken cancellationToken);

    /// <summary>
    /// Resolves each record's current errors last seen before it synced, in the order given and in one write where the
    /// store can; returns how many errors were resolved.
    /// </summary>
    Task<int> ResolveRecordsAsync(IReadOnlyList<RecordResolution> resolutions, CancellationToken cancellationToken);

    /// <summary>
    /// Resolves like <see cref="ResolveRecordsAsync"/> and, in the same write, queues <paramref name="announce"/>'s message
    /// for each resolved error (as it is after the change) in the outbox.
    /// </summary>
    Task<int> ResolveRecordsAnnouncedAsync(
        IReadOnlyList<RecordResolution> resolutions, Func<SyncError, OutboxMessage> announce, CancellationToken cancellationToken);

    /// <summary>
    /// Moves the tenant's current errors with these ids to resync-pending (Version+1); resolved or unknown ids are left
    /// alone. Returns the errors that changed.
    /// </summary>
    Task<IReadOnlyList<SyncError>> MarkResyncPendingAsync(string tenantId, IReadOnlyCollection<string> errorIds, CancellationToken cancellationToken);

    /// <summary>
    /// Ignores the tenant's errors with these ids as <paramref name="ignore"/> says (<see cref="SyncErrorTransitions.Ignore"/>);
    /// resolved or unknown ids are left alone. Returns the errors that changed.
    /// </summary>
    Task<IReadOnlyList<SyncError>> IgnoreAsync(string tenantId, IReadOnlyCollection<string> errorIds, ErrorIgnore ignore, CancellationToken cancellationToken);

    /// <summary>Moves the tenant's ignored errors with these ids back to open; others are left alone. Returns the errors that changed.</summary>
    Task<IReadOnlyList<SyncError>> RestoreAsync(string tenantId, IReadOnlyCollection<string> errorIds, CancellationToken cancellationToken);

    /// <summary>Assigns the tenant's errors with these ids to <paramref name="assignee"/> (null: to nobody). Returns the errors that changed.</summary>
    Task<IReadOnlyList<SyncError>> AssignAsync(string tenantId, IReadOnlyCollection<string> errorIds, string? assignee, CancellationToken cancellationToken);

    /// <summary>Adds <paramref name="note"/> to the tenant's error; null when the tenant has no error with that id.</summary>
    Task<SyncError?> AddNoteAsync(string tenantId, string errorId, ErrorNote note, CancellationToken cancellationToken);

    /// <summary>
    /// Reopens up to <paramref name="limit"/> ignored errors, of any tenant, whose date came by <paramref name="now"/>, and
    /// queues <paramref name="announce"/>'s message for each in the outbox in the same write. Returns the changes.
    /// </summary>
    Task<IReadOnlyList<SyncErrorChange>> ReopenDueIgnoredAsync(
        DateTimeOffset now, int limit, Func<SyncErrorChange, OutboxMessage> announce, CancellationToken cancellationToken);

    /// <summary>One card per error type with current errors, transient ones left out unless surfaced, largest impact first.</summary>
    Task<IReadOnlyList<ErrorCard>> GetErrorCardsAsync(string tenantId, CancellationToken cancellationToken);

    Task<SyncError?> GetAsync(string tenantId, string errorId, CancellationToken cancellationToken);
}

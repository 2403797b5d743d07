using EventSync.Core.Errors;
using EventSync.Core.Storage;

namespace EventSync.Core.Resync;

/// <summary>How often each transient error failed since it was last resolved. Implementations pass the shared store contract tests.</summary>
public interface ITransientRetryStore
{
    /// <summary>
    /// Counts the failure of event <paramref name="eventId"/> once (a redelivered event is not counted again) and
    /// returns how many failures of the error are counted now.
    /// </summary>
    Task<int> CountFailureAsync(string tenantId, string errorId, string eventId, CancellationToken cancellationToken);

    /// <summary>Forgets the failures of these errors (their record synced): a later failure starts again at one.</summary>
    Task ResetAsync(string tenantId, IReadOnlyCollection<string> errorIds, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the tenant's error as surfaced at <paramref name="at"/> (kept if it already was) so that it shows as an
    /// ordinary open error, and queues <paramref name="announce"/>(the surfaced error) in the outbox in the same write,
    /// only when this call surfaced it; returns the error, or null when it is unknown.
    /// </summary>
    Task<SyncError?> SurfaceAsync(string tenantId, string errorId, DateTimeOffset at, Func<SyncError, OutboxMessage> announce, CancellationToken cancellationToken);
}

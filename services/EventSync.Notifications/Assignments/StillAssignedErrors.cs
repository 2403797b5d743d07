using EventSync.Core.Errors;

namespace EventSync.Notifications.Assignments;

/// <summary>
/// What an assignment email lists: the errors that still need fixing (open or resync-pending) and are still assigned to
/// the assignee, compared as the store compares assignees (ordinal). Errors resolved, ignored or given to someone else
/// since the assignment are left out.
/// </summary>
internal static class StillAssignedErrors
{
    public static List<SyncError> Of(IEnumerable<SyncError> errors, string assignee) =>
        [.. errors.Where(e => e.IsCurrent && string.Equals(e.Assignee, assignee, StringComparison.Ordinal))];
}

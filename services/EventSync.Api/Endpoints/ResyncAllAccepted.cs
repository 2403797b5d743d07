namespace EventSync.Api.Endpoints;

/// <summary>
/// What a resync of all matching errors requested: one request per <see cref="RequestIds"/> entry (at most 100 errors
/// each, in the order they were queued), <see cref="Errors"/> errors moved to resync-pending in all, and
/// <see cref="AlreadyPending"/> that another request had moved since they were listed.
/// </summary>
internal sealed record ResyncAllAccepted(IReadOnlyList<string> RequestIds, int Errors, int AlreadyPending);

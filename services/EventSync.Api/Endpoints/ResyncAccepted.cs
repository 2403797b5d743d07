namespace EventSync.Api.Endpoints;

/// <summary>
/// What became of a resync request: <see cref="Accepted"/> moved to resync-pending (and were sent to the engines),
/// <see cref="AlreadyPending"/> were waiting for a resync already, <see cref="NotResyncable"/> are resolved or ignored.
/// <see cref="RequestId"/> names the recorded request; null when nothing was accepted, so nothing was requested.
/// </summary>
internal sealed record ResyncAccepted(string? RequestId, IReadOnlyList<string> Accepted, IReadOnlyList<string> AlreadyPending, IReadOnlyList<string> NotResyncable);

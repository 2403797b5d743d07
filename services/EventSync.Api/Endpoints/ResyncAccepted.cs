namespace EventSync.Api.Endpoints;

/// <summary>
/// What became of a resync request: <see cref="Accepted"/> moved to resync-pending (and were sent to the engines),
/// <see cref="AlreadyPending"/> were waiting for a resync already, <see cref="NotResyncable"/> are resolved.
/// </summary>
internal sealed record ResyncAccepted(string RequestId, IReadOnlyList<string> Accepted, IReadOnlyList<string> AlreadyPending, IReadOnlyList<string> NotResyncable);

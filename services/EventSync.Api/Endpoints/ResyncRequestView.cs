namespace EventSync.Api.Endpoints;

/// <summary>
/// The progress of a resync request: <see cref="Outcome"/> is <c>in-progress</c> while a part waits or is out, then
/// <c>completed</c> or <c>failed</c>; <see cref="Counts"/> holds the number of parts in each state.
/// </summary>
internal sealed record ResyncRequestView(
    string RequestId,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    string Kind,
    string Outcome,
    IReadOnlyDictionary<string, int> Counts,
    IReadOnlyList<string> SkippedErrorIds,
    IReadOnlyList<ResyncPartView> Parts);

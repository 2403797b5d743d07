namespace EventSync.Api.Endpoints;

/// <summary>
/// How far several resync requests got together (those of one resync of all matching errors): <see cref="Outcome"/> is
/// <c>in-progress</c> while one of them is, <see cref="Counts"/> adds their records by state, <see cref="Deferred"/> says
/// why records wait and when the first is expected to go. Ids the tenant has no request for are in
/// <see cref="UnknownRequestIds"/>.
/// </summary>
internal sealed record ResyncProgressView(
    IReadOnlyList<string> RequestIds,
    IReadOnlyList<string> UnknownRequestIds,
    string Outcome,
    IReadOnlyDictionary<string, int> Counts,
    int Errors,
    IReadOnlyList<ResyncDeferralView> Deferred);

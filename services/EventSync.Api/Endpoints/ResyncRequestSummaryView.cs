namespace EventSync.Api.Endpoints;

/// <summary>
/// One resync request in the tenant's list: who asked and when, how far it got (<see cref="Outcome"/>, parts by state in
/// <see cref="Counts"/>), how many errors it covers, and where its records' progress is (<see cref="Href"/>).
/// </summary>
internal sealed record ResyncRequestSummaryView(
    string RequestId,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    string Kind,
    string Outcome,
    IReadOnlyDictionary<string, int> Counts,
    int Errors,
    string Href);

namespace EventSync.Api.Endpoints;

/// <summary>One page of the tenant's resync requests, newest first; <see cref="Next"/> is the next page's cursor, null on the last.</summary>
internal sealed record ResyncRequestListResponse(IReadOnlyList<ResyncRequestSummaryView> Items, string? Next);

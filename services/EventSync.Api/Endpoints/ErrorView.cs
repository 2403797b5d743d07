using EventSync.Core.Errors;
using EventSync.Core.Links;

namespace EventSync.Api.Endpoints;

/// <summary>
/// One error as people read it: what was rejected, why, and the catalog's meaning and fix; the sync's direction
/// (<c>toSalesforce</c>, <c>toHubSpot</c>, as the engine reported it; null when it did not say) and the record's
/// addresses in HubSpot and Salesforce (<see cref="Links"/>, from the tenant's <c>links</c> settings); who ignores it,
/// why and until when while it is ignored (<see cref="Ignore"/>, null otherwise); who looks at it (<see cref="Assignee"/>).
/// </summary>
internal record ErrorView(
    string Id,
    string Category,
    string ErrorType,
    string Title,
    string Meaning,
    string Fix,
    string State,
    string ObjectType,
    string? HubSpotId,
    string? SalesforceId,
    string? StatusCode,
    string? Message,
    IReadOnlyList<string> Fields,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    long Occurrences,
    string Fingerprint,
    string? Direction,
    RecordLinks Links,
    ErrorIgnore? Ignore,
    string? Assignee);

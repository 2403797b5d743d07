namespace EventSync.Api.Endpoints;

/// <summary>One error as people read it: what was rejected, why, and the catalog's meaning and fix.</summary>
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
    string? Direction);

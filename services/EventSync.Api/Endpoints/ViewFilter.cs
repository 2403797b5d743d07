using System.Globalization;
using EventSync.Api.Queries;
using EventSync.Core.Errors;

namespace EventSync.Api.Endpoints;

/// <summary>
/// The filter of a view, as <c>POST /api/tenants/{tenantId}/views</c> takes it and <c>GET .../views/{id}</c> shows it;
/// also the filter of a resync-all in the audit trail.
/// </summary>
public sealed record ViewFilter(
    string? ErrorType, string? Category, string? State, string? ObjectType, string? From, string? To, string? Q, string? Fingerprint = null, string? Assignee = null)
{
    /// <summary>The query as its filter reads on the wire (instants in UTC, ISO 8601).</summary>
    internal static ViewFilter Of(ErrorQuery query) =>
        new(
            query.ErrorType,
            query.Category,
            query.CurrentOnly ? ErrorFilterReader.CurrentState : query.State?.ToWire(),
            query.ObjectType,
            Instant(query.SeenFrom),
            Instant(query.SeenTo),
            query.Text,
            query.Fingerprint,
            query.Unassigned ? ErrorFilterReader.NoAssignee : query.Assignee);

    private static string? Instant(DateTimeOffset? instant) =>
        instant?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}

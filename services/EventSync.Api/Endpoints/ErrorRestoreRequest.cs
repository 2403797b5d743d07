namespace EventSync.Api.Endpoints;

/// <summary>The body of <c>POST /api/tenants/{tenantId}/errors/restore</c>: the ignored errors to bring back (<see cref="ErrorIds"/> or <see cref="Filter"/>).</summary>
public sealed record ErrorRestoreRequest(IReadOnlyList<string>? ErrorIds, ViewFilter? Filter);

namespace EventSync.Api.Endpoints;

/// <summary>The filter of a view, as <c>POST /api/tenants/{tenantId}/views</c> takes it and <c>GET .../views/{id}</c> shows it.</summary>
public sealed record ViewFilter(string? ErrorType, string? Category, string? State, string? ObjectType, string? From, string? To, string? Q, string? Fingerprint = null);

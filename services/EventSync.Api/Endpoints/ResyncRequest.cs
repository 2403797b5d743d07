namespace EventSync.Api.Endpoints;

/// <summary>The body of <c>POST /api/tenants/{tenantId}/resync</c>.</summary>
public sealed record ResyncRequest(IReadOnlyList<string>? ErrorIds);

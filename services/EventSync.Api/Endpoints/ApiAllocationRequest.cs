namespace EventSync.Api.Endpoints;

/// <summary>The body of <c>PUT /api/tenants/{tenantId}/api-allocation</c> (read by hand so that each problem names the field).</summary>
public sealed record ApiAllocationRequest(long AllocatedToHubSpot);

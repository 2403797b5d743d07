namespace EventSync.Api.Endpoints;

/// <summary>The body of <c>PUT /api/tenants/{tenantId}/api-allocation</c> (read by hand so that each problem names the field); null clears the allocation.</summary>
public sealed record ApiAllocationRequest(long? AllocatedToHubSpot);

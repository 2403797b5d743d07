namespace EventSync.Api.Endpoints;

/// <summary>The answer of <c>PUT /api/tenants/{tenantId}/api-allocation</c>; figures are zero and <c>reportedAt</c> null before any report.</summary>
internal sealed record ApiAllocationView(long UsedLast24h, long SalesforceLimit, long? AllocatedToHubSpot, DateTimeOffset? ReportedAt);

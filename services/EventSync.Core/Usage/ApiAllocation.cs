namespace EventSync.Core.Usage;

/// <summary>
/// A tenant's API figures right after an operator set the allocation. Unlike <see cref="ApiUsage"/> it exists before any
/// engine reported figures: <see cref="ReportedAt"/> is then null and the figures are zero. A null <see cref="AllocatedToHubSpot"/> is not set.
/// </summary>
public sealed record ApiAllocation(string TenantId, long? AllocatedToHubSpot, long UsedLast24h, long SalesforceLimit, DateTimeOffset? ReportedAt);

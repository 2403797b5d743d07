namespace EventSync.Core.Usage;

/// <summary>
/// A tenant's Salesforce API figures: calls in the last 24 hours and the org's daily limit (reported by the
/// engines), and the share of that limit the tenant allows HubSpot's sync (set by an operator).
/// </summary>
public sealed record ApiUsage(string TenantId, long UsedLast24h, long SalesforceLimit, long? AllocatedToHubSpot, DateTimeOffset ReportedAt);

namespace EventSync.Api.Endpoints;

internal sealed record ApiUsageView(long UsedLast24h, long SalesforceLimit, long? AllocatedToHubSpot, DateTimeOffset ReportedAt);

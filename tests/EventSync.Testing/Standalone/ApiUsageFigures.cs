namespace EventSync.Testing.Standalone;

public sealed record ApiUsageFigures(long UsedLast24h, long SalesforceLimit, long? AllocatedToHubSpot, DateTimeOffset ReportedAt);

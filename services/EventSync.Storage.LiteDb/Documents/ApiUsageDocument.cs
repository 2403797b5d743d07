namespace EventSync.Storage.LiteDb.Documents;

// A tenant's ApiUsage as stored, keyed by tenant; without a report yet (only an allocation) the figures are zero.
internal sealed class ApiUsageDocument
{
    public string TenantId { get; set; } = "";

    public long UsedLast24h { get; set; }

    public long SalesforceLimit { get; set; }

    public long? AllocatedToHubSpot { get; set; }

    public long? ReportedAtUtcTicks { get; set; }
}

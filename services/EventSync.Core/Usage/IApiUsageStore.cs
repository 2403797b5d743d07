namespace EventSync.Core.Usage;

public interface IApiUsageStore
{
    /// <summary>Keeps the newest figures per tenant; older reports than the stored one are ignored. The allocation is kept.</summary>
    Task SaveUsageAsync(string tenantId, long usedLast24h, long salesforceLimit, DateTimeOffset reportedAt, CancellationToken cancellationToken);

    /// <summary>The reported figures with the allocation; null while no engine reported figures for the tenant.</summary>
    Task<ApiUsage?> GetUsageAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>The allocation with the figures, also before any report; null while neither was stored for the tenant.</summary>
    Task<ApiAllocation?> GetAllocationAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the operator's allocation to HubSpot and leaves the reported figures as they are (a tenant without a report
    /// gets zero figures); null clears it (not set). Checking it against the Salesforce limit is the caller's job. Returns
    /// the stored state.
    /// </summary>
    Task<ApiAllocation> SetAllocationAsync(string tenantId, long? allocatedToHubSpot, CancellationToken cancellationToken);
}

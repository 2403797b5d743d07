namespace EventSync.Core.Storage;

public interface IApiUsageStore
{
    /// <summary>Keeps the newest figures per tenant; older reports than the stored one are ignored.</summary>
    Task SaveUsageAsync(string tenantId, long usedLast24h, long salesforceLimit, DateTimeOffset reportedAt, CancellationToken cancellationToken);

    Task<ApiUsage?> GetUsageAsync(string tenantId, CancellationToken cancellationToken);
}

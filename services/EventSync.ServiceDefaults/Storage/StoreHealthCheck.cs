using EventSync.Core.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EventSync.ServiceDefaults.Storage;

internal sealed class StoreHealthCheck(IStoreLifecycle store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.PingAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The store cannot be reached.", e);
        }
    }
}

namespace EventSync.Api.RateLimiting;

/// <summary>
/// Marks an endpoint as an expensive read of a tenant's data: at most <see cref="ApiRateLimitOptions.ConcurrentReadsPerTenant"/>
/// run at once per tenant, a few more wait, and the rest get 429, so a tenant that floods the API slows down only itself.
/// </summary>
internal sealed class TenantReadSlot
{
    public static TenantReadSlot Instance { get; } = new();

    private TenantReadSlot()
    {
    }
}

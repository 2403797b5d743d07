using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace EventSync.Api.RateLimiting;

/// <summary>
/// A token bucket per tenant, counted in failure events: a request takes as many tokens as it holds events of the tenant.
/// </summary>
internal sealed class IngestionRateLimiter : IDisposable
{
    // Tokens come back ten times a second, or one at a time when the rate is lower than that.
    private const int RefillsPerSecond = 10;

    private readonly PartitionedRateLimiter<string> _limiter;

    public IngestionRateLimiter(IOptions<ApiRateLimitOptions> options)
    {
        var limits = options.Value;
        var refills = Math.Min(RefillsPerSecond, limits.IngestedEventsPerSecond);
        _limiter = PartitionedRateLimiter.Create<string, string>(tenantId => RateLimitPartition.GetTokenBucketLimiter(tenantId, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = limits.IngestedEventsBurst,
            TokensPerPeriod = limits.IngestedEventsPerSecond / refills,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1.0 / refills),
            AutoReplenishment = true,
            QueueLimit = 0,
        }));
    }

    /// <summary>Takes the events' tokens from each tenant's bucket; null when every tenant had enough, else how long to wait.</summary>
    public TimeSpan? TryTake(IEnumerable<(string TenantId, int Events)> events)
    {
        foreach (var (tenantId, count) in events)
        {
            using var lease = _limiter.AttemptAcquire(tenantId, count);
            if (!lease.IsAcquired)
            {
                return RetryAfter.Of(lease);
            }
        }

        return null;
    }

    public void Dispose() => _limiter.Dispose();
}

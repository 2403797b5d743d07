using System.Globalization;
using System.Threading.RateLimiting;

namespace EventSync.Api.RateLimiting;

/// <summary>The <c>Retry-After</c> of a refused request, in whole seconds.</summary>
internal static class RetryAfter
{
    /// <summary>When the lease says when to come back, that; else a second, a fair guess for a full queue.</summary>
    public static TimeSpan Of(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);

    public static void Set(HttpResponse response, TimeSpan wait) =>
        response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}

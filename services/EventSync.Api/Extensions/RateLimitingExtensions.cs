using System.Threading.RateLimiting;
using EventSync.Api.RateLimiting;
using EventSync.Api.Security;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace EventSync.Api.Extensions;

public static class RateLimitingExtensions
{
    /// <summary>Per-tenant fixed windows on resync, export and test digests; a refused request gets a 429 problem.</summary>
    public static IServiceCollection AddApiRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<ApiRateLimitOptions>().BindConfiguration(ApiRateLimitOptions.Section);
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RejectAsync;
            limiter.AddPolicy(ApiRateLimitPolicies.Resync, http => TenantWindow(http, o => o.ResyncRequestsPerWindow));
            limiter.AddPolicy(ApiRateLimitPolicies.Export, http => TenantWindow(http, o => o.ExportsPerWindow));
            limiter.AddPolicy(ApiRateLimitPolicies.NotificationTest, http => TenantWindow(http, o => o.NotificationTestsPerWindow));
        });
        return services;
    }

    // Requests the key check will refuse anyway are not counted: without a key nobody can use up a tenant's window.
    private static RateLimitPartition<string> TenantWindow(HttpContext http, Func<ApiRateLimitOptions, int> permits)
    {
        var tenantId = http.GetRouteValue("tenantId") as string ?? "";
        var authorizer = http.RequestServices.GetRequiredService<ApiKeyAuthorizer>();
        if (authorizer.Check(http.Request.Headers[ApiKeyAuthorizer.HeaderName], tenantId) != ApiKeyCheck.Allowed)
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        var options = http.RequestServices.GetRequiredService<IOptionsMonitor<ApiRateLimitOptions>>().CurrentValue;
        return RateLimitPartition.GetFixedWindowLimiter(tenantId, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits(options)),
            Window = options.Window,
            QueueLimit = 0,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : (TimeSpan?)null;
        if (retryAfter is { } seconds)
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(seconds.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var problem = TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests",
            detail: "This tenant has made too many of these requests; try again after the Retry-After interval.");
        await problem.ExecuteAsync(http);
    }
}

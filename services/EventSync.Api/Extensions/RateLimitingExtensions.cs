using System.Threading.RateLimiting;
using EventSync.Api.Localization;
using EventSync.Api.RateLimiting;
using EventSync.Api.Security;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace EventSync.Api.Extensions;

public static class RateLimitingExtensions
{
    /// <summary>
    /// Per tenant: fixed windows on resync, export and test digests, a bound on concurrent expensive reads (endpoints marked with
    /// <see cref="TenantReadSlot"/>), and a token bucket on ingested events; a refused request gets a 429 problem.
    /// </summary>
    public static IServiceCollection AddApiRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<ApiRateLimitOptions>().BindConfiguration(ApiRateLimitOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiRateLimitOptions>, ApiRateLimitOptionsValidation>();
        services.AddSingleton<IngestionRateLimiter>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RejectAsync;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(TenantReads);
            limiter.AddPolicy(ApiRateLimitPolicies.Resync, http => TenantWindow(http, o => o.ResyncRequestsPerWindow));
            limiter.AddPolicy(ApiRateLimitPolicies.Export, http => TenantWindow(http, o => o.ExportsPerWindow));
            limiter.AddPolicy(ApiRateLimitPolicies.NotificationTest, http => TenantWindow(http, o => o.NotificationTestsPerWindow));
            limiter.AddPolicy(ApiRateLimitPolicies.WebhookTest, http => TenantWindow(http, o => o.WebhookTestsPerWindow));
        });
        return services;
    }

    private static RateLimitPartition<string> TenantWindow(HttpContext http, Func<ApiRateLimitOptions, int> permits)
    {
        if (AllowedTenant(http) is not { } tenantId)
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

    private static RateLimitPartition<string> TenantReads(HttpContext http)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<TenantReadSlot>() is null || AllowedTenant(http) is not { } tenantId)
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        var options = http.RequestServices.GetRequiredService<IOptionsMonitor<ApiRateLimitOptions>>().CurrentValue;
        return RateLimitPartition.GetConcurrencyLimiter("reads:" + tenantId, _ => new ConcurrencyLimiterOptions
        {
            PermitLimit = options.ConcurrentReadsPerTenant,
            QueueLimit = options.QueuedReadsPerTenant,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    // Requests the key check will refuse anyway are not counted: without a key, or with a role the route refuses (an
    // operator flooding an admin's test route), nobody can use up a tenant's limits.
    private static string? AllowedTenant(HttpContext http)
    {
        var tenantId = http.GetRouteValue("tenantId") as string ?? "";
        var principal = http.RequestServices.GetRequiredService<ApiKeyAuthorizer>().Authenticate(http.Request.Headers[ApiKeyAuthorizer.HeaderName]);
        return principal is not null && principal.Opens(tenantId) && principal.May(RequiredRole.Of(http.GetEndpoint()?.Metadata, http.Request.Method))
            ? tenantId
            : null;
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        RetryAfter.Set(http.Response, RetryAfter.Of(context.Lease));

        var problem = TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: ProblemTexts.TooManyRequestsTitle,
            detail: ProblemTexts.TooManyRequestsDetail);
        await problem.ExecuteAsync(http);
    }
}

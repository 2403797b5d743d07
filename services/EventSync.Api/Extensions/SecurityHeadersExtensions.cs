namespace EventSync.Api.Extensions;

public static class SecurityHeadersExtensions
{
    private const string TenantDataPolicy = "tenant-data";

    /// <summary>
    /// Headers on every answer: the dashboard may load scripts, styles and data from its own origin only, may not be
    /// framed, is not sniffed and sends no referrer; answers under <c>/api</c> (tenant data) are not stored by caches.
    /// </summary>
    public static IServiceCollection AddApiSecurityHeaders(this IServiceCollection services) =>
        services.AddSecurityHeaderPolicies(policies => policies
            .SetDefaultPolicy(p => Page(p))
            .AddPolicy(TenantDataPolicy, p => Page(p).AddCustomHeader("Cache-Control", "no-store"))
            .SetPolicySelector(context => context.HttpContext.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                ? context.ConfiguredPolicies[TenantDataPolicy]
                : context.SelectedPolicy));

    private static HeaderPolicyCollection Page(HeaderPolicyCollection policy) => policy
        .AddContentTypeOptionsNoSniff()
        .AddFrameOptionsDeny()
        .AddReferrerPolicyNoReferrer()
        .AddContentSecurityPolicy(csp =>
        {
            csp.AddDefaultSrc().Self();
            csp.AddScriptSrc().Self();
            csp.AddStyleSrc().Self();
            csp.AddImgSrc().Self();
            csp.AddConnectSrc().Self();
            csp.AddObjectSrc().None();
            csp.AddBaseUri().None();
            csp.AddFormAction().Self();
            csp.AddFrameAncestors().None();
        });
}

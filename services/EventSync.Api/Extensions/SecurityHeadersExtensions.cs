namespace EventSync.Api.Extensions;

public static class SecurityHeadersExtensions
{
    /// <summary>The policy of the API reference page and its own scripts (see <see cref="ApiReferenceExtensions"/>).</summary>
    public const string ApiReferencePolicy = "api-reference";

    private const string TenantDataPolicy = "tenant-data";

    /// <summary>
    /// Headers on every answer: the dashboard may load scripts, styles and data from its own origin only, may not be
    /// framed, is not sniffed and sends no referrer; answers under <c>/api</c> (tenant data) are not stored by caches.
    /// The API reference alone may run the one inline script that carries the request's nonce and may use inline styles.
    /// </summary>
    public static IServiceCollection AddApiSecurityHeaders(this IServiceCollection services) =>
        services.AddSecurityHeaderPolicies(policies => policies
            .SetDefaultPolicy(p => Page(p, apiReference: false))
            .AddPolicy(TenantDataPolicy, p => Page(p, apiReference: false).AddCustomHeader("Cache-Control", "no-store"))
            .AddPolicy(ApiReferencePolicy, p => Page(p, apiReference: true))
            .SetPolicySelector(context => context.HttpContext.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                ? context.ConfiguredPolicies[TenantDataPolicy]
                : context.SelectedPolicy));

    private static HeaderPolicyCollection Page(HeaderPolicyCollection policy, bool apiReference) => policy
        .AddContentTypeOptionsNoSniff()
        .AddFrameOptionsDeny()
        .AddReferrerPolicyNoReferrer()
        .AddContentSecurityPolicy(csp =>
        {
            csp.AddDefaultSrc().Self();
            var scripts = csp.AddScriptSrc().Self();
            var styles = csp.AddStyleSrc().Self();
            if (apiReference)
            {
                // The reference page starts its bundled script from an inline module (given the nonce); the bundle
                // then writes style elements and style attributes without a nonce (refused without 'unsafe-inline').
                // No 'unsafe-eval': the bundle only probes for it and runs without.
                scripts.WithNonce();
                styles.UnsafeInline();
            }

            csp.AddImgSrc().Self();
            csp.AddConnectSrc().Self();
            csp.AddObjectSrc().None();
            csp.AddBaseUri().None();
            csp.AddFormAction().Self();
            csp.AddFrameAncestors().None();
        });
}

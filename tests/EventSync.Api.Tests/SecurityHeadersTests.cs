using System.Net;
using System.Text.RegularExpressions;
using EventSync.Api.Tests.Infrastructure;

namespace EventSync.Api.Tests;

/// <summary>
/// Every answer carries the security headers (a content security policy of the dashboard's own origin, no framing, no
/// sniffing, no referrer) and no <c>Server</c> header; answers under <c>/api</c> hold tenant data and are not stored.
/// </summary>
public sealed partial class SecurityHeadersTests(ApiHost host)
{
    private static readonly string DashboardFolder = Path.Combine(AppContext.BaseDirectory, "Dashboard");

    [Theory]
    [InlineData("/")]
    [InlineData("/app.js")]
    [InlineData("/views/some-view?tenant=acme")]
    [InlineData("/api/catalog")]
    [InlineData("/openapi/v1.json")]
    public async Task Should_send_the_security_headers_and_no_server_header_when_anything_is_served(string path)
    {
        Assert.SkipWhen(!path.StartsWith("/api/", StringComparison.Ordinal) && path != "/openapi/v1.json" && !host.StartedWithDashboard, "The build copied no dashboard next to the tests.");

        using var response = await host.GetAsync(path, key: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.False(response.Headers.Contains("Server"), $"Server: {string.Join(",", response.Headers.Server)}");
    }

    [Fact]
    public async Task Should_forbid_storing_tenant_data_when_an_api_route_answers()
    {
        using var list = await host.GetAsync(TenantErrors.Path(ApiHost.Acme, "errors"), host.AdminKey);
        using var refused = await host.GetAsync(TenantErrors.Path(ApiHost.Acme, "errors"), key: null);

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.True(list.Headers.CacheControl?.NoStore, $"Cache-Control: {list.Headers.CacheControl}");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.True(refused.Headers.CacheControl?.NoStore, $"Cache-Control: {refused.Headers.CacheControl}");
    }

    [Fact]
    public async Task Should_leave_the_dashboard_files_cacheable_when_they_are_served()
    {
        Assert.SkipUnless(host.StartedWithDashboard, "The build copied no dashboard next to the tests.");

        using var response = await host.GetAsync("/app.css", key: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(true, response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public void Should_have_no_inline_script_or_style_in_the_dashboard_when_the_policy_allows_its_own_files_only()
    {
        Assert.SkipUnless(File.Exists(Path.Combine(DashboardFolder, "index.html")), "The build copied no dashboard next to the tests.");

        foreach (var file in Directory.EnumerateFiles(DashboardFolder, "*.*").Where(f => f.EndsWith(".html", StringComparison.Ordinal) || f.EndsWith(".js", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotMatch(InlineScript(), text);
            Assert.DoesNotMatch(InlineStyle(), text);
            Assert.DoesNotMatch(InlineHandler(), text);
        }
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : throw new Xunit.Sdk.XunitException($"No {name} header.");

    // A script element without src, a style element or attribute, an on* handler attribute: all refused by the policy.
    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("<style\\b|\\sstyle\\s*=\\s*[\"']", RegexOptions.IgnoreCase)]
    private static partial Regex InlineStyle();

    [GeneratedRegex("<[a-z][^>]*\\son[a-z]+\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();
}

using System.Net;
using System.Text.RegularExpressions;
using EventSync.Api.Tests.Infrastructure;

namespace EventSync.Api.Tests;

/// <summary>
/// <c>/reference</c>: the interactive API reference is a page of this host whose scripts come from this host too; only
/// there may the one inline script carrying the request's nonce run and inline styles apply. Every other path keeps the
/// strict policy (see <see cref="SecurityHeadersTests"/>).
/// </summary>
public sealed partial class ApiReferenceTests(ApiHost host)
{
    [Fact]
    public async Task Should_serve_the_reference_page_when_its_documented_path_is_opened_without_a_key()
    {
        using var response = await host.GetAsync("/reference", key: null);
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/reference/", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>EventSync API reference</title>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_serve_every_script_of_the_page_from_this_host_when_the_page_loads()
    {
        var page = await PageAsync();

        var sources = ScriptSource().Matches(page).Select(m => m.Groups["src"].Value).ToList();
        Assert.NotEmpty(sources);
        foreach (var source in sources)
        {
            Assert.False(Uri.TryCreate(source, UriKind.Absolute, out _) || source.StartsWith("//", StringComparison.Ordinal), $"{source} is not on this host");
            using var script = await host.GetAsync($"/reference/{source}", key: null);
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
            Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
            Assert.True((await script.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).Length > 0, source);
        }

        Assert.DoesNotContain("https://", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_point_the_reference_at_the_document_and_the_api_key_header_when_the_page_is_served()
    {
        var page = await PageAsync();

        Assert.Contains("\"url\":\"openapi/v1.json\"", page, StringComparison.Ordinal);
        Assert.Contains("\"preferredSecurityScheme\":[\"ApiKey\"]", page, StringComparison.Ordinal);
        Assert.Contains("\"ApiKey\":{\"name\":\"X-Api-Key\"}", page, StringComparison.Ordinal);
        Assert.Contains("\"telemetry\":false", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_allow_only_the_nonced_inline_script_and_inline_styles_when_the_reference_page_is_served()
    {
        using var first = await host.GetAsync("/reference/", key: null);
        using var second = await host.GetAsync("/reference/", key: null);
        var page = await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        var policy = Directives(first);
        var nonce = Assert.Single(policy["script-src"], s => s.StartsWith("'nonce-", StringComparison.Ordinal))["'nonce-".Length..^1];
        Assert.Equal(["'self'", $"'nonce-{nonce}'"], policy["script-src"]);
        Assert.Equal(["'self'", "'unsafe-inline'"], policy["style-src"]);
        Assert.Equal(["'self'"], policy["default-src"]);
        Assert.Equal(["'self'"], policy["connect-src"]);
        Assert.Equal(["'self'"], policy["img-src"]);
        Assert.Equal(["'none'"], policy["frame-ancestors"]);
        Assert.Equal(["'none'"], policy["object-src"]);
        Assert.All(ScriptNonces().Matches(page), m => Assert.Equal(nonce, WebUtility.HtmlDecode(m.Groups["nonce"].Value)));
        Assert.Equal(3, ScriptNonces().Count(page));
        Assert.NotEqual(nonce, Directives(second)["script-src"].Single(s => s.StartsWith("'nonce-", StringComparison.Ordinal))["'nonce-".Length..^1]);
        Assert.True(first.Headers.CacheControl?.NoStore, $"Cache-Control: {first.Headers.CacheControl}");
        Assert.Equal("DENY", string.Join(",", first.Headers.GetValues("X-Frame-Options")));
    }

    private async Task<string> PageAsync()
    {
        using var response = await host.GetAsync("/reference/", key: null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    private static Dictionary<string, string[]> Directives(HttpResponseMessage response) =>
        string.Join(",", response.Headers.GetValues("Content-Security-Policy"))
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(d => d[0], d => d[1..], StringComparer.Ordinal);

    [GeneratedRegex("<script[^>]*\\ssrc=\"(?<src>[^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptSource();

    [GeneratedRegex("<script[^>]*\\snonce=\"(?<nonce>[^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptNonces();
}

using System.Net;
using System.Text;
using System.Text.Json;
using EventSync.Standalone.Tests.Infrastructure;
using EventSync.Testing;
using EventSync.Testing.Http;

namespace EventSync.Standalone.Tests.Adversarial;

/// <summary>
/// What a careless or hostile client does with the newer routes on the real process: <c>resync-all</c>, the record
/// <c>links</c>, the list of resync requests, <c>me</c> and a view's page: another tenant's key on a whole tenant, a tenant
/// key changing settings, wrong types, addresses that lead elsewhere, control characters, and paging junk. Keys and body
/// limits of these routes: <see cref="HostileTenantBoundaryProbeTests"/>.
/// </summary>
public sealed class HostileSettingsAndResyncAllProbeTests(ProbedStandalone host) : IClassFixture<ProbedStandalone>
{
    [Fact]
    public async Task Should_resync_nothing_of_a_tenant_when_another_tenants_key_asks_for_all_of_it()
    {
        await host.SeedAsync(ProbedStandalone.Acme, [SyncFailures.ToSalesforce(ProbedStandalone.Acme, "acme-all-1", SyncFailures.InvalidEmail)], expectedErrors: 1);

        using var response = await host.SendJsonAsync(HttpMethod.Post, ProbedStandalone.TenantPath(ProbedStandalone.Acme, "resync-all"), host.TenantKeys[ProbedStandalone.Globex], "{}");

        await Problems.ReadAsync(response, HttpStatusCode.NotFound);
        Assert.All(await host.ErrorsAsync(ProbedStandalone.Acme), e => Assert.Equal("open", e.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task Should_refuse_a_tenant_key_changing_the_links_with_403_and_keep_them()
    {
        using var response = await host.SendJsonAsync(HttpMethod.Put, ProbedStandalone.TenantPath(ProbedStandalone.Acme, "links"), host.TenantKeys[ProbedStandalone.Acme], """{"hubSpotPortalId":"666"}""");

        await Problems.ReadAsync(response, HttpStatusCode.Forbidden);
        using var links = await host.GetAsync(ProbedStandalone.TenantPath(ProbedStandalone.Acme, "links"), host.AdminKey);
        Assert.NotEqual("666", (await Problems.JsonAsync(links)).GetProperty("hubSpotPortalId").GetString());
    }

    [Theory]
    [InlineData("""{"errorType":["invalid-email"]}""", "errorType")]
    [InlineData("""{"objectType":42}""", "objectType")]
    [InlineData("""{"q":"a\u0000b"}""", "q")]
    [InlineData("""{"from":"2026-13-45"}""", "from")]
    [InlineData("""{"state":"resolved"}""", "state")]
    [InlineData("""[]""", "$")]
    [InlineData("""{"errorType":"x","errorType":"y"}""", "$")]
    public async Task Should_answer_400_naming_the_field_and_resync_nothing_when_a_resync_all_filter_is_wrong(string json, string field)
    {
        var tenant = SyncFailures.NewTenant("all-wrong");
        await host.SeedAsync(tenant, [SyncFailures.ToSalesforce(tenant, "wrong-1", SyncFailures.InvalidEmail)], expectedErrors: 1);

        using var response = await host.SendJsonAsync(HttpMethod.Post, ProbedStandalone.TenantPath(tenant, "resync-all"), host.AdminKey, json);

        Assert.NotEmpty(await Problems.FieldAsync(response, field));
        Assert.All(await host.ErrorsAsync(tenant), e => Assert.Equal("open", e.GetProperty("state").GetString()));
    }

    [Theory]
    [InlineData("""{"hubSpotPortalId":4712}""", "hubSpotPortalId")]
    [InlineData("""{"hubSpotPortalId":"47\u000012"}""", "hubSpotPortalId")]
    [InlineData("""{"salesforceInstanceUrl":"javascript:alert(1)//acme.my.salesforce.com"}""", "salesforceInstanceUrl")]
    [InlineData("""{"salesforceInstanceUrl":"https://acme.my.salesforce.com\r\nX-Injected: 1"}""", "salesforceInstanceUrl")]
    [InlineData("""{"salesforceInstanceUrl":"https://acme.my.salesforce.com:8443"}""", "salesforceInstanceUrl")]
    [InlineData("""{"hubSpotAppUrl":"https://app-eu1.hubspot.com@evil.example"}""", "hubSpotAppUrl")]
    [InlineData("""{"hubSpotAppUrl":"https://app-x.evil.hubspot.com"}""", "hubSpotAppUrl")]
    public async Task Should_answer_400_naming_the_field_and_save_nothing_when_a_link_setting_is_wrong(string json, string field)
    {
        var tenant = SyncFailures.NewTenant("links-wrong");

        using var response = await host.SendJsonAsync(HttpMethod.Put, ProbedStandalone.TenantPath(tenant, "links"), host.AdminKey, json);

        Assert.NotEmpty(await Problems.FieldAsync(response, field));
        using var saved = await host.GetAsync(ProbedStandalone.TenantPath(tenant, "links"), host.AdminKey);
        Assert.All((await Problems.JsonAsync(saved)).EnumerateObject(), p => Assert.Equal(JsonValueKind.Null, p.Value.ValueKind));
    }

    [Theory]
    [InlineData("?limit=99999999999999999999", "limit")]
    [InlineData("?limit=-1", "limit")]
    [InlineData("?cursor=%00%01", "cursor")]
    [InlineData("?cursor=MTIzOmFiYw%3D%3D%3D%3D", "cursor")]
    public async Task Should_answer_400_naming_the_parameter_when_the_requests_list_is_paged_with_junk(string query, string parameter)
    {
        using var response = await host.GetAsync(ProbedStandalone.TenantPath(ProbedStandalone.Acme, "resync-requests") + query, host.AdminKey);

        Assert.NotEmpty(await Problems.FieldAsync(response, parameter));
    }

    [Fact]
    public async Task Should_answer_400_naming_the_cursor_and_not_echo_it_when_it_is_thousands_of_characters()
    {
        var cursor = Convert.ToBase64String(Encoding.UTF8.GetBytes($"1:{new string('x', 5_000)}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        using var response = await host.GetAsync(ProbedStandalone.TenantPath(ProbedStandalone.Acme, "resync-requests") + $"?cursor={cursor}", host.AdminKey);

        Assert.NotEmpty(await Problems.FieldAsync(response, "cursor"));
        Assert.True(response.Content.Headers.ContentLength is null or < 4_000, $"The problem is {response.Content.Headers.ContentLength} bytes.");
    }

    [Theory]
    [InlineData("/views/%3Cscript%3Ealert(1)%3C%2Fscript%3E?tenant=%3Cimg%20src%3Dx%3E")]
    [InlineData("/views/..%2F..%2Fetc%2Fpasswd?tenant=acme-probe")]
    public async Task Should_serve_the_same_static_view_page_whatever_the_address_holds(string address)
    {
        using var response = await host.GetAsync(address, key: null);

        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("/view.js", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", page, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", string.Join(";", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }
}

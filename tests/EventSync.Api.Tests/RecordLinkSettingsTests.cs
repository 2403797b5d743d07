using System.Net;
using System.Text.Json;
using EventSync.Api.Tests.Infrastructure;
using EventSync.Testing;
using EventSync.Testing.Http;

namespace EventSync.Api.Tests;

/// <summary>
/// <c>GET/PUT /api/tenants/{t}/links</c>: where the tenant's records live; from them every record id in the error list,
/// an error's detail, a view and the export links to its record in HubSpot and in Salesforce.
/// </summary>
public sealed class RecordLinkSettingsTests(ApiHost host)
{
    [Fact]
    public async Task Should_answer_no_links_while_none_were_saved_and_the_saved_ones_normalised_afterwards()
    {
        var tenant = SyncFailures.NewTenant("links");
        var unset = await GetAsync(tenant);
        Assert.All(unset.EnumerateObject(), p => Assert.Equal(JsonValueKind.Null, p.Value.ValueKind));

        using var saved = await host.SendAsync(
            HttpMethod.Put,
            TenantErrors.Path(tenant, "links"),
            host.AdminKey,
            new { hubSpotPortalId = " 4712 ", hubSpotAppUrl = "https://APP-EU1.hubspot.com/", salesforceInstanceUrl = "https://acme.my.salesforce.com" });

        var answer = await Problems.JsonAsync(saved);
        Assert.Equal(("4712", "https://app-eu1.hubspot.com", "https://acme.my.salesforce.com"), Read(answer));
        Assert.Equal(Read(answer), Read(await GetAsync(tenant)));
    }

    [Theory]
    [InlineData("hubSpotPortalId", "47x2")]
    [InlineData("hubSpotAppUrl", "http://app.hubspot.com")]
    [InlineData("hubSpotAppUrl", "https://app.hubspot.com.evil.example")]
    [InlineData("salesforceInstanceUrl", "https://acme.my.salesforce.com/lightning/page/home")]
    [InlineData("salesforceInstanceUrl", "https://salesforce.com.evil.example")]
    [InlineData("salesforceInstanceUrl", "https://user:secret@acme.my.salesforce.com")]
    public async Task Should_refuse_naming_the_field_and_save_nothing_when_an_address_could_lead_elsewhere(string field, string value)
    {
        var tenant = SyncFailures.NewTenant("links-invalid");

        using var response = await host.SendAsync(HttpMethod.Put, TenantErrors.Path(tenant, "links"), host.AdminKey, new Dictionary<string, string> { [field] = value });

        Assert.NotEmpty(await Problems.FieldAsync(response, field));
        Assert.Equal((null, null, null), Read(await GetAsync(tenant)));
    }

    [Fact]
    public async Task Should_link_each_record_in_the_list_the_detail_the_view_and_the_export_once_the_links_are_set()
    {
        var tenant = SyncFailures.NewTenant("links-records");
        var errors = await host.SeedAsync(
        [
            SyncFailures.ToSalesforce(tenant, "101", SyncFailures.InvalidEmail),
            SyncFailures.ToHubSpot(tenant, "0015g00000AbCdEAAZ", SyncFailures.ValidationRule, objectType: "company"),
        ]);
        using (var put = await host.SendAsync(HttpMethod.Put, TenantErrors.Path(tenant, "links"), host.AdminKey, new { hubSpotPortalId = "4712", salesforceInstanceUrl = "https://acme.my.salesforce.com" }))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        using var list = await host.GetAsync(TenantErrors.Path(tenant, "errors?state=open"), host.AdminKey);
        var items = (await Problems.JsonAsync(list)).GetProperty("items").EnumerateArray().ToList();
        var contact = Assert.Single(items, i => i.GetProperty("hubSpotId").GetString() == "101");
        Assert.Equal(("https://app.hubspot.com/contacts/4712/record/0-1/101", null), Links(contact));
        Assert.Equal("toSalesforce", contact.GetProperty("direction").GetString());
        var company = Assert.Single(items, i => i.GetProperty("salesforceId").GetString() == "0015g00000AbCdEAAZ");
        Assert.Equal((null, "https://acme.my.salesforce.com/0015g00000AbCdEAAZ"), Links(company));

        using var detail = await host.GetAsync(TenantErrors.Path(tenant, $"errors/{errors[0].Id}"), host.AdminKey);
        Assert.Equal(Links(contact), Links(await Problems.JsonAsync(detail)));

        using var created = await host.SendAsync(HttpMethod.Post, TenantErrors.Path(tenant, "views"), host.AdminKey, new { objectType = "contact" });
        using var view = await host.GetAsync((await Problems.JsonAsync(created, HttpStatusCode.Created)).GetProperty("url").GetString()!, host.AdminKey);
        Assert.Equal(Links(contact), Links(Assert.Single((await Problems.JsonAsync(view)).GetProperty("records").EnumerateArray())));

        using var export = await host.GetAsync(TenantErrors.Path(tenant, "errors/export.csv?objectType=contact"), host.AdminKey);
        var csv = await export.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains(",toSalesforce,https://app.hubspot.com/contacts/4712/record/0-1/101,", csv, StringComparison.Ordinal);
    }

    private async Task<JsonElement> GetAsync(string tenant)
    {
        using var response = await host.GetAsync(TenantErrors.Path(tenant, "links"), host.AdminKey);
        return await Problems.JsonAsync(response);
    }

    private static (string? PortalId, string? AppUrl, string? InstanceUrl) Read(JsonElement settings) =>
        (settings.GetProperty("hubSpotPortalId").GetString(), settings.GetProperty("hubSpotAppUrl").GetString(), settings.GetProperty("salesforceInstanceUrl").GetString());

    private static (string? HubSpot, string? Salesforce) Links(JsonElement item) =>
        (item.GetProperty("links").GetProperty("hubSpot").GetString(), item.GetProperty("links").GetProperty("salesforce").GetString());
}

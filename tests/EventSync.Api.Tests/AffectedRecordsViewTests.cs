using System.Net;
using EventSync.Api.Tests.Infrastructure;
using EventSync.Core.Errors;
using EventSync.Testing;
using EventSync.Testing.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EventSync.Api.Tests;

/// <summary><c>POST /api/tenants/{t}/views</c> and <c>GET .../views/{id}</c>: creation, records, validation, expiry, isolation.</summary>
public sealed class AffectedRecordsViewTests(FakeClockApiHost host) : IClassFixture<FakeClockApiHost>
{
    [Fact]
    public async Task Should_list_the_affected_records_with_their_error_types_when_the_view_is_opened()
    {
        var tenant = SyncFailures.NewTenant("views");
        await host.SeedAsync(
        [
            SyncFailures.ToSalesforce(tenant, "701", SyncFailures.InvalidEmail),
            SyncFailures.ToSalesforce(tenant, "701", SyncFailures.RequiredFieldMissing),
            SyncFailures.ToSalesforce(tenant, "702", SyncFailures.DuplicateRule),
        ]);

        var created = await CreateAsync(tenant, new { category = "property-values" });
        using var response = await host.GetAsync(created.Url, host.AdminKey);

        var view = await Problems.JsonAsync(response);
        Assert.Equal(created.Id, view.GetProperty("id").GetString());
        Assert.Equal(host.Clock.GetUtcNow(), view.GetProperty("createdAt").GetDateTimeOffset());
        Assert.Equal(host.Clock.GetUtcNow().AddHours(24), view.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.Equal("property-values", view.GetProperty("filter").GetProperty("category").GetString());
        var record = Assert.Single(view.GetProperty("records").EnumerateArray());
        Assert.Equal(("contact", "701"), (record.GetProperty("objectType").GetString(), record.GetProperty("hubSpotId").GetString()));
        Assert.Equal(
            [SyncFailures.InvalidEmailType, SyncFailures.RequiredValueMissingType],
            record.GetProperty("errorTypes").EnumerateArray().Select(t => t.GetString()));
        Assert.True(record.TryGetProperty("salesforceId", out _));
    }

    [Fact]
    public async Task Should_keep_the_current_state_filter_and_list_resync_pending_records_but_not_resolved_ones_when_a_view_asks_for_current_errors()
    {
        var tenant = SyncFailures.NewTenant("views-current");
        var errors = await host.SeedAsync(
        [
            SyncFailures.ToSalesforce(tenant, "761", SyncFailures.InvalidEmail),
            SyncFailures.ToSalesforce(tenant, "762", SyncFailures.InvalidEmail),
            SyncFailures.ToSalesforce(tenant, "763", SyncFailures.InvalidEmail),
        ]);
        var store = host.Services.GetRequiredService<ISyncErrorStore>();
        await store.MarkResyncPendingAsync(tenant, [errors[1].Id], TestContext.Current.CancellationToken);
        await store.IgnoreAsync(tenant, [errors[2].Id], new ErrorIgnore { IgnoredBy = "admin", IgnoredAt = DateTimeOffset.UtcNow }, TestContext.Current.CancellationToken);

        var current = await CreateAsync(tenant, new { state = "current" });
        using var response = await host.GetAsync(current.Url, host.AdminKey);

        var view = await Problems.JsonAsync(response);
        Assert.Equal("current", view.GetProperty("filter").GetProperty("state").GetString());
        Assert.Equal(["761", "762"], view.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("hubSpotId").GetString()).Order());
    }

    [Fact]
    public async Task Should_list_only_the_records_of_someones_errors_and_show_the_assignee_when_a_view_filters_by_assignee()
    {
        var tenant = SyncFailures.NewTenant("views-assignee");
        var errors = await host.SeedAsync([SyncFailures.ToSalesforce(tenant, "751", SyncFailures.InvalidEmail), SyncFailures.ToSalesforce(tenant, "752", SyncFailures.InvalidEmail)]);
        await host.Services.GetRequiredService<ISyncErrorStore>().AssignAsync(tenant, [errors[0].Id], "Anna", TestContext.Current.CancellationToken);

        var annas = await CreateAsync(tenant, new { assignee = "Anna" });
        var nobodys = await CreateAsync(tenant, new { assignee = "none" });
        using var annasView = await host.GetAsync(annas.Url, host.AdminKey);
        using var nobodysView = await host.GetAsync(nobodys.Url, host.AdminKey);

        var view = await Problems.JsonAsync(annasView);
        Assert.Equal("Anna", view.GetProperty("filter").GetProperty("assignee").GetString());
        Assert.Equal(["751"], view.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("hubSpotId").GetString()));
        var other = await Problems.JsonAsync(nobodysView);
        Assert.Equal("none", other.GetProperty("filter").GetProperty("assignee").GetString());
        Assert.Equal(["752"], other.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("hubSpotId").GetString()));
    }

    [Fact]
    public async Task Should_answer_201_with_the_id_url_and_expiry_when_the_filter_is_valid()
    {
        var tenant = SyncFailures.NewTenant("views-create");

        using var response = await host.SendAsync(HttpMethod.Post, TenantErrors.Path(tenant, "views"), host.AdminKey, new { errorType = SyncFailures.InvalidEmailType, state = "open", from = "2026-11-01", q = "example" });

        var created = await Problems.JsonAsync(response, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal($"/api/tenants/{tenant}/views/{id}", created.GetProperty("url").GetString());
        Assert.Equal($"/views/{id}?tenant={tenant}", created.GetProperty("page").GetString());
        Assert.Equal($"/api/tenants/{tenant}/views/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(host.Clock.GetUtcNow().AddHours(24), created.GetProperty("expiresAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Should_answer_404_when_the_view_has_expired()
    {
        var tenant = SyncFailures.NewTenant("views-expiry");
        await host.SeedAsync([SyncFailures.ToSalesforce(tenant, "703", SyncFailures.InvalidEmail)]);
        var created = await CreateAsync(tenant, new { });

        host.Clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        using var stillOpen = await host.GetAsync(created.Url, host.AdminKey);
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        using var expired = await host.GetAsync(created.Url, host.AdminKey);

        Assert.Single((await Problems.JsonAsync(stillOpen)).GetProperty("records").EnumerateArray());
        await Problems.ReadAsync(expired, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Should_answer_404_when_the_view_is_unknown_or_another_tenants()
    {
        var created = await CreateAsync(ApiHost.Acme, new { });

        using var unknown = await host.GetAsync(TenantErrors.Path(ApiHost.Acme, "views/0123456789abcdef"), host.AdminKey);
        using var viaOtherTenant = await host.GetAsync(TenantErrors.Path(ApiHost.Globex, $"views/{created.Id}"), host.AdminKey);
        using var withOtherKey = await host.GetAsync(created.Url, host.TenantKeys[ApiHost.Globex]);
        using var withOwnKey = await host.GetAsync(created.Url, host.TenantKeys[ApiHost.Acme]);

        await Problems.ReadAsync(unknown, HttpStatusCode.NotFound);
        await Problems.ReadAsync(viaOtherTenant, HttpStatusCode.NotFound);
        await Problems.ReadAsync(withOtherKey, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, withOwnKey.StatusCode);
    }

    [Theory]
    [InlineData("""{"errorType":"no-such-type"}""", "errorType")]
    [InlineData("""{"category":"no-such-category"}""", "category")]
    [InlineData("""{"state":"closed"}""", "state")]
    [InlineData("""{"from":"yesterday"}""", "from")]
    [InlineData("""{"from":"2026-03-02","to":"2026-03-01"}""", "to")]
    [InlineData("""{"errorType":42}""", "errorType")]
    [InlineData("""{"objectType":["contact"]}""", "objectType")]
    [InlineData("""{"q":"{{LONG}}"}""", "q")]
    [InlineData("""{"errorType":""", "$")]
    [InlineData("""[]""", "$")]
    public async Task Should_answer_400_naming_the_field_when_the_filter_is_not_valid(string json, string field)
    {
        using var response = await host.SendRawAsync(HttpMethod.Post, TenantErrors.Path(ApiHost.Acme, "views"), host.AdminKey, json.Replace("{{LONG}}", new string('x', 201), StringComparison.Ordinal));

        Assert.NotEmpty(await Problems.FieldAsync(response, field));
    }

    private async Task<(string Id, string Url)> CreateAsync(string tenant, object filter)
    {
        using var response = await host.SendAsync(HttpMethod.Post, TenantErrors.Path(tenant, "views"), host.AdminKey, filter);
        var created = await Problems.JsonAsync(response, HttpStatusCode.Created);
        return (created.GetProperty("id").GetString()!, created.GetProperty("url").GetString()!);
    }
}

using System.Text.Json;
using EventSync.Api.Tests.Infrastructure;
using EventSync.Core.Usage;
using EventSync.Testing;
using EventSync.Testing.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EventSync.Api.Tests;

/// <summary><c>GET/PUT /api/tenants/{t}/api-allocation</c> and the allocation on <c>GET .../sync-health</c>.</summary>
public sealed class ApiAllocationTests(ApiHost host)
{
    private static readonly DateTimeOffset ReportedAt = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Should_store_the_allocation_and_show_it_on_sync_health_when_it_is_within_the_limit()
    {
        var tenant = await ReportedTenantAsync("allocation", used: 1200, limit: 15000);

        using var put = await PutAsync(tenant, """{"allocatedToHubSpot":5000}""");
        using var health = await host.GetAsync(TenantErrors.Path(tenant, "sync-health"), host.AdminKey);

        var allocation = await Problems.JsonAsync(put);
        Assert.Equal((1200, 15000, 5000), (allocation.GetProperty("usedLast24h").GetInt64(), allocation.GetProperty("salesforceLimit").GetInt64(), allocation.GetProperty("allocatedToHubSpot").GetInt64()));
        Assert.Equal(ReportedAt, allocation.GetProperty("reportedAt").GetDateTimeOffset());
        var usage = (await Problems.JsonAsync(health)).GetProperty("apiUsage");
        Assert.Equal((1200, 15000, 5000), (usage.GetProperty("usedLast24h").GetInt64(), usage.GetProperty("salesforceLimit").GetInt64(), usage.GetProperty("allocatedToHubSpot").GetInt64()));
    }

    [Fact]
    public async Task Should_accept_exactly_the_limit()
    {
        var tenant = await ReportedTenantAsync("allocation-limit", used: 0, limit: 15000);

        using var put = await PutAsync(tenant, """{"allocatedToHubSpot":15000}""");

        Assert.Equal(15000, (await Problems.JsonAsync(put)).GetProperty("allocatedToHubSpot").GetInt64());
    }

    [Fact]
    public async Task Should_refuse_an_allocation_above_the_salesforce_limit_and_keep_the_old_one()
    {
        var tenant = await ReportedTenantAsync("allocation-above", used: 10, limit: 15000);
        using var first = await PutAsync(tenant, """{"allocatedToHubSpot":100}""");

        using var refused = await PutAsync(tenant, """{"allocatedToHubSpot":15001}""");
        using var health = await host.GetAsync(TenantErrors.Path(tenant, "sync-health"), host.AdminKey);

        Assert.Contains("15000", Assert.Single(await Problems.FieldAsync(refused, "allocatedToHubSpot")), StringComparison.Ordinal);
        Assert.Equal(100, (await Problems.JsonAsync(health)).GetProperty("apiUsage").GetProperty("allocatedToHubSpot").GetInt64());
    }

    [Fact]
    public async Task Should_store_the_allocation_but_keep_api_usage_null_when_no_usage_was_reported()
    {
        var tenant = SyncFailures.NewTenant("allocation-no-report");

        using var put = await PutAsync(tenant, """{"allocatedToHubSpot":900000}""");
        using var health = await host.GetAsync(TenantErrors.Path(tenant, "sync-health"), host.AdminKey);

        var allocation = await Problems.JsonAsync(put);
        Assert.Equal((0, 0, 900000), (allocation.GetProperty("usedLast24h").GetInt64(), allocation.GetProperty("salesforceLimit").GetInt64(), allocation.GetProperty("allocatedToHubSpot").GetInt64()));
        Assert.Equal(JsonValueKind.Null, allocation.GetProperty("reportedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await Problems.JsonAsync(health)).GetProperty("apiUsage").ValueKind);
    }

    [Fact]
    public async Task Should_clear_the_allocation_back_to_not_set_when_it_is_null()
    {
        var tenant = await ReportedTenantAsync("allocation-clear", used: 1200, limit: 15000);
        using var first = await PutAsync(tenant, """{"allocatedToHubSpot":5000}""");

        using var cleared = await PutAsync(tenant, """{"allocatedToHubSpot":null}""");
        using var health = await host.GetAsync(TenantErrors.Path(tenant, "sync-health"), host.AdminKey);

        Assert.Equal(JsonValueKind.Null, (await Problems.JsonAsync(cleared)).GetProperty("allocatedToHubSpot").ValueKind);
        var usage = (await Problems.JsonAsync(health)).GetProperty("apiUsage");
        Assert.Equal(JsonValueKind.Null, usage.GetProperty("allocatedToHubSpot").ValueKind);
        Assert.Equal(1200, usage.GetProperty("usedLast24h").GetInt64());
    }

    [Theory]
    [InlineData("""{"allocatedToHubSpot":-1}""", "allocatedToHubSpot")]
    [InlineData("""{"allocatedToHubSpot":1.5}""", "allocatedToHubSpot")]
    [InlineData("""{"allocatedToHubSpot":"500"}""", "allocatedToHubSpot")]
    [InlineData("""{}""", "allocatedToHubSpot")]
    [InlineData("""{"allocatedToHubSpot":""", "$")]
    [InlineData("""500""", "$")]
    public async Task Should_answer_400_naming_the_field_when_the_allocation_is_not_a_whole_number_of_zero_or_more(string json, string field)
    {
        using var response = await PutAsync(SyncFailures.NewTenant("allocation-invalid"), json);

        Assert.NotEmpty(await Problems.FieldAsync(response, field));
    }

    [Fact]
    public async Task Should_read_the_allocation_and_reported_figures_when_an_engine_asks_after_a_put()
    {
        var tenant = await ReportedTenantAsync("allocation-read", used: 1200, limit: 15000);
        using var put = await PutAsync(tenant, """{"allocatedToHubSpot":5000}""");

        var allocation = await ReadAsync(tenant);
        Assert.Equal(
            (5000, 15000, 1200),
            (allocation.GetProperty("allocatedToHubSpot").GetInt64(), allocation.GetProperty("salesforceDailyLimit").GetInt64(), allocation.GetProperty("usedLast24h").GetInt64()));
        Assert.Equal(ReportedAt, allocation.GetProperty("reportedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Should_read_null_after_the_allocation_was_cleared()
    {
        var tenant = await ReportedTenantAsync("allocation-read-cleared", used: 10, limit: 15000);
        using var first = await PutAsync(tenant, """{"allocatedToHubSpot":5000}""");
        using var cleared = await PutAsync(tenant, """{"allocatedToHubSpot":null}""");

        var allocation = await ReadAsync(tenant);
        Assert.Equal(JsonValueKind.Null, allocation.GetProperty("allocatedToHubSpot").ValueKind);
        Assert.Equal(15000, allocation.GetProperty("salesforceDailyLimit").GetInt64());
    }

    [Fact]
    public async Task Should_read_the_allocation_with_null_figures_when_no_engine_reported_usage()
    {
        var tenant = SyncFailures.NewTenant("allocation-read-no-report");
        using var put = await PutAsync(tenant, """{"allocatedToHubSpot":900}""");

        var allocation = await ReadAsync(tenant);
        Assert.Equal(900, allocation.GetProperty("allocatedToHubSpot").GetInt64());
        Assert.All(["salesforceDailyLimit", "usedLast24h", "reportedAt"], name => Assert.Equal(JsonValueKind.Null, allocation.GetProperty(name).ValueKind));
    }

    [Fact]
    public async Task Should_read_no_allocation_and_no_figures_when_the_tenant_is_unknown()
    {
        var allocation = await ReadAsync(SyncFailures.NewTenant("allocation-unknown"));
        Assert.Equal(
            ["allocatedToHubSpot", "reportedAt", "salesforceDailyLimit", "usedLast24h"],
            allocation.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.All(allocation.EnumerateObject(), p => Assert.Equal(JsonValueKind.Null, p.Value.ValueKind));
    }

    [Fact]
    public async Task Should_answer_404_when_the_key_is_another_tenants()
    {
        using var read = await host.GetAsync(TenantErrors.Path(ApiHost.Globex, "api-allocation"), host.TenantKeys[ApiHost.Acme]);
        using var put = await host.SendRawAsync(HttpMethod.Put, TenantErrors.Path(ApiHost.Globex, "api-allocation"), host.TenantKeys[ApiHost.Acme], """{"allocatedToHubSpot":1}""");

        await Problems.ReadAsync(read, System.Net.HttpStatusCode.NotFound);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, put.StatusCode);
    }

    private async Task<string> ReportedTenantAsync(string name, long used, long limit)
    {
        var tenant = SyncFailures.NewTenant(name);
        await host.Services.GetRequiredService<IApiUsageStore>().SaveUsageAsync(tenant, used, limit, ReportedAt, TestContext.Current.CancellationToken);
        return tenant;
    }

    private async Task<JsonElement> ReadAsync(string tenant)
    {
        using var read = await host.GetAsync(TenantErrors.Path(tenant, "api-allocation"), host.AdminKey);
        return await Problems.JsonAsync(read);
    }

    private Task<HttpResponseMessage> PutAsync(string tenant, string json) =>
        host.SendRawAsync(HttpMethod.Put, TenantErrors.Path(tenant, "api-allocation"), host.AdminKey, json);
}

using System.Net;
using System.Text.Json;
using EventSync.Api.Tests.Infrastructure;
using EventSync.Core.Usage;
using EventSync.Testing;
using EventSync.Testing.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EventSync.Api.Tests;

/// <summary>
/// <c>GET /api/tenants/{t}/resync-progress?requestId=...</c>: the requests of one resync of all matching errors followed in
/// one call, their records added up by state, deferred ones with why and until when; a bounded number of ids, the tenant's own.
/// </summary>
public sealed class ResyncProgressTests(ApiHost host)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Should_add_up_the_records_of_the_three_requests_of_a_resync_of_250_errors()
    {
        var tenant = SyncFailures.NewTenant("progress-all");
        await host.SeedAsync([.. Enumerable.Range(0, 250).Select(i => SyncFailures.ToSalesforce(tenant, $"all-{i}", SyncFailures.InvalidEmail))]);
        var requestIds = await ResyncAllAsync(tenant);

        var progress = await Eventually.MatchesAsync(
            () => ProgressAsync(tenant, requestIds),
            p => p.GetProperty("counts").GetProperty("sent").GetInt32() == 250,
            Deadline,
            "all 250 records of the three requests show as sent");

        Assert.Equal(3, requestIds.Count);
        Assert.Equal(requestIds, progress.GetProperty("requestIds").EnumerateArray().Select(r => r.GetString()));
        Assert.Empty(progress.GetProperty("unknownRequestIds").EnumerateArray());
        Assert.Equal(250, progress.GetProperty("errors").GetInt32());
        Assert.Equal(250, progress.GetProperty("counts").EnumerateObject().Sum(c => c.Value.GetInt32()));
        Assert.Equal(["queued", "deferred", "sent", "completed", "failed"], progress.GetProperty("counts").EnumerateObject().Select(c => c.Name));
        Assert.Equal("in-progress", progress.GetProperty("outcome").GetString());
        Assert.Empty(progress.GetProperty("deferred").EnumerateArray());
    }

    [Fact]
    public async Task Should_say_how_many_records_wait_and_why_when_the_allocation_is_used_up()
    {
        var tenant = SyncFailures.NewTenant("progress-all-deferred");
        await host.Services.GetRequiredService<IApiUsageStore>().SaveUsageAsync(tenant, 5_000, 5_000, DateTimeOffset.UtcNow, TestContext.Current.CancellationToken);
        await host.SeedAsync([.. Enumerable.Range(0, 2).Select(i => SyncFailures.ToSalesforce(tenant, $"wait-{i}", SyncFailures.InvalidEmail))]);
        var requestIds = await ResyncAllAsync(tenant);

        var progress = await Eventually.MatchesAsync(
            () => ProgressAsync(tenant, requestIds),
            p => p.GetProperty("counts").GetProperty("deferred").GetInt32() == 2,
            Deadline,
            "both records show as deferred");

        var deferral = Assert.Single(progress.GetProperty("deferred").EnumerateArray());
        Assert.StartsWith("api-budget:", deferral.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, deferral.GetProperty("records").GetInt32());
        // The reported usage alone fills the allocation: the records wait for a report, not for a time.
        Assert.Equal(JsonValueKind.Null, deferral.GetProperty("earliestExpectedAt").ValueKind);
    }

    [Fact]
    public async Task Should_count_another_tenants_request_as_unknown_and_none_of_its_records()
    {
        var other = SyncFailures.NewTenant("progress-other");
        await host.SeedAsync([SyncFailures.ToSalesforce(other, "other-1", SyncFailures.InvalidEmail)]);
        var requestIds = await ResyncAllAsync(other);

        var progress = await ProgressAsync(ApiHost.Acme, requestIds, host.TenantKeys[ApiHost.Acme]);

        Assert.Equal(requestIds, progress.GetProperty("unknownRequestIds").EnumerateArray().Select(r => r.GetString()));
        Assert.Empty(progress.GetProperty("requestIds").EnumerateArray());
        Assert.Equal(0, progress.GetProperty("counts").EnumerateObject().Sum(c => c.Value.GetInt32()));
    }

    [Theory]
    [InlineData(0, "Name at least one resync request id.")]
    [InlineData(101, "At most 100 request ids; this request has 101.")]
    public async Task Should_answer_a_problem_naming_request_id_when_there_are_none_or_more_than_100(int count, string message)
    {
        var query = string.Join("&", Enumerable.Range(0, count).Select(i => $"requestId=r{i}"));

        using var response = await host.GetAsync(TenantErrors.Path(ApiHost.Acme, "resync-progress") + (query.Length > 0 ? "?" + query : ""), host.AdminKey);

        Assert.Equal(message, Assert.Single(await Problems.FieldAsync(response, "requestId")));
    }

    private async Task<List<string>> ResyncAllAsync(string tenant)
    {
        using var response = await host.SendAsync(HttpMethod.Post, TenantErrors.Path(tenant, "resync-all"), host.AdminKey, new { });
        var accepted = await Problems.JsonAsync(response, HttpStatusCode.Accepted);
        return [.. accepted.GetProperty("requestIds").EnumerateArray().Select(r => r.GetString()!)];
    }

    private async Task<JsonElement> ProgressAsync(string tenant, IEnumerable<string> requestIds, string? key = null)
    {
        var query = string.Join("&", requestIds.Select(id => $"requestId={Uri.EscapeDataString(id)}"));
        using var response = await host.GetAsync(TenantErrors.Path(tenant, "resync-progress") + "?" + query, key ?? host.AdminKey);
        return await Problems.JsonAsync(response);
    }
}

using System.Net;
using System.Text.Json;
using EventSync.Api.Tests.Infrastructure;
using EventSync.Core.Usage;
using EventSync.Testing;
using EventSync.Testing.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EventSync.Api.Tests;

/// <summary>
/// <c>GET /api/tenants/{t}/resync-requests</c> and <c>.../{id}</c>: the tenant's requests newest first, and an accepted resync request can be followed at once, record by record,
/// inside the standalone host (in-memory bus: the resync goes out on an exchange nobody is bound to, and shows as sent).
/// </summary>
public sealed class ResyncRequestProgressTests(ApiHost host)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Should_point_to_the_progress_and_show_each_record_sent_when_a_resync_is_accepted()
    {
        var tenant = ApiHost.Acme;
        var hubSpotId = $"progress-{Guid.NewGuid():N}";
        var errors = await host.SeedAsync(
        [
            SyncFailures.ToSalesforce(tenant, hubSpotId, SyncFailures.InvalidEmail),
            SyncFailures.ToSalesforce(tenant, hubSpotId, SyncFailures.ValidationRule),
            SyncFailures.ToSalesforce(tenant, hubSpotId + "-2", SyncFailures.InvalidEmail),
        ]);

        using var response = await host.SendAsync(HttpMethod.Post, TenantErrors.Path(tenant, "resync"), host.TenantKeys[tenant], new { errorIds = errors.Select(e => e.Id) });

        var accepted = await Problems.JsonAsync(response, HttpStatusCode.Accepted);
        var requestId = accepted.GetProperty("requestId").GetString()!;
        Assert.Equal(TenantErrors.Path(tenant, $"resync-requests/{requestId}"), response.Headers.Location?.OriginalString);
        using var first = await host.GetAsync(response.Headers.Location!.OriginalString, host.TenantKeys[tenant]);
        var recorded = await Problems.JsonAsync(first);
        Assert.Equal((requestId, $"tenant:{tenant}", "operator"), (recorded.GetProperty("requestId").GetString(), recorded.GetProperty("requestedBy").GetString(), recorded.GetProperty("kind").GetString()));
        Assert.Equal(2, recorded.GetProperty("parts").GetArrayLength());

        var progress = await Eventually.MatchesAsync(
            () => ReadAsync(tenant, requestId),
            p => p.GetProperty("counts").GetProperty("sent").GetInt32() == 2,
            Deadline,
            "both records show as sent");
        var parts = progress.GetProperty("parts").EnumerateArray().ToList();
        Assert.Equal([hubSpotId, hubSpotId + "-2"], parts.Select(p => p.GetProperty("hubSpotId").GetString()));
        Assert.Equal([2, 1], parts.Select(p => p.GetProperty("errorIds").GetArrayLength()));
        Assert.All(parts, p => Assert.Equal(JsonValueKind.String, p.GetProperty("sentAt").ValueKind));
        Assert.Equal("in-progress", progress.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Should_show_records_deferred_with_the_reason_when_the_allocation_is_used_up()
    {
        var tenant = SyncFailures.NewTenant("progress-deferred");
        var usage = host.Services.GetRequiredService<IApiUsageStore>();
        await usage.SaveUsageAsync(tenant, 5_000, 5_000, DateTimeOffset.UtcNow, TestContext.Current.CancellationToken);
        var errors = await host.SeedAsync([SyncFailures.ToSalesforce(tenant, "901", SyncFailures.InvalidEmail)]);

        using var response = await host.SendAsync(HttpMethod.Post, TenantErrors.Path(tenant, "resync"), host.AdminKey, new { errorIds = errors.Select(e => e.Id) });
        var requestId = (await Problems.JsonAsync(response, HttpStatusCode.Accepted)).GetProperty("requestId").GetString()!;

        var progress = await Eventually.MatchesAsync(
            () => ReadAsync(tenant, requestId),
            p => p.GetProperty("counts").GetProperty("deferred").GetInt32() == 1,
            Deadline,
            "the record shows as deferred");
        var part = progress.GetProperty("parts")[0];
        Assert.Equal(JsonValueKind.Null, part.GetProperty("expectedAt").ValueKind);
        Assert.StartsWith("api-budget:", part.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_answer_not_found_when_the_request_is_unknown_or_another_tenants()
    {
        var errors = await host.SeedAsync([SyncFailures.ToSalesforce(ApiHost.Acme, $"iso-{Guid.NewGuid():N}", SyncFailures.InvalidEmail)]);
        using var response = await host.SendAsync(HttpMethod.Post, TenantErrors.Path(ApiHost.Acme, "resync"), host.AdminKey, new { errorIds = errors.Select(e => e.Id) });
        var requestId = (await Problems.JsonAsync(response, HttpStatusCode.Accepted)).GetProperty("requestId").GetString()!;

        using var unknown = await host.GetAsync(TenantErrors.Path(ApiHost.Acme, "resync-requests/no-such-request"), host.TenantKeys[ApiHost.Acme]);
        using var others = await host.GetAsync(TenantErrors.Path(ApiHost.Globex, $"resync-requests/{requestId}"), host.TenantKeys[ApiHost.Globex]);
        using var wrongKey = await host.GetAsync(TenantErrors.Path(ApiHost.Acme, $"resync-requests/{requestId}"), host.TenantKeys[ApiHost.Globex]);

        await Problems.ReadAsync(unknown, HttpStatusCode.NotFound);
        await Problems.ReadAsync(others, HttpStatusCode.NotFound);
        Assert.NotEqual(HttpStatusCode.OK, wrongKey.StatusCode);
    }

    [Fact]
    public async Task Should_list_the_tenants_requests_newest_first_in_pages_with_where_each_one_is_followed()
    {
        var tenant = SyncFailures.NewTenant("progress-list");
        var errors = await host.SeedAsync([.. Enumerable.Range(0, 3).Select(i => SyncFailures.ToSalesforce(tenant, $"list-{i}", SyncFailures.InvalidEmail))]);
        var requestIds = new List<string>();
        foreach (var error in errors)
        {
            using var response = await host.SendAsync(HttpMethod.Post, TenantErrors.Path(tenant, "resync"), host.AdminKey, new { errorIds = new[] { error.Id } });
            requestIds.Add((await Problems.JsonAsync(response, HttpStatusCode.Accepted)).GetProperty("requestId").GetString()!);
        }

        // The list shows what the resync worker has recorded: every request once it has.
        var first = await Eventually.MatchesAsync(
            () => ListAsync(tenant, "?limit=2"),
            page => page.GetProperty("items").GetArrayLength() == 2 && page.GetProperty("next").ValueKind == JsonValueKind.String,
            Deadline,
            "the first page holds two requests and points to the next");
        var second = await ListAsync(tenant, $"?limit=2&cursor={Uri.EscapeDataString(first.GetProperty("next").GetString()!)}");

        var listed = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).ToList();
        Assert.Equal(Enumerable.Reverse(requestIds), listed.Select(r => r.GetProperty("requestId").GetString()));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);
        var newest = listed[0];
        Assert.Equal(("admin", "operator", 1), (newest.GetProperty("requestedBy").GetString(), newest.GetProperty("kind").GetString(), newest.GetProperty("errors").GetInt32()));
        Assert.Equal(TenantErrors.Path(tenant, $"resync-requests/{requestIds[^1]}"), newest.GetProperty("href").GetString());
        Assert.Equal(1, newest.GetProperty("counts").EnumerateObject().Sum(c => c.Value.GetInt32()));
        var othersList = (await ListAsync(ApiHost.Globex, string.Empty)).GetProperty("items").EnumerateArray().Select(r => r.GetProperty("requestId").GetString());
        Assert.DoesNotContain(othersList, requestIds.Contains!);
    }

    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=ten", "limit")]
    [InlineData("?cursor=not-a-cursor!", "cursor")]
    public async Task Should_answer_a_problem_naming_the_parameter_when_the_paging_is_not_valid(string query, string parameter)
    {
        using var response = await host.GetAsync(TenantErrors.Path(ApiHost.Acme, "resync-requests") + query, host.TenantKeys[ApiHost.Acme]);

        var problem = await Problems.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), $"the problem names '{parameter}'");
    }

    private async Task<JsonElement> ListAsync(string tenant, string query)
    {
        using var response = await host.GetAsync(TenantErrors.Path(tenant, "resync-requests") + query, host.AdminKey);
        return await Problems.JsonAsync(response);
    }

    private async Task<JsonElement> ReadAsync(string tenant, string requestId)
    {
        using var response = await host.GetAsync(TenantErrors.Path(tenant, $"resync-requests/{requestId}"), host.AdminKey);
        return await Problems.JsonAsync(response);
    }
}

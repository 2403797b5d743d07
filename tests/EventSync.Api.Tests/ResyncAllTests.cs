using System.Net;
using EventSync.Api.Tests.Infrastructure;
using EventSync.Core.Errors;
using EventSync.Testing;
using EventSync.Testing.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EventSync.Api.Tests;

/// <summary>
/// <c>POST /api/tenants/{t}/resync-all</c>: every open error a filter selects, resynced in requests of at most 100, each
/// recorded and sent as a single resync is.
/// </summary>
public sealed class ResyncAllTests(ApiHost host)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Should_resync_every_open_error_of_the_type_in_requests_of_100_when_250_match()
    {
        var tenant = SyncFailures.NewTenant("resync-all");
        var card = await host.SeedAsync(Enumerable.Range(0, 250).Select(i => SyncFailures.ToSalesforce(tenant, $"all-{i}", SyncFailures.InvalidEmail)));
        var others = await host.SeedAsync([SyncFailures.ToSalesforce(tenant, "other-1", SyncFailures.ValidationRule)]);

        using var response = await host.SendAsync(HttpMethod.Post, TenantErrors.Path(tenant, "resync-all"), host.AdminKey, new { errorType = card[0].ErrorType });

        var accepted = await Problems.JsonAsync(response, HttpStatusCode.Accepted);
        var requestIds = accepted.GetProperty("requestIds").EnumerateArray().Select(r => r.GetString()!).ToList();
        Assert.Equal(3, requestIds.Count);
        Assert.Equal((250, 0), (accepted.GetProperty("errors").GetInt32(), accepted.GetProperty("alreadyPending").GetInt32()));
        Assert.Equal(TenantErrors.Path(tenant, "resync-requests"), response.Headers.Location?.OriginalString);
        var commands = await Eventually.MatchesAsync(
            () => Task.FromResult(host.ResyncCommands.Published.Where(c => c.TenantId == tenant).ToList()),
            c => c.Count == 3,
            Deadline,
            "a ResyncErrors command per request");
        Assert.Equal(requestIds.Order(StringComparer.Ordinal), commands.Select(c => c.RequestId).Order(StringComparer.Ordinal));
        Assert.Equal([50, 100, 100], commands.Select(c => c.ErrorIds.Count).Order());
        Assert.Equal(card.Select(e => e.Id).Order(StringComparer.Ordinal), commands.SelectMany(c => c.ErrorIds).Order(StringComparer.Ordinal));
        var stored = await Queries.GetManyAsync(tenant, [.. card.Select(e => e.Id), others[0].Id], TestContext.Current.CancellationToken);
        Assert.All(stored.Where(e => e.Id != others[0].Id), e => Assert.Equal(SyncErrorState.ResyncPending, e.State));
        Assert.Equal(SyncErrorState.Open, stored.Single(e => e.Id == others[0].Id).State);
        foreach (var requestId in requestIds)
        {
            using var progress = await host.GetAsync(TenantErrors.Path(tenant, $"resync-requests/{requestId}"), host.AdminKey);
            Assert.Equal(HttpStatusCode.OK, progress.StatusCode);
        }
    }

    [Fact]
    public async Task Should_answer_200_with_no_request_when_no_open_error_matches_any_more()
    {
        var tenant = SyncFailures.NewTenant("resync-all-again");
        var errors = await host.SeedAsync([SyncFailures.ToSalesforce(tenant, "again-1", SyncFailures.InvalidEmail)]);
        using (var first = await host.SendAsync(HttpMethod.Post, TenantErrors.Path(tenant, "resync-all"), host.AdminKey, new { objectType = "contact" }))
        {
            Assert.Equal(1, (await Problems.JsonAsync(first, HttpStatusCode.Accepted)).GetProperty("errors").GetInt32());
        }

        using var second = await host.SendAsync(HttpMethod.Post, TenantErrors.Path(tenant, "resync-all"), host.AdminKey, new { objectType = "contact" });

        var answer = await Problems.JsonAsync(second, HttpStatusCode.OK);
        Assert.Empty(answer.GetProperty("requestIds").EnumerateArray());
        Assert.Equal(0, answer.GetProperty("errors").GetInt32());
        Assert.Equal(SyncErrorState.ResyncPending, (await Queries.GetManyAsync(tenant, [errors[0].Id], TestContext.Current.CancellationToken))[0].State);
    }

    [Theory]
    [InlineData("{\"state\":\"resolved\"}", "state")]
    [InlineData("{\"category\":\"no-such-category\"}", "category")]
    [InlineData("{\"from\":\"yesterday\"}", "from")]
    [InlineData("{\"errorType\":42}", "errorType")]
    public async Task Should_refuse_naming_the_field_and_resync_nothing_when_the_filter_is_not_valid(string body, string field)
    {
        var tenant = SyncFailures.NewTenant("resync-all-invalid");
        var errors = await host.SeedAsync([SyncFailures.ToSalesforce(tenant, "invalid-1", SyncFailures.InvalidEmail)]);

        using var response = await host.SendRawAsync(HttpMethod.Post, TenantErrors.Path(tenant, "resync-all"), host.AdminKey, body);

        Assert.NotEmpty(await Problems.FieldAsync(response, field));
        Assert.Equal(SyncErrorState.Open, (await Queries.GetManyAsync(tenant, [errors[0].Id], TestContext.Current.CancellationToken))[0].State);
    }

    private ISyncErrorQueries Queries => host.Services.GetRequiredService<ISyncErrorQueries>();
}

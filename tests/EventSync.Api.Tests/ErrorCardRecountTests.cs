using EventSync.Api.Tests.Infrastructure;
using EventSync.Testing;
using EventSync.Testing.Http;

namespace EventSync.Api.Tests;

/// <summary><c>POST /api/tenants/{t}/cards/recount</c>: the cards counted again from the errors, as sync-health then shows them.</summary>
public sealed class ErrorCardRecountTests(ApiHost host)
{
    [Fact]
    public async Task Should_answer_the_cards_counted_from_the_errors_the_same_as_sync_health_then_shows()
    {
        var tenant = SyncFailures.NewTenant("recount");
        await host.SeedAsync(
        [
            SyncFailures.ToSalesforce(tenant, "801", SyncFailures.InvalidEmail),
            SyncFailures.ToSalesforce(tenant, "802", SyncFailures.InvalidEmail),
            SyncFailures.ToSalesforce(tenant, "802", SyncFailures.DuplicateRule),
        ]);

        using var recount = await host.SendAsync(HttpMethod.Post, TenantErrors.Path(tenant, "cards/recount"), host.AdminKey);
        using var health = await host.GetAsync(TenantErrors.Path(tenant, "sync-health"), host.AdminKey);

        var counted = (await Problems.JsonAsync(recount)).EnumerateArray()
            .Select(c => (c.GetProperty("errorType").GetString(), c.GetProperty("currentErrors").GetInt64(), c.GetProperty("affectedRecords").GetInt64()))
            .ToList();
        var shown = (await Problems.JsonAsync(health)).GetProperty("errorCards").EnumerateArray()
            .Select(c => (c.GetProperty("errorType").GetString(), c.GetProperty("currentErrors").GetInt64(), c.GetProperty("affectedRecords").GetInt64()))
            .ToList();
        Assert.Contains((SyncFailures.InvalidEmailType, 2L, 2L), counted);
        Assert.Equal(2, counted.Count);
        Assert.Equal(shown, counted);
    }
}

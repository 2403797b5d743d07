using System.Net;
using EventSync.Api.Tests.Infrastructure;
using EventSync.Testing;
using EventSync.Testing.Http;

namespace EventSync.Api.Tests;

/// <summary>Every new tenant route: 401 without a valid key, 404 with another tenant's key, never the other tenant's data.</summary>
public sealed class TenantIsolationTests(ApiHost host)
{
    public static TheoryData<string, string> Routes { get; } = new()
    {
        { "GET", "errors" },
        { "GET", "errors/0123456789abcdef01234567" },
        { "GET", "errors/export.csv" },
        { "POST", "resync" },
        { "GET", "sync-health" },
        { "PUT", "api-allocation" },
        { "POST", "cards/recount" },
        { "GET", "error-trend" },
        { "POST", "views" },
        { "GET", "views/0123456789abcdef" },
        { "GET", "notification-settings" },
        { "PUT", "notification-settings" },
        { "POST", "notifications/test" },
        { "GET", "webhooks" },
        { "PUT", "webhooks" },
        { "GET", "webhooks/deliveries" },
        { "POST", "webhooks/ops/test" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Should_answer_401_when_no_key_is_sent(string method, string route)
    {
        using var response = await host.SendAsync(new HttpMethod(method), TenantErrors.Path(ApiHost.Acme, route), key: null, Body(method));

        var problem = await Problems.ReadAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Should_answer_404_when_another_tenants_key_is_sent(string method, string route)
    {
        using var response = await host.SendAsync(new HttpMethod(method), TenantErrors.Path(ApiHost.Acme, route), host.TenantKeys[ApiHost.Globex], Body(method));

        await Problems.ReadAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Should_list_only_the_tenants_own_errors_when_its_key_is_sent()
    {
        var acmeError = (await host.SeedAsync([SyncFailures.ToSalesforce(ApiHost.Acme, $"iso-{Guid.NewGuid():N}", SyncFailures.InvalidEmail)])).Single();
        var globexError = (await host.SeedAsync([SyncFailures.ToSalesforce(ApiHost.Globex, $"iso-{Guid.NewGuid():N}", SyncFailures.InvalidEmail)])).Single();

        using var own = await host.GetAsync(TenantErrors.Path(ApiHost.Globex, $"errors/{globexError.Id}"), host.TenantKeys[ApiHost.Globex]);
        using var others = await host.GetAsync(TenantErrors.Path(ApiHost.Globex, $"errors/{acmeError.Id}"), host.TenantKeys[ApiHost.Globex]);
        using var list = await host.GetAsync(TenantErrors.Path(ApiHost.Globex, "errors?limit=200"), host.TenantKeys[ApiHost.Globex]);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        await Problems.ReadAsync(others, HttpStatusCode.NotFound);
        var ids = (await Problems.JsonAsync(list)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToList();
        Assert.Contains(globexError.Id, ids);
        Assert.DoesNotContain(acmeError.Id, ids);
    }

    private static object? Body(string method) => method is "POST" or "PUT" ? new { errorIds = new[] { "x" }, allocatedToHubSpot = 1, enabled = false } : null;
}

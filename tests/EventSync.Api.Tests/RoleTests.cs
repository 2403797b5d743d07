using System.Net;
using EventSync.Api.Tests.Infrastructure;
using EventSync.Testing;
using EventSync.Testing.Http;

namespace EventSync.Api.Tests;

/// <summary>
/// Named keys with roles: a reader only reads (403 problem on every change), an operator also resyncs, reports failures,
/// ignores and restores errors and creates views, an admin also changes the allocation, the notification settings and the
/// record links. The key's name is recorded as who asked.
/// </summary>
public sealed class RoleTests(RolesApiHost host) : IClassFixture<RolesApiHost>
{
    /// <summary>Every route that changes something, with the least role it needs.</summary>
    public static TheoryData<string, string, string, string> ChangingRoutes { get; } = new()
    {
        { "POST", "resync", "{\"errorIds\":[\"000000000000000000000000\"]}", "operator" },
        { "POST", "resync-all", "{\"errorType\":\"invalid-email\"}", "operator" },
        { "POST", "views", "{}", "operator" },
        { "POST", "errors/ignore", "{\"filter\":{\"errorType\":\"invalid-email\"}}", "operator" },
        { "POST", "errors/restore", "{\"filter\":{}}", "operator" },
        { "PUT", "errors/assignee", "{\"filter\":{},\"assignee\":null}", "operator" },
        { "PUT", "errors/{errorId}/assignee", "{\"assignee\":null}", "operator" },
        { "POST", "errors/{errorId}/notes", "{\"text\":\"checked\"}", "operator" },
        { "PUT", "api-allocation", "{\"allocatedToHubSpot\":1000}", "admin" },
        { "PUT", "notification-settings", "{\"enabled\":false,\"frequency\":\"daily\",\"recipients\":[],\"timeZone\":\"UTC\",\"language\":\"en\"}", "admin" },
        { "PUT", "links", "{\"hubSpotPortalId\":\"4712\"}", "admin" },
        { "POST", "cards/recount", "", "admin" },
        { "POST", "notifications/test", "", "admin" },
        { "PUT", "webhooks", "{\"endpoints\":[{\"id\":\"ops\",\"url\":\"https://hooks.example.com/x\",\"secret\":\"0123456789abcdef\",\"format\":\"json\",\"events\":[\"digest\"]}]}", "admin" },
        { "POST", "webhooks/{endpointId}/test", "", "admin" },
    };

    public static TheoryData<string, string, string, string, string> RoleAgainstRoute { get; } = Cross();

    [Theory]
    [MemberData(nameof(RoleAgainstRoute))]
    public async Task Should_refuse_with_403_exactly_the_changes_the_role_may_not_make(string role, string method, string route, string body, string needs)
    {
        using var response = await SendAsync(method, route, host.KeyOf(role), body);

        var allowed = Rank(role) >= Rank(needs);
        if (allowed)
        {
            Assert.True(
                response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized or HttpStatusCode.NotFound),
                $"A {role} may {method} {route}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        }
        else
        {
            var problem = await Problems.ReadAsync(response, HttpStatusCode.Forbidden);
            Assert.Contains($"needs {needs} or more", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Should_list_every_changing_tenant_route_of_the_api_document_with_its_role()
    {
        using var response = await host.GetAsync("/openapi/v1.json", key: null);

        var changing = (await Problems.JsonAsync(response)).GetProperty("paths").EnumerateObject()
            .Where(p => p.Name.StartsWith("/api/tenants/{tenantId}/", StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject().Where(o => o.Name != "get").Select(o => $"{o.Name.ToUpperInvariant()} {p.Name["/api/tenants/{tenantId}/".Length..]}"))
            .Order(StringComparer.Ordinal);
        Assert.Equal(ChangingRoutes.Select(r => $"{r.Data.Item1} {r.Data.Item2}").Order(StringComparer.Ordinal), changing);
    }

    [Fact]
    public async Task Should_let_a_reader_read_the_api_allocation_but_not_change_it()
    {
        using var read = await host.GetAsync(TenantErrors.Path(ApiHost.Acme, "api-allocation"), host.ReaderKey);
        using var put = await host.SendRawAsync(HttpMethod.Put, TenantErrors.Path(ApiHost.Acme, "api-allocation"), host.ReaderKey, "{\"allocatedToHubSpot\":1}");

        Assert.True((await Problems.JsonAsync(read)).TryGetProperty("allocatedToHubSpot", out _));
        await Problems.ReadAsync(put, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Should_let_a_reader_read_and_say_who_it_is()
    {
        using var errors = await host.GetAsync(TenantErrors.Path(ApiHost.Acme, "errors"), host.ReaderKey);
        using var me = await host.GetAsync(TenantErrors.Path(ApiHost.Acme, "me"), host.ReaderKey);
        using var everyTenant = await host.GetAsync(TenantErrors.Path(ApiHost.Globex, "me"), host.EveryTenantOperatorKey);

        Assert.Equal(HttpStatusCode.OK, errors.StatusCode);
        var who = await Problems.JsonAsync(me);
        Assert.Equal(("rita", "reader", 1), (who.GetProperty("name").GetString(), who.GetProperty("role").GetString(), who.GetProperty("tenants").GetArrayLength()));
        var engine = await Problems.JsonAsync(everyTenant);
        Assert.Equal(("sync-engine", "operator"), (engine.GetProperty("name").GetString(), engine.GetProperty("role").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, engine.GetProperty("tenants").ValueKind);
    }

    [Fact]
    public async Task Should_answer_not_found_when_a_named_key_is_used_on_a_tenant_it_does_not_open()
    {
        using var response = await host.GetAsync(TenantErrors.Path(ApiHost.Globex, "errors"), host.ReaderKey);

        await Problems.ReadAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Should_refuse_a_reader_reporting_failures_and_accept_an_operator()
    {
        var failure = System.Text.Json.JsonSerializer.Serialize(
            SyncFailures.ToSalesforce(ApiHost.Acme, $"role-{Guid.NewGuid():N}", SyncFailures.InvalidEmail), Contracts.ContractJson.Options);

        using var reader = await host.SendRawAsync(HttpMethod.Post, "/api/failures", host.ReaderKey, failure);
        using var @operator = await host.SendRawAsync(HttpMethod.Post, "/api/failures", host.OperatorKey, failure);

        await Problems.ReadAsync(reader, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Accepted, @operator.StatusCode);
    }

    [Fact]
    public async Task Should_record_the_keys_name_as_who_asked_when_a_named_operator_resyncs()
    {
        var errors = await host.SeedAsync([SyncFailures.ToSalesforce(ApiHost.Acme, $"who-{Guid.NewGuid():N}", SyncFailures.InvalidEmail)]);

        using var response = await host.SendAsync(HttpMethod.Post, TenantErrors.Path(ApiHost.Acme, "resync"), host.OperatorKey, new { errorIds = errors.Select(e => e.Id) });

        var requestId = (await Problems.JsonAsync(response, HttpStatusCode.Accepted)).GetProperty("requestId").GetString()!;
        using var progress = await host.GetAsync(TenantErrors.Path(ApiHost.Acme, $"resync-requests/{requestId}"), host.ReaderKey);
        Assert.Equal("otto", (await Problems.JsonAsync(progress)).GetProperty("requestedBy").GetString());
        Assert.Contains(host.ResyncCommands.Published, c => c.RequestId == requestId && c.RequestedBy == "otto");
    }

    [Fact]
    public async Task Should_let_a_reader_follow_the_combined_progress_of_resync_requests()
    {
        var errors = await host.SeedAsync([SyncFailures.ToSalesforce(ApiHost.Acme, $"combined-{Guid.NewGuid():N}", SyncFailures.InvalidEmail)]);
        using var response = await host.SendAsync(HttpMethod.Post, TenantErrors.Path(ApiHost.Acme, "resync"), host.OperatorKey, new { errorIds = errors.Select(e => e.Id) });
        var requestId = (await Problems.JsonAsync(response, HttpStatusCode.Accepted)).GetProperty("requestId").GetString()!;

        using var progress = await host.GetAsync(TenantErrors.Path(ApiHost.Acme, $"resync-progress?requestId={Uri.EscapeDataString(requestId)}"), host.ReaderKey);

        var combined = await Problems.JsonAsync(progress);
        Assert.Equal([requestId], combined.GetProperty("requestIds").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(1, combined.GetProperty("errors").GetInt32());
    }

    private static TheoryData<string, string, string, string, string> Cross()
    {
        var data = new TheoryData<string, string, string, string, string>();
        foreach (var role in new[] { "reader", "operator", "admin" })
        {
            foreach (var route in ChangingRoutes)
            {
                var (method, path, body, needs) = route.Data;
                data.Add(role, method, path, body, needs);
            }
        }

        return data;
    }

    private static int Rank(string role) => Array.IndexOf(["reader", "operator", "admin"], role);

    // A route of one error is tried on an error of the tenant, so that an allowed role is not answered 404.
    private async Task<HttpResponseMessage> SendAsync(string method, string route, string key, string body)
    {
        if (route.Contains("{errorId}", StringComparison.Ordinal))
        {
            var error = (await host.SeedAsync([SyncFailures.ToSalesforce(ApiHost.Acme, "role-error", SyncFailures.InvalidEmail)]))[0];
            route = route.Replace("{errorId}", error.Id, StringComparison.Ordinal);
        }

        if (route.Contains("{endpointId}", StringComparison.Ordinal))
        {
            await host.SaveAsync(ApiHost.Acme, host.TenantAdminKey, WebhookBodies.Endpoint("role-hook"));
            route = route.Replace("{endpointId}", "role-hook", StringComparison.Ordinal);
        }

        return await host.SendRawAsync(new HttpMethod(method), TenantErrors.Path(ApiHost.Acme, route), key, body);
    }
}

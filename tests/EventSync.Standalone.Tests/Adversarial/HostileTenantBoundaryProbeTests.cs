using System.Net;
using EventSync.Standalone.Tests.Infrastructure;
using EventSync.Testing;
using EventSync.Testing.Http;

namespace EventSync.Standalone.Tests.Adversarial;

/// <summary>
/// The bounds every tenant route keeps on the real process, route by route: no answer without a key, nothing of a tenant
/// with another tenant's key, and no body past the route's limit, sent whole or chunked.
/// </summary>
public sealed class HostileTenantBoundaryProbeTests(ProbedStandalone host) : IClassFixture<ProbedStandalone>
{
    /// <summary>Routes that take a body, each with its method.</summary>
    public static TheoryData<string, string> ChangingRoutes { get; } = new()
    {
        { "POST", "resync-all" },
        { "PUT", "links" },
        { "POST", "errors/ignore" },
        { "POST", "errors/restore" },
        { "PUT", "errors/assignee" },
    };

    [Theory]
    [InlineData("resync-all", "POST")]
    [InlineData("links", "PUT")]
    [InlineData("links", "GET")]
    [InlineData("resync-requests", "GET")]
    [InlineData("me", "GET")]
    [InlineData("errors/ignore", "POST")]
    [InlineData("errors/restore", "POST")]
    [InlineData("errors/assignee", "PUT")]
    [InlineData("errors/some-error/assignee", "PUT")]
    [InlineData("errors/some-error/notes", "POST")]
    [InlineData("audit", "GET")]
    [InlineData("audit/export.csv", "GET")]
    [InlineData("resync-progress?requestId=r-1", "GET")]
    [InlineData("api-allocation", "GET")]
    [InlineData("api-allocation", "PUT")]
    public async Task Should_answer_401_without_a_key_and_404_with_another_tenants_key(string route, string method)
    {
        using var none = await host.SendJsonAsync(new HttpMethod(method), ProbedStandalone.TenantPath(ProbedStandalone.Acme, route), key: null, "{}");
        using var other = await host.SendJsonAsync(new HttpMethod(method), ProbedStandalone.TenantPath(ProbedStandalone.Acme, route), host.TenantKeys[ProbedStandalone.Globex], "{}");

        await Problems.ReadAsync(none, HttpStatusCode.Unauthorized);
        await Problems.ReadAsync(other, HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(ChangingRoutes))]
    public async Task Should_answer_413_problem_when_the_body_is_larger_than_the_route_takes(string method, string route)
    {
        var json = $$"""{"filter":{},"reason":"{{new string('a', 70 * 1024)}}"}""";

        using var response = await host.SendJsonAsync(new HttpMethod(method), ProbedStandalone.TenantPath(SyncFailures.NewTenant("big"), route), host.AdminKey, json);

        await Problems.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [MemberData(nameof(ChangingRoutes))]
    public async Task Should_answer_413_problem_when_a_chunked_body_runs_past_the_limit(string method, string route)
    {
        using var response = await host.SendChunkedAsync(
            new HttpMethod(method), ProbedStandalone.TenantPath(SyncFailures.NewTenant("chunked"), route), ChunkedRequest.Repeating("{\"reason\":\"", "aaaaaaaa", 9L * 1024 * 1024, "\"}"));

        await Problems.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }
}

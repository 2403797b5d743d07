using System.Net;
using EventSync.Api.RateLimiting;
using EventSync.Api.Tests.Infrastructure;
using EventSync.Contracts;
using EventSync.Testing;
using EventSync.Testing.Http;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace EventSync.Api.Tests;

/// <summary>Resync, export and test digests are limited per tenant in fixed windows (defaults: 30 resyncs, 10 exports, 3 test digests a minute).</summary>
public sealed class RateLimitTests(ApiHost host)
{
    [Fact]
    public async Task Should_answer_429_problem_when_a_tenant_exports_more_than_the_window_allows()
    {
        var tenant = SyncFailures.NewTenant("limit-export");
        var limit = new ApiRateLimitOptions().ExportsPerWindow;
        for (var i = 0; i < limit; i++)
        {
            using var allowed = await host.GetAsync(TenantErrors.Path(tenant, "errors/export.csv"), host.AdminKey);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await host.GetAsync(TenantErrors.Path(tenant, "errors/export.csv"), host.AdminKey);
        using var otherTenant = await host.GetAsync(TenantErrors.Path(SyncFailures.NewTenant("limit-export-other"), "errors/export.csv"), host.AdminKey);

        var problem = await Problems.ReadAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, otherTenant.StatusCode);
    }

    [Fact]
    public async Task Should_answer_429_problem_when_a_tenant_sends_more_resync_requests_than_the_window_allows()
    {
        var tenant = SyncFailures.NewTenant("limit-resync");
        var limit = new ApiRateLimitOptions().ResyncRequestsPerWindow;
        for (var i = 0; i < limit; i++)
        {
            using var counted = await host.SendAsync(HttpMethod.Post, TenantErrors.Path(tenant, "resync"), host.AdminKey, new { errorIds = new[] { "unknown" } });
            Assert.Equal(HttpStatusCode.BadRequest, counted.StatusCode);
        }

        using var refused = await host.SendAsync(HttpMethod.Post, TenantErrors.Path(tenant, "resync"), host.AdminKey, new { errorIds = new[] { "unknown" } });

        await Problems.ReadAsync(refused, HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Should_answer_429_problem_and_send_no_more_digests_when_a_tenant_asks_for_more_test_digests_than_the_window_allows()
    {
        var tenant = SyncFailures.NewTenant("limit-digest");
        using var saved = await host.SendAsync(
            HttpMethod.Put, TenantErrors.Path(tenant, "notification-settings"), host.AdminKey,
            new { enabled = true, frequency = "daily", recipients = new[] { "ops@example.com" } });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var published = new PublishedMessages<SendErrorDigest>();
        using var observer = host.Services.GetRequiredService<IBus>().ConnectPublishObserver(published);
        var limit = new ApiRateLimitOptions().NotificationTestsPerWindow;
        for (var i = 0; i < limit; i++)
        {
            using var sent = await host.SendAsync(HttpMethod.Post, TenantErrors.Path(tenant, "notifications/test"), host.AdminKey);
            Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        }

        using var refused = await host.SendAsync(HttpMethod.Post, TenantErrors.Path(tenant, "notifications/test"), host.AdminKey);
        using var otherTenant = await host.SendAsync(HttpMethod.Post, TenantErrors.Path(SyncFailures.NewTenant("limit-digest-other"), "notifications/test"), host.AdminKey);

        var problem = await Problems.ReadAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.Conflict, otherTenant.StatusCode);
        Assert.Equal(limit, published.Published.Count(c => c.TenantId == tenant));
    }

    [Fact]
    public async Task Should_not_count_requests_without_a_valid_key_against_the_tenant()
    {
        var tenant = SyncFailures.NewTenant("limit-no-key");
        var limit = new ApiRateLimitOptions().ExportsPerWindow;
        for (var i = 0; i <= limit; i++)
        {
            using var unauthorized = await host.GetAsync(TenantErrors.Path(tenant, "errors/export.csv"), key: "not-a-key");
            Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        }

        using var allowed = await host.GetAsync(TenantErrors.Path(tenant, "errors/export.csv"), host.AdminKey);

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }
}

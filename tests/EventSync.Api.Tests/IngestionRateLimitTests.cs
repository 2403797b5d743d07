using System.Net;
using System.Text.Json;
using EventSync.Api.Tests.Infrastructure;
using EventSync.Contracts;
using EventSync.Testing;
using EventSync.Testing.Http;

namespace EventSync.Api.Tests;

/// <summary>Ingested events are limited per tenant by a token bucket: a tenant over its rate is refused, its neighbours are not.</summary>
public sealed class IngestionRateLimitTests(LowIngestionLimitApiHost host) : IClassFixture<LowIngestionLimitApiHost>
{
    [Fact]
    public async Task Should_answer_429_with_retry_after_and_accept_nothing_when_a_tenant_sends_more_events_than_its_rate_while_another_tenant_is_accepted()
    {
        var flooding = SyncFailures.NewTenant("flooding");
        var neighbour = SyncFailures.NewTenant("neighbour");
        var burst = Enumerable.Range(0, host.Burst).Select(i => SyncFailures.ToSalesforce(flooding, $"b{i}", SyncFailures.InvalidEmail)).ToList();

        using var first = await PostAsync(burst);
        // A hundred more: however long the first request took to store, at one event a second far fewer came back.
        using var refused = await PostAsync([.. Enumerable.Range(0, 100).Select(i => SyncFailures.ToSalesforce(flooding, $"over{i}", SyncFailures.RequiredFieldMissing))]);
        using var neighbours = await PostAsync([SyncFailures.ToSalesforce(neighbour, "n1", SyncFailures.InvalidEmail)]);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var problem = await Problems.ReadAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "A refused request must say when to try again.");
        Assert.Equal(HttpStatusCode.Accepted, neighbours.StatusCode);
        var page = await host.PageAsync(flooding, "?errorType=required-value-missing");
        Assert.Empty(page.Items);
    }

    private Task<HttpResponseMessage> PostAsync(IReadOnlyList<SyncFailureReported> failures) =>
        host.SendRawAsync(HttpMethod.Post, "/api/failures", host.AdminKey, JsonSerializer.Serialize(failures, ContractJson.Options));
}

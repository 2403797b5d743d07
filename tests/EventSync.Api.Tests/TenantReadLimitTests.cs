using System.Net;
using EventSync.Api.RateLimiting;
using EventSync.Api.Tests.Infrastructure;
using EventSync.Testing;

namespace EventSync.Api.Tests;

/// <summary>
/// A tenant that floods the API with expensive reads slows down only itself: a few of its reads run at once, a few wait,
/// the rest get 429, and another tenant's page is answered while all of them are held.
/// </summary>
public sealed class TenantReadLimitTests(GatedQueriesApiHost host) : IClassFixture<GatedQueriesApiHost>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Should_run_a_bounded_number_of_a_tenants_reads_refuse_the_rest_and_answer_another_tenant_when_one_tenant_floods_the_lists()
    {
        var limits = new ApiRateLimitOptions();
        var heavy = SyncFailures.NewTenant("heavy");
        var other = SyncFailures.NewTenant("other");
        await host.SeedAsync([SyncFailures.ToSalesforce(heavy, "1", SyncFailures.InvalidEmail), SyncFailures.ToSalesforce(other, "2", SyncFailures.InvalidEmail)]);
        host.Queries.Close(heavy);
        var flood = limits.ConcurrentReadsPerTenant + limits.QueuedReadsPerTenant + 3;

        var reads = Enumerable.Range(0, flood).Select(_ => host.GetAsync(TenantErrors.Path(heavy, "errors"), host.AdminKey)).ToList();
        await Eventually.HoldsAsync(
            () => Task.FromResult(reads.Count(r => r.IsCompleted) == flood - limits.ConcurrentReadsPerTenant - limits.QueuedReadsPerTenant && host.Queries.Waiting == limits.ConcurrentReadsPerTenant),
            Deadline,
            "the reads beyond the running and waiting ones are answered, while the running ones are held");
        using var otherPage = await host.GetAsync(TenantErrors.Path(other, "errors"), host.AdminKey);
        var refused = reads.Where(r => r.IsCompleted).Select(r => r.Result).ToList();
        host.Queries.Open();
        var answers = await Task.WhenAll(reads);

        Assert.Equal(HttpStatusCode.OK, otherPage.StatusCode);
        Assert.All(refused, r => Assert.Equal(HttpStatusCode.TooManyRequests, r.StatusCode));
        Assert.All(refused, r => Assert.NotNull(r.Headers.RetryAfter));
        Assert.Equal(limits.ConcurrentReadsPerTenant + limits.QueuedReadsPerTenant, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.Equal(limits.ConcurrentReadsPerTenant, host.Queries.MostWaiting);
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }
}

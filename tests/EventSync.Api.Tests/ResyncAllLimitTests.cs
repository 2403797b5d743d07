using EventSync.Api.Tests.Infrastructure;
using EventSync.Core.Errors;
using EventSync.Testing;
using EventSync.Testing.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EventSync.Api.Tests;

/// <summary><c>POST .../resync-all</c> refuses a filter that selects more than it resyncs at once, and says what to do instead.</summary>
public sealed class ResyncAllLimitTests(SmallResyncAllApiHost host) : IClassFixture<SmallResyncAllApiHost>
{
    [Fact]
    public async Task Should_refuse_naming_the_limit_and_the_alternatives_and_resync_nothing_when_more_errors_match()
    {
        var tenant = SyncFailures.NewTenant("resync-all-many");
        var errors = await host.SeedAsync(Enumerable.Range(0, SmallResyncAllApiHost.MaxResyncAllErrors + 1).Select(i => SyncFailures.ToSalesforce(tenant, $"many-{i}", SyncFailures.InvalidEmail)));

        using var response = await host.SendAsync(HttpMethod.Post, TenantErrors.Path(tenant, "resync-all"), host.AdminKey, new { errorType = errors[0].ErrorType });

        var message = Assert.Single(await Problems.FieldAsync(response, "filter"));
        Assert.Contains($"More than {SmallResyncAllApiHost.MaxResyncAllErrors} open errors match", message, StringComparison.Ordinal);
        Assert.Contains("an import", message, StringComparison.Ordinal);
        var stored = await host.Services.GetRequiredService<ISyncErrorQueries>().GetManyAsync(tenant, [.. errors.Select(e => e.Id)], TestContext.Current.CancellationToken);
        Assert.All(stored, e => Assert.Equal(SyncErrorState.Open, e.State));
        Assert.DoesNotContain(host.ResyncCommands.Published, c => c.TenantId == tenant);
    }
}

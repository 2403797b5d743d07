using EventSync.Testing;
using EventSync.Testing.Standalone;

namespace EventSync.Standalone.Tests;

/// <summary><c>--demo</c>: a newcomer sees the sync-health cards of the sample tenant fill up through the real pipeline.</summary>
public sealed class DemoTests
{
    private const string DemoTenant = "portal-4711";

    [Fact]
    public async Task Should_fill_the_cards_and_api_usage_of_the_sample_tenant_when_started_with_demo()
    {
        await using var standalone = await RunningStandalone.StartAsync(demo: true);

        var health = await Eventually.MatchesAsync(
            () => standalone.SyncHealthAsync(DemoTenant),
            h => h.ErrorCards.Count >= 5 && h.ApiUsage is not null,
            TimeSpan.FromSeconds(60),
            "at least five error cards and the API usage of the demo tenant");

        Assert.All(health.ErrorCards, card => Assert.InRange(card.AffectedRecords, 1, card.CurrentErrors));
        Assert.DoesNotContain(health.ErrorCards, card => card.Category == "transient");
        Assert.Equal((61_250L, 100_000L), (health.ApiUsage!.UsedLast24h, health.ApiUsage.SalesforceLimit));
    }
}

using EventSync.Standalone.Demo;
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

    [Fact]
    public void Should_report_the_sample_day_again_under_new_event_ids_when_started_a_week_later()
    {
        var firstStart = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
        var weekLater = firstStart.AddDays(7);

        var first = DemoFailurePublisher.DayEndingAt(firstStart);
        var again = DemoFailurePublisher.DayEndingAt(weekLater);

        // With the first start's ids a kept data directory would take the events as known ones and keep showing last week.
        Assert.Empty(first.Select(f => f.EventId).Intersect(again.Select(f => f.EventId)));
        Assert.Equal(again.Count, again.Select(f => f.EventId).Distinct().Count());
        Assert.Equal(weekLater, again.Max(f => f.OccurredAt));
        Assert.All(again, f => Assert.InRange(f.OccurredAt!.Value, weekLater.AddHours(-24), weekLater));
    }

    [Fact]
    public async Task Should_spread_the_demo_failures_over_the_last_24_hours_when_started_with_demo()
    {
        await using var standalone = await RunningStandalone.StartAsync(demo: true);
        var startedAt = DateTimeOffset.UtcNow;

        var lastSeen = await Eventually.MatchesAsync(
            async () => (await standalone.GetJsonAsync($"/api/tenants/{DemoTenant}/errors?limit=200")).GetProperty("items")
                .EnumerateArray().Select(e => e.GetProperty("lastSeen").GetDateTimeOffset()).ToList(),
            // The demo is recorded while the host runs: wait for its later failures too, not only the first twenty.
            seen => seen.Count >= 20 && seen.Max() - seen.Min() > TimeSpan.FromHours(12),
            TimeSpan.FromSeconds(60),
            "the demo tenant's errors, spread over more than half a day");

        Assert.All(lastSeen, at => Assert.InRange(at, startedAt.AddHours(-25), startedAt.AddMinutes(5)));
        Assert.True(lastSeen.Max() - lastSeen.Min() > TimeSpan.FromHours(12), $"The demo errors were last seen between {lastSeen.Min():O} and {lastSeen.Max():O}, not over a day.");
    }
}

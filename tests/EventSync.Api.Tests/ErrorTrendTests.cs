using EventSync.Api.Tests.Infrastructure;
using EventSync.Testing;
using EventSync.Testing.Http;

namespace EventSync.Api.Tests;

/// <summary><c>GET /api/tenants/{t}/error-trend</c>: errors first seen per UTC day and category (the host's clock is 2026-11-20 09:30 UTC).</summary>
public sealed class ErrorTrendTests(FakeClockApiHost host) : IClassFixture<FakeClockApiHost>
{
    private static readonly DateTimeOffset Nov17 = new(2026, 11, 17, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Should_count_errors_by_the_day_they_were_first_seen_per_category_leaving_transient_ones_out()
    {
        var tenant = SyncFailures.NewTenant("trend");
        await host.SeedAsync(
        [
            SyncFailures.ToSalesforce(tenant, "801", SyncFailures.InvalidEmail, occurredAt: Nov17.AddDays(3).AddHours(8)),
            SyncFailures.ToSalesforce(tenant, "802", SyncFailures.InvalidEmail, occurredAt: Nov17.AddDays(1)),
            SyncFailures.ToSalesforce(tenant, "803", SyncFailures.InvalidEmail, occurredAt: Nov17.AddDays(1).AddTicks(-1)),
            SyncFailures.ToSalesforce(tenant, "804", SyncFailures.DuplicateRule, occurredAt: Nov17.AddDays(2).AddHours(12)),
            SyncFailures.ToSalesforce(tenant, "805", SyncFailures.RowLock, occurredAt: Nov17.AddDays(3).AddHours(1)),
        ]);
        // Seen again inside the window, but first seen before it: not counted.
        await host.SeedAsync([SyncFailures.ToSalesforce(tenant, "803", SyncFailures.InvalidEmail, occurredAt: Nov17.AddDays(2))]);

        var trend = await TrendAsync(tenant, "?days=3");

        Assert.Equal(["2026-11-18", "2026-11-19", "2026-11-20"], trend.GetProperty("days").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(
            ["duplicates: 0,1,0", "property-values: 1,0,1"],
            trend.GetProperty("series").EnumerateArray().Select(s => $"{s.GetProperty("category").GetString()}: {string.Join(',', s.GetProperty("counts").EnumerateArray().Select(c => c.GetInt64()))}"));
    }

    [Fact]
    public async Task Should_cover_the_last_thirty_days_with_no_series_when_days_is_left_out_and_nothing_happened()
    {
        var trend = await TrendAsync(SyncFailures.NewTenant("trend-empty"), "");

        var days = trend.GetProperty("days").EnumerateArray().Select(d => d.GetString()).ToList();
        Assert.Equal(30, days.Count);
        Assert.Equal(("2026-10-22", "2026-11-20"), (days[0], days[^1]));
        Assert.Empty(trend.GetProperty("series").EnumerateArray());
    }

    [Fact]
    public async Task Should_give_every_series_a_count_for_every_day_when_days_is_ninety()
    {
        var tenant = SyncFailures.NewTenant("trend-ninety");
        await host.SeedAsync([SyncFailures.ToSalesforce(tenant, "806", SyncFailures.InvalidEmail, occurredAt: Nov17.AddDays(-80))]);

        var trend = await TrendAsync(tenant, "?days=90");

        var counts = Assert.Single(trend.GetProperty("series").EnumerateArray()).GetProperty("counts").EnumerateArray().Select(c => c.GetInt64()).ToList();
        Assert.Equal(90, counts.Count);
        Assert.Equal(1, counts[6]);
        Assert.Equal(1, counts.Sum());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("91")]
    [InlineData("-1")]
    [InlineData("week")]
    public async Task Should_answer_400_naming_days_when_it_is_not_from_1_to_90(string days)
    {
        using var response = await host.GetAsync(TenantErrors.Path(ApiHost.Acme, $"error-trend?days={days}"), host.AdminKey);

        Assert.NotEmpty(await Problems.FieldAsync(response, "days"));
    }

    private async Task<System.Text.Json.JsonElement> TrendAsync(string tenant, string query)
    {
        using var response = await host.GetAsync(TenantErrors.Path(tenant, "error-trend" + query), host.AdminKey);
        return await Problems.JsonAsync(response);
    }
}

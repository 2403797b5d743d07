using EventSync.Contracts;
using EventSync.Notifications.Digests;
using Microsoft.Extensions.Options;

namespace EventSync.Notifications.Tests;

/// <summary>Which period is due when, in the tenant's zone: 08:00 local, across daylight-saving changes.</summary>
public sealed class DigestScheduleTests
{
    private static readonly DigestSchedule Schedule = new(Options.Create(new NotificationOptions()));
    private static readonly TimeZoneInfo Warsaw = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");

    [Fact]
    public void Should_end_the_period_at_local_0800_today_when_it_is_just_after_0800_in_the_tenants_zone()
    {
        // 08:00:30 in Warsaw on 27 November (UTC+1).
        var period = Schedule.LatestDue(DigestFrequency.Daily, Warsaw, new DateTimeOffset(2026, 11, 27, 7, 0, 30, TimeSpan.Zero));

        Assert.Equal(new DigestPeriod(new DateTimeOffset(2026, 11, 26, 7, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 27, 7, 0, 0, TimeSpan.Zero)), period);
    }

    [Fact]
    public void Should_still_be_yesterdays_period_when_it_is_0759_in_the_tenants_zone()
    {
        var period = Schedule.LatestDue(DigestFrequency.Daily, Warsaw, new DateTimeOffset(2026, 11, 27, 6, 59, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 11, 26, 7, 0, 0, TimeSpan.Zero), period.End);
    }

    [Fact]
    public void Should_keep_0800_local_and_a_23_hour_period_when_the_clocks_go_forward()
    {
        // Poland moves to UTC+2 at 02:00 on 29 March 2026.
        var period = Schedule.LatestDue(DigestFrequency.Daily, Warsaw, new DateTimeOffset(2026, 3, 29, 6, 1, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 3, 28, 7, 0, 0, TimeSpan.Zero), period.Start);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 6, 0, 0, TimeSpan.Zero), period.End);
        Assert.Equal(TimeSpan.FromHours(23), period.End - period.Start);
    }

    [Fact]
    public void Should_cover_monday_to_monday_when_a_weekly_digest_is_due()
    {
        // Wednesday 2 December 2026: the last Monday 08:00 in New York was 30 November, 13:00 UTC.
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

        var period = Schedule.LatestDue(DigestFrequency.Weekly, newYork, new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DigestPeriod(new DateTimeOffset(2026, 11, 23, 13, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 30, 13, 0, 0, TimeSpan.Zero)), period);
    }
}

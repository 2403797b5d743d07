using EventSync.Contracts;
using Microsoft.Extensions.Options;
using Quartz;

namespace EventSync.Notifications.Digests;

/// <summary>
/// When digests are due, in a tenant's time zone: the daily and weekly cron expressions of the options, evaluated by
/// Quartz in that zone (so 08:00 stays 08:00 local across daylight-saving changes).
/// </summary>
internal sealed class DigestSchedule(IOptions<NotificationOptions> options)
{
    /// <summary>The latest period that ended at or before <paramref name="now"/>: from the fire time before it to the last one.</summary>
    public DigestPeriod LatestDue(DigestFrequency frequency, TimeZoneInfo zone, DateTimeOffset now)
    {
        var (expression, lookBack) = frequency switch
        {
            DigestFrequency.Daily => (options.Value.DailyCron, TimeSpan.FromDays(3)),
            DigestFrequency.Weekly => (options.Value.WeeklyCron, TimeSpan.FromDays(15)),
            _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, "Immediate alerts have no digest period."),
        };
        var cron = new CronExpression(expression, zone);
        DateTimeOffset? previous = null;
        DateTimeOffset? last = null;
        for (var fire = cron.GetNextValidTimeAfter(now - lookBack); fire is { } at && at <= now; fire = cron.GetNextValidTimeAfter(at))
        {
            previous = last;
            last = at;
        }

        if (last is null || previous is null)
        {
            throw new InvalidOperationException($"The cron expression '{expression}' fires less than twice in {lookBack.TotalDays:0} days.");
        }

        return new DigestPeriod(previous.Value, last.Value);
    }

    /// <summary>The tenant's zone from its IANA id; null when the id is unknown here.</summary>
    public static TimeZoneInfo? FindZone(string timeZone)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return null;
        }
    }
}

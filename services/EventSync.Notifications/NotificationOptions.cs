namespace EventSync.Notifications;

/// <summary>Settings of the notification worker (section <c>EventSync:Notifications</c>).</summary>
public sealed class NotificationOptions
{
    public const string Section = "EventSync:Notifications";

    /// <summary>The sender address of every email.</summary>
    public string From { get; set; } = "eventsync@localhost";

    /// <summary>The dashboard the emails link to.</summary>
    public Uri DashboardUrl { get; set; } = new("http://127.0.0.1:5080/");

    /// <summary>Immediate alerts of a tenant within this long of the first one go out as one email.</summary>
    public TimeSpan AlertWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a sender holds a closed alert window before another may take it over (it crashed, say).</summary>
    public TimeSpan AlertSendLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a digest claim holds before another sender may take the period over.</summary>
    public TimeSpan DigestSendLease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>When daily digests go out, in each tenant's time zone (Quartz cron; default 08:00).</summary>
    public string DailyCron { get; set; } = "0 0 8 ? * *";

    /// <summary>When weekly digests go out, in each tenant's time zone (Quartz cron; default Monday 08:00).</summary>
    public string WeeklyCron { get; set; } = "0 0 8 ? * MON";

    /// <summary>
    /// How often the worker looks for digests that are due (UTC). Every quarter hour meets 08:00 in every time zone,
    /// half- and quarter-hour offsets included.
    /// </summary>
    public string DigestCheckCron { get; set; } = "0 0/15 * * * ?";

    /// <summary>How often closed alert windows whose own trigger was lost (a restart) are looked for.</summary>
    public string AlertSweepCron { get; set; } = "0 * * * * ?";

    /// <summary>How many of the most affected records a digest lists.</summary>
    public int TopRecords { get; set; } = 10;
}

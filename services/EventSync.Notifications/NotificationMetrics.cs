using System.Diagnostics.Metrics;

namespace EventSync.Notifications;

/// <summary>
/// The meter <c>EventSync.Notifications</c>: <c>eventsync.emails.sent</c> and <c>eventsync.emails.failed</c>, tagged with the
/// <c>kind</c> of email (immediate, daily, weekly, test, assignment).
/// </summary>
public sealed class NotificationMetrics
{
    public const string MeterName = "EventSync.Notifications";

    private readonly Counter<long> _sent;
    private readonly Counter<long> _failed;

    public NotificationMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _sent = meter.CreateCounter<long>("eventsync.emails.sent", unit: "{email}", description: "Emails handed to the SMTP server (or the log)");
        _failed = meter.CreateCounter<long>("eventsync.emails.failed", unit: "{email}", description: "Emails the SMTP server did not take");
    }

    public void Sent(string kind) => _sent.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void Failed(string kind) => _failed.Add(1, new KeyValuePair<string, object?>("kind", kind));
}

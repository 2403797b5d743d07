using System.Diagnostics.Metrics;

namespace EventSync.Notifications;

/// <summary>
/// The meter <c>EventSync.Notifications</c>: <c>eventsync.emails.sent</c> and <c>eventsync.emails.failed</c>, tagged with the
/// <c>kind</c> of email (immediate, daily, weekly, test, assignment).
/// </summary>
public sealed class NotificationMetrics
{
    public const string MeterName = "EventSync.Notifications";

    // One meter per process, never disposed, as every product meter (see the ServiceDefaults README, Observability).
    private static readonly Meter Meter = new(MeterName);

    private readonly Counter<long> _sent = Meter.CreateCounter<long>("eventsync.emails.sent", unit: "{email}", description: "Emails handed to the SMTP server (or the log)");
    private readonly Counter<long> _failed = Meter.CreateCounter<long>("eventsync.emails.failed", unit: "{email}", description: "Emails the SMTP server did not take");

    public void Sent(string kind) => _sent.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void Failed(string kind) => _failed.Add(1, new KeyValuePair<string, object?>("kind", kind));

    /// <summary>Whether <paramref name="instrument"/> is one of this host's (a test counts the emails of its own host).</summary>
    internal bool Owns(Instrument instrument) => ReferenceEquals(instrument, _sent) || ReferenceEquals(instrument, _failed);
}

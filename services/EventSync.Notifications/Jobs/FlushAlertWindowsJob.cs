using EventSync.Notifications.Alerts;
using Quartz;

namespace EventSync.Notifications.Jobs;

/// <summary>
/// Fires when an alert window closes (a one-shot trigger per window), on <see cref="NotificationOptions.AlertSweepCron"/>
/// and once at start-up (windows whose trigger was lost in a restart): sends every closed window.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class FlushAlertWindowsJob(AlertWindowFlusher flusher) : IJob
{
    public static readonly JobKey Key = new("flush-alert-windows", "notifications");
    public static readonly TriggerKey SweepTrigger = new("flush-alert-windows-sweep", "notifications");
    public static readonly TriggerKey StartupTrigger = new("flush-alert-windows-at-start", "notifications");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await flusher.FlushDueAsync(cancellationToken);
}

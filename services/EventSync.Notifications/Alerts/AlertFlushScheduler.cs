using EventSync.Notifications.Jobs;
using Quartz;

namespace EventSync.Notifications.Alerts;

/// <summary>A one-shot Quartz trigger of <see cref="FlushAlertWindowsJob"/> at the moment a window closes.</summary>
internal sealed class AlertFlushScheduler(ISchedulerFactory schedulers)
{
    public async Task ScheduleAsync(string windowId, DateTimeOffset closesAt, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var trigger = TriggerBuilder.Create()
            .WithIdentity($"alert-window-{windowId}", "notifications")
            .ForJob(FlushAlertWindowsJob.Key)
            .StartAt(closesAt)
            .Build();
        await scheduler.ScheduleJob(trigger, cancellationToken: cancellationToken);
    }
}

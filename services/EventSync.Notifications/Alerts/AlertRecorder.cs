using EventSync.Contracts;
using EventSync.Core.Storage;
using Microsoft.Extensions.Options;
using Quartz;

namespace EventSync.Notifications.Alerts;

/// <summary>
/// Puts an alert into its tenant's window when the tenant wants immediate emails; the alert that opens a window
/// schedules the window's flush for when it closes.
/// </summary>
internal sealed class AlertRecorder(
    INotificationSettingsStore settingsStore,
    IAlertWindowStore windows,
    AlertFlushScheduler flushes,
    TimeProvider time,
    IOptions<NotificationOptions> options,
    ILogger<AlertRecorder> logger)
{
    /// <summary>Returns whether the alert was kept (the tenant is on immediate emails with recipients).</summary>
    public async Task<bool> RecordAsync(string tenantId, AlertEntry entry, CancellationToken cancellationToken)
    {
        var settings = await settingsStore.GetAsync(tenantId, cancellationToken);
        if (settings is not { Enabled: true, Frequency: DigestFrequency.Immediate } || settings.Recipients.Count == 0)
        {
            return false;
        }

        var appended = await windows.AppendAlertAsync(tenantId, entry, time.GetUtcNow(), options.Value.AlertWindow, cancellationToken);
        if (appended.Opened)
        {
            try
            {
                await flushes.ScheduleAsync(appended.WindowId, appended.ClosesAt, cancellationToken);
            }
            catch (SchedulerException e)
            {
                // The alert is stored: a retry of the message would count it twice. The sweep sends the window instead.
                logger.AlertFlushNotScheduled(appended.WindowId, tenantId, e.Message);
            }
        }

        return true;
    }
}

using EventSync.Contracts;
using EventSync.Core.Notifications;
using EventSync.Core.Webhooks;
using Microsoft.Extensions.Options;
using Quartz;

namespace EventSync.Notifications.Alerts;

/// <summary>
/// Puts an alert into its tenant's window when the tenant wants immediate emails, or has an enabled webhook endpoint
/// subscribed to the alert's event; the alert that opens a window schedules the window's flush for when it closes.
/// </summary>
internal sealed class AlertRecorder(
    INotificationSettingsStore settingsStore,
    IAlertWindowStore windows,
    IWebhookStore webhooks,
    AlertFlushScheduler flushes,
    TimeProvider time,
    IOptions<NotificationOptions> options,
    ILogger<AlertRecorder> logger)
{
    /// <summary>Returns whether the alert was kept (the tenant is on immediate emails with recipients, or a webhook wants it).</summary>
    public async Task<bool> RecordAsync(string tenantId, AlertEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var settings = await settingsStore.GetAsync(tenantId, cancellationToken);
        if (!WantsImmediateEmails(settings) && !await WebhookWantsAsync(tenantId, WebhookEvents.OfAlertReason(entry.Reason), cancellationToken))
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

    /// <summary>Today's rule for immediate emails: enabled, immediate, with recipients.</summary>
    public static bool WantsImmediateEmails(NotificationSettings? settings) =>
        settings is { Enabled: true, Frequency: DigestFrequency.Immediate } && settings.Recipients.Count > 0;

    private async Task<bool> WebhookWantsAsync(string tenantId, string webhookEvent, CancellationToken cancellationToken) =>
        (await webhooks.GetEndpointsAsync(tenantId, cancellationToken)).Any(e => e.Enabled && e.Wants(webhookEvent));
}

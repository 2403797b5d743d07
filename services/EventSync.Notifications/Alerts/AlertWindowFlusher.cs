using EventSync.Contracts;
using EventSync.Core.Storage;
using EventSync.Notifications.Email;
using Microsoft.Extensions.Options;

namespace EventSync.Notifications.Alerts;

/// <summary>
/// Sends every closed alert window: claim it (atomically, for a lease), send one email with everything in it, complete
/// it. Errors ignored since they alerted are left out, and a window left with none is completed unsent. A window whose
/// email fails stays claimed until the lease ends; the next sweep after that tries again.
/// </summary>
internal sealed class AlertWindowFlusher(
    IAlertWindowStore windows,
    INotificationSettingsStore settingsStore,
    ISyncErrorQueries errors,
    AlertEmailComposer composer,
    EmailDelivery delivery,
    TimeProvider time,
    IOptions<NotificationOptions> options,
    ILogger<AlertWindowFlusher> logger)
{
    private const string Kind = "immediate";

    /// <summary>Returns how many windows were sent.</summary>
    public async Task<int> FlushDueAsync(CancellationToken cancellationToken)
    {
        var token = Guid.NewGuid().ToString("N");
        var sent = 0;
        var failed = new HashSet<string>(StringComparer.Ordinal);
        while (await windows.ClaimDueAlertWindowAsync(time.GetUtcNow(), token, options.Value.AlertSendLease, cancellationToken) is { } window)
        {
            if (!failed.Add(window.Id))
            {
                break;
            }

            if (await SendAsync(window, token, cancellationToken))
            {
                sent++;
                failed.Remove(window.Id);
            }
        }

        return sent;
    }

    private async Task<bool> SendAsync(AlertWindow window, string token, CancellationToken cancellationToken)
    {
        var settings = await settingsStore.GetAsync(window.TenantId, cancellationToken);
        if (settings is not { Enabled: true, Frequency: DigestFrequency.Immediate } || settings.Recipients.Count == 0)
        {
            logger.AlertWindowDropped(window.Id, window.TenantId, "the tenant no longer wants immediate emails");
            await windows.CompleteAlertWindowAsync(window.Id, token, cancellationToken);
            return false;
        }

        var ignored = (await errors.GetManyAsync(window.TenantId, [.. window.Entries.Select(e => e.ErrorId).Distinct(StringComparer.Ordinal)], cancellationToken))
            .Where(e => e.State == SyncErrorState.Ignored)
            .Select(e => e.Id)
            .ToHashSet(StringComparer.Ordinal);
        window = window.Without(ignored);
        if (window.Total <= 0)
        {
            logger.AlertWindowDropped(window.Id, window.TenantId, "every error in it is ignored now");
            await windows.CompleteAlertWindowAsync(window.Id, token, cancellationToken);
            return false;
        }

        try
        {
            await delivery.SendAsync(composer.Compose(window, settings, time.GetUtcNow()), Kind, window.TenantId, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Counted and logged by the delivery; the window stays claimed until its lease ends, then the sweep tries again.
            return false;
        }

        if (!await windows.CompleteAlertWindowAsync(window.Id, token, cancellationToken))
        {
            logger.AlertWindowLost(window.Id, window.TenantId);
        }

        return true;
    }
}

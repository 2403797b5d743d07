using EventSync.Core.Errors;
using EventSync.Core.Notifications;
using EventSync.Core.Webhooks;
using EventSync.Notifications.Email;
using EventSync.Notifications.Webhooks;
using Microsoft.Extensions.Options;

namespace EventSync.Notifications.Alerts;

/// <summary>
/// Sends every closed alert window: claim it (atomically, for a lease), queue one webhook delivery per endpoint that wants
/// any of its errors, send one email with everything in it (when the tenant is on immediate emails), complete it. Errors
/// ignored since they alerted are left out, and a window left with none, or wanted by nobody, is completed unsent. A window
/// whose email or queueing fails stays claimed until the lease ends; the next sweep after that tries again, and its
/// deliveries keep their ids (from the window and the endpoint), so receivers see the same delivery again.
/// </summary>
internal sealed class AlertWindowFlusher(
    IAlertWindowStore windows,
    INotificationSettingsStore settingsStore,
    ISyncErrorQueries errors,
    AlertEmailComposer composer,
    EmailDelivery delivery,
    WebhookDispatcher webhooks,
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
        var email = AlertRecorder.WantsImmediateEmails(settings);
        var endpoints = await webhooks.EnabledEndpointsAsync(window.TenantId, cancellationToken);
        if (!email && !endpoints.Any(e => WebhookErrorsData.Of(window, e) is not null))
        {
            logger.AlertWindowDropped(window.Id, window.TenantId, "the tenant no longer wants immediate emails or webhooks");
            await windows.CompleteAlertWindowAsync(window.Id, token, cancellationToken);
            return false;
        }

        var ignored = (await errors.GetManyAsync(window.TenantId, [.. window.Entries.Select(e => e.ErrorId).Distinct(StringComparer.Ordinal)], cancellationToken))
            .Where(e => e.State == SyncErrorState.Ignored)
            .Select(e => e.Id)
            .ToHashSet(StringComparer.Ordinal);
        window = window.Without(ignored);
        if (window.Total <= 0 || (!email && !endpoints.Any(e => WebhookErrorsData.Of(window, e) is not null)))
        {
            logger.AlertWindowDropped(window.Id, window.TenantId, "every error in it that anyone wants is ignored now");
            await windows.CompleteAlertWindowAsync(window.Id, token, cancellationToken);
            return false;
        }

        if (!await QueueWebhooksAsync(window, endpoints, cancellationToken))
        {
            return false;
        }

        try
        {
            if (email)
            {
                await delivery.SendAsync(composer.Compose(window, settings!, time.GetUtcNow()), Kind, window.TenantId, cancellationToken);
            }
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

    private async Task<bool> QueueWebhooksAsync(AlertWindow window, IReadOnlyList<WebhookEndpoint> endpoints, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var endpoint in endpoints)
            {
                if (WebhookErrorsData.Of(window, endpoint) is { } data)
                {
                    var deliveryId = WebhookDeliveryIds.For(WebhookEvents.Errors, window.Id, endpoint.Id);
                    await webhooks.SendAsync(window.TenantId, endpoint, deliveryId, WebhookEvents.Errors, window.ClosesAt, WebhookJson.ToElement(data), cancellationToken);
                }
            }

            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.WebhookNotQueued(WebhookEvents.Errors, window.TenantId, e.Message);
            return false;
        }
    }
}
